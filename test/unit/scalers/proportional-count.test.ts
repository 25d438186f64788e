import { describe, expect, it } from "vitest";
import { type ProportionalLimits, proportionalCount } from "../../../src/scalers/proportional-count";

const LIMITS: ProportionalLimits = {
  TARGET_CPU_UTILIZATION: 60,
  CPU_TOLERANCE: 0.1,
  MAX_SCALE_UP_STEP: 4,
  MAX_SCALE_DOWN_STEP: 2,
};

describe("proportionalCount", () => {
  it.each<{ direction: "up" | "down"; current: number; observed: number; limits?: object; expected: object }>([
    // ceil(1 × 92.31 / 60) = ceil(1.54)
    { direction: "up", current: 1, observed: 92.31, expected: { count: 2 } },
    // ceil(3 × 95 / 60) = ceil(4.75)
    { direction: "up", current: 3, observed: 95, expected: { count: 5 } },
    // ceil(4 × 100 / 60) = ceil(6.67), under the cap of 4 + 4
    { direction: "up", current: 4, observed: 100, expected: { count: 7 } },
    // ceil(5 × 100 / 10) = 50, capped at 5 + 4
    { direction: "up", current: 5, observed: 100, limits: { TARGET_CPU_UTILIZATION: 10 }, expected: { count: 9 } },
    { direction: "up", current: 2, observed: 65, expected: { reason: "WithinTolerance" } },
    // A high alarm whose threshold is below the target: the metric says there is enough.
    { direction: "up", current: 2, observed: 30, expected: { reason: "MetricDisagrees" } },
    // ceil(3 × 30 / 60) = ceil(1.5)
    { direction: "down", current: 3, observed: 30, expected: { count: 2 } },
    // ceil(10 × 9 / 60) = 2, but at most 2 fewer per decision
    { direction: "down", current: 10, observed: 9, expected: { count: 8 } },
    // ceil(2 × 48 / 60) = ceil(1.6) = 2: both instances are still needed
    { direction: "down", current: 2, observed: 48, expected: { reason: "WithinTolerance" } },
    { direction: "down", current: 2, observed: 90, expected: { reason: "MetricDisagrees" } },
  ])("$direction from $current at $observed%", ({ direction, current, observed, limits, expected }) => {
    expect(proportionalCount(direction, current, observed, { ...LIMITS, ...limits })).toMatchObject(expected);
  });

  it("treats the band's edge as within tolerance", () => {
    expect(proportionalCount("up", 1, 66, LIMITS)).toMatchObject({ reason: "WithinTolerance" });
    expect(proportionalCount("up", 1, 66.1, LIMITS)).toEqual({ count: 2 });
  });
});
