import { defineConfig } from "vitest/config";

// End to end: Debian's headless Chromium drives the preview host against a local Worker.
export default defineConfig({
  test: {
    name: "e2e",
    root: import.meta.dirname,
    include: ["**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
