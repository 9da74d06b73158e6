import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "domain",
          include: ["worker/test/domain/**/*.test.ts"],
          environment: "node",
        },
      },
      "./worker/vitest.config.ts",
    ],
  },
});
