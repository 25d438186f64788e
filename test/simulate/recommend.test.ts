import { describe, expect, it } from "vitest";
import { DEFAULT_ASSUMPTIONS } from "../../commands/simulate/assumptions";
import { recommend, recommendationText } from "../../commands/simulate/recommend";
import type { Trace } from "../../commands/simulate/trace";

describe("--recommend", () => {
  it("finds the known optimum: the only target that serves 1.8 instances' worth on 2 instances", async () => {
    // One instance, then a steady 1.8 instances' worth for 50 minutes. The fewest instances that serve it is 2
    // (90 %). With a 15-minute up-cooldown, target 50 goes 1 → 2 → 4 (ceil(2 × 90 / 50)), 60 goes 1 → 2 → 3,
    // and 90 stops at 2: 90 % is within its tolerance. Overload is the same for all (the first update).
    const trace: Trace = {
      name: "steady",
      startMs: Date.parse("2026-03-02T08:00:00Z"),
      demand: Float64Array.from([...Array(5).fill(0.5), ...Array(50).fill(1.8)]),
      loadColumn: "cpu_percent",
    };
    const found = await recommend(
      trace,
      { ...DEFAULT_ASSUMPTIONS, initialInstances: 1 },
      {
        maxOverloadPercent: 50,
        base: { SCALE_UP_COOLDOWN_SECONDS: "900" },
        space: { TARGET_CPU_UTILIZATION: ["50", "60", "90"] },
      },
    );
    expect(found.config).toEqual({ TARGET_CPU_UTILIZATION: "90", SCALE_UP_COOLDOWN_SECONDS: "900" });
    expect(found.feasible).toBe(true);
    expect(found.figures.instanceHours).toBeLessThan(found.baseline.instanceHours);
    expect(recommendationText(found)).toContain("fn config app <app> TARGET_CPU_UTILIZATION 90");
  });
});
