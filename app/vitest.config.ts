import { defineConfig } from "vitest/config";

// Component tests: each sidebar component rendered in jsdom with a ZAF client double.
export default defineConfig({
  test: {
    name: "app",
    root: import.meta.dirname,
    include: ["test/**/*.test.{ts,tsx}"],
    environment: "jsdom",
    setupFiles: ["test/setup.ts"],
    // The first Garden render in a file styles every component; under a parallel run it is slow.
    testTimeout: 15_000,
  },
});
