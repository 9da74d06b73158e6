import { defineConfig } from "vitest/config";

// The app package's rules: pure functions over file maps, tested in milliseconds.
export default defineConfig({
  test: {
    name: "package",
    root: import.meta.dirname,
    include: ["*.test.ts"],
    environment: "node",
  },
});
