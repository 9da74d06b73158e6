import { WorkspacePage } from "./workspace-page";

/** The workspace page's entry point (the preview server bundles it as host.js). */

void new WorkspacePage().start().catch((error: unknown) => {
  document.getElementById("workspace")!.textContent =
    `The preview could not start: ${(error as Error).message}`;
});
