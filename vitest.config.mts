import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The Pulumi SDK keeps its runtime state per process; each test file gets its own.
    pool: "forks",
    testTimeout: 30_000,
  },
});
