import { defineConfig } from "vitest/config";

// End to end: Debian's headless Chromium drives the preview host against a local Worker. One
// Worker and one app build for the whole project (global setup); each file gets its own tenant.
export default defineConfig({
  test: {
    name: "e2e",
    root: import.meta.dirname,
    include: ["**/*.test.ts"],
    environment: "node",
    globalSetup: ["./global-setup.ts"],
    // Files run one after another: each drives a browser against the one shared Worker, and two
    // cores are enough for one of each.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
