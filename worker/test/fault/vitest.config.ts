import { defineConfig } from "vitest/config";

// Fault tests: a real Worker on workerd, killed mid-burst and restarted on the same storage.
export default defineConfig({
  test: {
    name: "fault",
    root: import.meta.dirname,
    include: ["**/*.test.ts"],
    environment: "node",
    testTimeout: 600_000,
    hookTimeout: 120_000,
  },
});
