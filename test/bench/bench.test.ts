import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "../..");

// Proves the benchmark runs end to end; the performance targets live in its output, not here.
describe("npm run bench", () => {
  it("prints the figures and a PASS or FAIL line per target in a quick mode", () => {
    // The bundles are built by the global setup; the snapshot blob and the unbundled build/ are the bench's own.
    execFileSync(process.execPath, ["scripts/snapshot.mjs"], { cwd: ROOT, stdio: "ignore" });
    execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: ROOT, stdio: "ignore" });
    const output = execFileSync(
      "npx",
      ["tsx", "commands/bench.ts", "--runs", "2", "--no-build", "--no-control-quality"],
      {
        cwd: ROOT,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      },
    );

    for (const variant of [
      "bundle (dist/func.js)",
      "V8 snapshot",
      "unbundled (build/ + node_modules)",
      "floor: node -e 0",
    ]) {
      expect(output).toContain(variant);
    }
    expect(output).toMatch(/\| REPEAT, deployment UPDATING\s+\| 1 /);
    expect(output).toMatch(/\| forecast tick, no change[^|]*\| 3 +\| GET schedule, GET deployment, READ history /);
    const verdicts = output.match(/\| (PASS|FAIL) +\|/g) ?? [];
    expect(verdicts.length).toBe(9);
  }, 180_000);
});
