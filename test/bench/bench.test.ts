import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "../..");

// Proves the benchmark runs end to end; the performance targets live in its output, not here.
describe("npm run bench", () => {
  it("prints the figures and a PASS or FAIL line per target in a quick mode", () => {
    // The bundle is built by the global setup; the unbundled build is the bench's own (build/, used by nothing else).
    execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: ROOT, stdio: "ignore" });
    const output = execFileSync("npx", ["tsx", "scripts/bench.ts", "--runs", "2", "--no-build"], {
      cwd: ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });

    for (const variant of ["bundle (dist/func.js)", "unbundled (build/ + node_modules)", "floor: node -e 0"]) {
      expect(output).toContain(variant);
    }
    expect(output).toMatch(/\| REPEAT, deployment UPDATING\s+\| 1 /);
    const verdicts = output.match(/\| (PASS|FAIL) +\|/g) ?? [];
    expect(verdicts.length).toBe(5);
  }, 180_000);
});
