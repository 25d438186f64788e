import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { reversalsOf, risesOf, timeToCapacity } from "../../commands/simulate/figures";

const ROOT = resolve(__dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "simulate-"));
const t = (m: number) => new Date(Date.UTC(2026, 2, 2, 0, m)).toISOString();

function simulate(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ["--import", "tsx", "commands/simulate.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("figures, computed by hand on a 10-minute trace", () => {
  // Requests per minute with one request per instance-minute: demand in instances is the column itself.
  const demand = [1, 1, 3, 3, 3, 3, 3, 1, 1, 1];
  const file = join(dir, "small.csv");
  writeFileSync(file, `time,requests_per_minute\n${demand.map((d, m) => `${t(m)},${d}`).join("\n")}\n`);

  it("writes the JSON figures of fixed:2 and ideal", () => {
    const json = join(dir, "small.json");
    const r = simulate([
      "--trace",
      file,
      "--requests-per-instance",
      "1",
      "--policy",
      "fixed:2",
      "--policy",
      "ideal",
      "--json",
      json,
    ]);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(readFileSync(json, "utf8"));
    expect(out.policies).toEqual([
      {
        // 2 instances × 10 minutes; minutes 2-6 need 3: 5 overload minutes, 1 instance short each of 20 in all.
        // The one rise (minute 2, goal 3) never gets capacity; demand falls within 2 at minute 7: 5 minutes.
        name: "fixed:2",
        instanceHours: 0.33,
        overloadMinutes: 5,
        unservedPercent: 25,
        updates: 0,
        reversals: 0,
        timeToCapacityP50Minutes: 5,
        timeToCapacityMaxMinutes: 5,
      },
      {
        // ceil(demand / 60 %): 2, 2, 5×5, 2, 2, 2 = 35 instance-minutes; up at 2, down at 7 (a reversal, 5 min apart).
        name: "ideal",
        instanceHours: 0.58,
        overloadMinutes: 0,
        unservedPercent: 0,
        updates: 2,
        reversals: 1,
        timeToCapacityP50Minutes: 0,
        timeToCapacityMaxMinutes: 0,
      },
    ]);
    expect(out.trace).toMatchObject({ minutes: 10, loadColumn: "requests_per_minute", peakDemandInstances: 3 });
    expect(out.assumptions).toMatchObject({
      updateMinutes: 10,
      minInstances: 1,
      maxInstances: 10,
      initialInstances: 2,
    });
    expect(Object.keys(out.assumptions.sources)).toContain("updateMinutes");
    expect(r.stdout).toMatch(/\| fixed:2 +\| 0\.3 +\| 5 +\| 25\.00 +\| 0 +\| 0 +\| 5 \/ 5/);
  });

  it("rises are the trace's: demand that needs more for 5 minutes than anything in the 30 before", () => {
    expect(risesOf(demand, { minInstances: 1, maxInstances: 10 })).toEqual([{ minute: 2, goal: 3 }]);
    expect(risesOf([1, 1, 5, 1, 1, 1, 1, 1], { minInstances: 1, maxInstances: 10 })).toEqual([]);
    expect(timeToCapacity({ minute: 2, goal: 3 }, demand, [1, 1, 1, 1, 3, 3, 3, 3, 3, 3])).toBe(2);
  });

  it("a reversal is a change against the previous one within 30 minutes", () => {
    const u = (minute: number, from: number, to: number) => ({ minute, from, to, doneMinute: minute });
    expect(reversalsOf([u(0, 1, 2), u(10, 2, 1), u(50, 1, 2), u(60, 2, 3)])).toBe(1);
  });
});

describe("npm run simulate: files and errors", () => {
  it("draws the SVG, one panel per policy, with a well-formed structure", () => {
    const svg = join(dir, "spike.svg");
    const r = simulate([
      "--trace",
      "traces/spike.csv",
      "--requests-per-instance",
      "100",
      "--policy",
      "oci-autoscaling",
      "--policy",
      "ideal",
      "--svg",
      svg,
    ]);
    expect(r.status, r.stderr).toBe(0);
    const text = readFileSync(svg, "utf8");
    expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(text).toContain(">oci-autoscaling<");
    expect(text).toContain(">ideal<");
    expect(text.match(/<svg/g)?.length).toBe(1);
    expect(text.trim().endsWith("</svg>")).toBe(true);
  });

  it("a bad file exits 2 naming the line and the column", () => {
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, `time,requests_per_minute\n${t(0)},10\n${t(1)},ten\n`);
    const r = simulate(["--trace", bad, "--requests-per-instance", "1"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('bad.csv:3: column requests_per_minute: "ten" is not a number');
  });

  it("an unknown policy is a usage error", () => {
    const r = simulate(["--trace", "traces/spike.csv", "--requests-per-instance", "100", "--policy", "magic"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown policy "magic"/);
  });
});
