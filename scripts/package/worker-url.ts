/** The Worker host the source manifest names until a package is built for a real Worker. */
export const EXAMPLE_WORKER_HOST = "continuity.example.workers.dev";

type Manifest = Record<string, unknown> & { parameters?: Record<string, unknown>[] };

/**
 * Build the manifest for one Worker. Zendesk's proxy sends secure settings only to hosts in
 * `domainWhitelist` and reads that list literally (no `{{setting.…}}`), so the Worker's host is
 * written in at package time; the `workerUrl` setting gets the same URL as its default.
 */
export function manifestForWorker(manifest: Manifest, workerUrl: string): Manifest {
  let url: URL;
  try {
    url = new URL(workerUrl);
  } catch {
    throw new Error(`--worker-url must be a URL like https://continuity.acme.workers.dev`);
  }
  if (url.protocol !== "https:")
    throw new Error(`--worker-url must use https: Zendesk's proxy calls it from the internet`);
  if (url.pathname !== "/" || url.search || url.hash)
    throw new Error(`--worker-url is the Worker's origin only, with no path (${url.origin})`);
  return {
    ...manifest,
    domainWhitelist: [url.hostname],
    parameters: (manifest.parameters ?? []).map((p) =>
      p.name === "workerUrl" ? { ...p, default: url.origin } : p,
    ),
  };
}
