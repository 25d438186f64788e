import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "simulate-config-"));

/** `npm run simulate -- --trace traces/spike.csv ... --policy this [--config ...] --json FILE`: `this`'s figures. */
function thisOnSpike(...config: string[]): { instanceHours: number; updates: number } {
  const json = join(dir, `${config.length}.json`);
  const args = ["--trace", "traces/spike.csv", "--requests-per-instance", "100", "--policy", "this", "--json", json];
  const r = spawnSync(process.execPath, ["--import", "tsx", "commands/simulate.ts", ...args, ...config], {
    cwd: ROOT,
    encoding: "utf8",
  });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(readFileSync(json, "utf8")).policies[0];
}

describe("npm run simulate -- --config KEY=VALUE", () => {
  it("is the configuration of the function under test", () => {
    const defaults = thisOnSpike();
    // The spike needs 8 instances at its peak; capped at 2, `this` makes one update and runs fewer instance-hours.
    const capped = thisOnSpike("--config", "MAX_INSTANCES=2");
    expect(capped.updates).toBe(1);
    expect(capped.instanceHours).toBeLessThan(defaults.instanceHours);
  });

  it("refuses a value the function would reject, naming the key (exit 2)", () => {
    const r = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "commands/simulate.ts",
        "--trace",
        "traces/spike.csv",
        "--config",
        "TARGET_CPU_UTILIZATION=abc",
      ],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--config TARGET_CPU_UTILIZATION");
  });
});
