import { describe, expect, it } from "vitest";
import { DEFAULT_ASSUMPTIONS } from "../../commands/simulate/assumptions";
import { thisPolicy } from "../../commands/simulate/policies/this";
import { knobDefaults, recommend, recommendationText } from "../../commands/simulate/recommend";
import { initialInstancesFor, runPolicy } from "../../commands/simulate/run";
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
    const text = recommendationText(found);
    expect(text).toContain("fn config app <app> TARGET_CPU_UTILIZATION 90");
    // Only what the search changed is printed, with what it gains.
    expect(text).not.toContain("SCALE_UP_COOLDOWN_SECONDS");
    expect(text).toMatch(/instance-hours \(-[\d.]+\)/);
  });

  it("starts from the function's real defaults, LOW_CPU_THRESHOLD=auto included, and reports them as the baseline", async () => {
    expect(knobDefaults()).toMatchObject({
      LOW_CPU_THRESHOLD: "auto",
      TARGET_CPU_UTILIZATION: "60",
      HIGH_CPU_THRESHOLD: "80",
    });
    // A burst, then a long quiet: how far and how fast it scales back in depends on the low threshold.
    const trace: Trace = {
      name: "burst",
      startMs: Date.parse("2026-03-02T08:00:00Z"),
      demand: Float64Array.from([...Array(5).fill(0.5), ...Array(40).fill(3.5), ...Array(120).fill(1.2)]),
      loadColumn: "cpu_percent",
    };
    const assumptions = { ...DEFAULT_ASSUMPTIONS, initialInstances: 1 };
    const context = { trace, assumptions, initialInstances: initialInstancesFor(trace, assumptions), config: {} };
    const defaults = (await runPolicy(thisPolicy, context)).figures;

    const found = await recommend(trace, assumptions, {
      maxOverloadPercent: 100,
      space: { LOW_CPU_THRESHOLD: ["auto", "10"] },
      passes: 1,
    });

    expect(found.baseline).toEqual(defaults);
    expect(found.runs).toBe(2);
    if (found.changed.LOW_CPU_THRESHOLD === undefined) {
      expect(recommendationText(found)).toContain("nothing to change");
    } else {
      expect(found.figures.instanceHours).toBeLessThan(found.baseline.instanceHours);
    }
  });
});
