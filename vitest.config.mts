import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The Pulumi SDK keeps its runtime state per process; each test file gets its own.
    pool: "forks",
    // Many files spend their time in child processes or imports, not on a core: use every core.
    maxWorkers: Math.max(2, availableParallelism()),
    testTimeout: 30_000,
  },
});
