import { describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/policy/config";
import { decideInstanceDown, decideInstanceUp } from "../../../src/scalers";
import { snapshot } from "../../support/snapshot";

const config = loadConfig({ MAX_INSTANCES: "6", MAX_SCALE_DOWN_STEP: "3" });

describe("instance scalers", () => {
  it.each([
    {
      name: "high CPU without metric values adds one",
      decide: decideInstanceUp,
      count: 2,
      observed: undefined,
      expected: { to: 3 },
    },
    // ceil(2 × 150 / 60) = 5
    {
      name: "high CPU with a value adds what the load needs",
      decide: decideInstanceUp,
      count: 2,
      observed: 150,
      expected: { to: 5 },
    },
    // ceil(4 × 100 / 60) = 7, above MAX_INSTANCES
    {
      name: "the load never passes MAX_INSTANCES",
      decide: decideInstanceUp,
      count: 4,
      observed: 100,
      expected: { to: 6 },
    },
    {
      name: "high CPU near the target changes nothing",
      decide: decideInstanceUp,
      count: 2,
      observed: 62,
      expected: { kind: "no-change", reason: "WithinTolerance", scaleDownAlarm: "none" },
    },
    {
      name: "low CPU without metric values removes one",
      decide: decideInstanceDown,
      count: 4,
      observed: undefined,
      expected: { to: 3, scaleDownAlarm: "ensure" },
    },
    // ceil(5 × 5 / 60) = 1, but at most 3 fewer
    {
      name: "low CPU with a value removes up to MAX_SCALE_DOWN_STEP",
      decide: decideInstanceDown,
      count: 5,
      observed: 5,
      expected: { to: 2 },
    },
    // ceil(3 × 5 / 60) = 1: the floor, so the scale-down alarm goes
    {
      name: "low CPU reaching the floor deletes the scale-down alarm",
      decide: decideInstanceDown,
      count: 3,
      observed: 5,
      expected: { to: 1, scaleDownAlarm: "delete" },
    },
  ])("$name", ({ decide, count, observed, expected }) => {
    const signal = observed === undefined ? {} : { observedUtilization: observed };
    expect(decide(snapshot({ instanceCount: count }), config, signal)).toMatchObject(expected);
  });
});
