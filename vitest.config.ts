import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "domain",
          include: ["worker/test/domain/**/*.test.ts", "worker/test/language/**/*.test.ts"],
          environment: "node",
          // The domain is pure: no state leaks between files, so one worker can run them all.
          isolate: false,
        },
      },
      "./worker/vitest.config.ts",
      "./app/vitest.config.ts",
      "./app/e2e/vitest.config.ts",
      "./scripts/package/vitest.config.ts",
      "./worker/test/fault/vitest.config.ts",
    ],
  },
});
