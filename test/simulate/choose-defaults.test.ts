import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { bestOver, cost, leaveOneOut, type TraceFigures } from "../../commands/simulate/choose-defaults";
import type { PolicyFigures } from "../../commands/simulate/figures";

const figures = (name: string, instanceHours: number, overloadMinutes: number): PolicyFigures => ({
  name,
  instanceHours,
  overloadMinutes,
  unservedPercent: 0,
  updates: 0,
  reversals: 0,
  timeToCapacityP50Minutes: null,
  timeToCapacityMaxMinutes: null,
});

const candidates = [
  { label: "short", config: {} },
  { label: "long", config: {} },
];

/** Two traces where the long window wins big, one where it loses a little. */
const results: TraceFigures[] = [
  {
    trace: "a",
    oci: figures("oci", 100, 50),
    byCandidate: new Map([
      ["short", figures("this", 80, 80)],
      ["long", figures("this", 90, 10)],
    ]),
  },
  {
    trace: "b",
    oci: figures("oci", 100, 50),
    byCandidate: new Map([
      ["short", figures("this", 80, 80)],
      ["long", figures("this", 90, 10)],
    ]),
  },
  {
    trace: "c",
    oci: figures("oci", 100, 0),
    byCandidate: new Map([
      ["short", figures("this", 80, 0)],
      ["long", figures("this", 100, 0)],
    ]),
  },
];

describe("choosing defaults over every trace", () => {
  it("scores instance-hours and overload against OCI's, overload against at least 5 minutes", () => {
    expect(cost(figures("this", 100, 50), figures("oci", 100, 50))).toBe(2);
    expect(cost(figures("this", 50, 5), figures("oci", 100, 0))).toBe(1.5);
  });

  it("chooses the least total cost, and judges each trace with the choice made without it", () => {
    expect(bestOver(results, candidates, () => true)).toBe("long");
    const loo = leaveOneOut(results, candidates);
    expect(loo.map((row) => [row.trace, row.chosenWithout])).toEqual([
      ["a", "long"],
      ["b", "long"],
      // Without c, long still wins: c is judged by a choice it did not make, and shows the cost.
      ["c", "long"],
    ]);
    expect(loo[2]?.figures.instanceHours).toBe(100);
  });

  it("runs from the command line on a chosen trace", () => {
    const root = resolve(__dirname, "../..");
    const out = execFileSync(
      process.execPath,
      [
        resolve(root, "node_modules/tsx/dist/cli.mjs"),
        "commands/choose-defaults.ts",
        "--traces",
        "spike",
        "--set",
        "SCALE_IN_STABILIZATION=PT0S,PT1H",
      ],
      { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
    expect(out).toContain("SCALE_IN_STABILIZATION=PT1H");
    expect(out).toMatch(/Chosen over all traces: SCALE_IN_STABILIZATION=PT(0S|1H)/);
    expect(out).toContain("Leave-one-out");
  }, 60_000);
});
