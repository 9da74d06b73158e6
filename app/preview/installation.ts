import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "../../scripts/lib/local-env";
import type { InstallationSettings } from "./zaf-proxy";

interface ManifestParameter {
  name: string;
  type?: string;
  required?: boolean;
  secure?: boolean;
  scopes?: string[];
}

export interface Manifest {
  name: string;
  version: string;
  location: { support?: Record<string, string | { url?: string }> };
  parameters?: ManifestParameter[];
}

export const MANIFEST_FILE = path.join(ROOT, "manifest.json");

export function readManifest(file = MANIFEST_FILE): Manifest {
  return JSON.parse(readFileSync(file, "utf8")) as Manifest;
}

/** A location's URL, whether the manifest writes it as a string or as `{ url }`. */
export function locationUrl(manifest: Manifest, location: string): string | undefined {
  const entry = manifest.location.support?.[location];
  return typeof entry === "string" ? entry : entry?.url;
}

/**
 * The app as an admin would install it: the manifest's parameters with the preview's values —
 * the local Worker's URL and the demo tenant's app secret. A setting the admin may leave empty
 * and the preview gives no value stays empty, as an admin who skips it leaves it.
 */
export function installation(
  manifest: Manifest,
  values: Record<string, string>,
): InstallationSettings {
  const definitions = (manifest.parameters ?? []).map((p) => ({
    name: p.name,
    secure: p.secure === true,
    scopes: p.scopes ?? [],
  }));
  const filled = { ...values };
  for (const p of manifest.parameters ?? []) {
    if (filled[p.name] !== undefined) continue;
    if (p.required) throw new Error(`the preview has no value for the app setting "${p.name}"`);
    filled[p.name] = "";
  }
  return { definitions, values: filled };
}

/** What `client.metadata().settings` shows: everything but secure settings. */
export function visibleSettings(
  manifest: Manifest,
  settings: InstallationSettings,
): Record<string, string> {
  const visible: Record<string, string> = { title: manifest.name };
  for (const d of settings.definitions) if (!d.secure) visible[d.name] = settings.values[d.name]!;
  return visible;
}
