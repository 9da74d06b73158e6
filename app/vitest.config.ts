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
    // Vitest leaves a core free by default, which on two cores means one file at a time: two
    // take the project from about 140 s to about 90 s here. Projects with their own number of
    // workers run as their own group, after the domain's.
    maxWorkers: 2,
    sequence: { groupOrder: 1 },
  },
});
