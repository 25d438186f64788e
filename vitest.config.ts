import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Vitest's default on 2 cores is one worker; most files wait on sockets (the emulator, the FDK's unix
    // socket, child processes), so three keep both cores busy: npm test went from ~200 s to ~105 s of tests.
    maxWorkers: 3,
    minWorkers: 1,
    // Dots while it runs, then the summary; a failure is printed in full.
    reporters: ["dot"],
    // A passing run prints its summary only: a test's console output (and the SDK's retry chatter) is shown
    // when that test fails.
    silent: "passed-only",
  },
});
