import { build } from "vite";

/**
 * Bundle browser entry points in memory with Vite (no files written): the workspace page's code,
 * and in tests a fixture that loads the real ZAF SDK. Returns file name → JavaScript.
 */
export async function bundleBrowserCode(
  entries: Record<string, string>,
  root: string,
): Promise<Map<string, string>> {
  const result = await build({
    configFile: false,
    logLevel: "warn",
    root,
    build: {
      write: false,
      minify: false,
      sourcemap: false,
      modulePreload: false,
      target: "es2022",
      rolldownOptions: {
        input: entries,
        output: { entryFileNames: "[name].js", chunkFileNames: "[name]-[hash].js", format: "es" },
      },
    },
  });
  const files = new Map<string, string>();
  for (const output of Array.isArray(result) ? result : [result]) {
    if (!("output" in output)) throw new Error("Vite returned a watcher, not a bundle");
    for (const file of output.output)
      files.set(file.fileName, file.type === "chunk" ? file.code : String(file.source));
  }
  return files;
}
