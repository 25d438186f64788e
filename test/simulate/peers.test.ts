import { describe, expect, it } from "vitest";
import { DEFAULT_ASSUMPTIONS } from "../../commands/simulate/assumptions";
import { fixedPolicy } from "../../commands/simulate/policies/fixed";
import { idealPolicy } from "../../commands/simulate/policies/ideal";
import { OCI_AUTOSCALING_DEFAULTS, ociAutoscalingPolicy } from "../../commands/simulate/policies/oci-autoscaling";
import type { PolicyFactory } from "../../commands/simulate/policies/policy";
import { sample2022Policy } from "../../commands/simulate/policies/sample-2022";
import { runPolicy } from "../../commands/simulate/run";
import type { Trace } from "../../commands/simulate/trace";

function trace(demand: number[]): Trace {
  return { name: "t", startMs: 0, demand: Float64Array.from(demand), loadColumn: "requests_per_minute" };
}

async function updates(factory: PolicyFactory, demand: number[], initial: number, updateMinutes = 10) {
  const assumptions = { ...DEFAULT_ASSUMPTIONS, updateMinutes };
  const run = await runPolicy(factory, { trace: trace(demand), assumptions, initialInstances: initial, config: {} });
  const changes: [number, number][] = [];
  run.serving.forEach((s, m) => {
    if (m > 0 && s !== run.serving[m - 1]) changes.push([m, s]);
  });
  return changes;
}

describe("oci-autoscaling (OCI's built-in threshold policy)", () => {
  it("adds instanceCountAdjustment once the CPU mean held above scale-out for pendingDuration (PT3M)", async () => {
    // 1 instance, load 0.5 then 0.95 (95 % CPU) from minute 10; update 5 minutes.
    const demand = [...Array(10).fill(0.5), ...Array(30).fill(0.95)];
    // Breaching from minute 10: fires at the 3rd breaching minute (12), serves at 12 + 5.
    expect(await updates(ociAutoscalingPolicy(), demand, 1, 5)).toEqual([[17, 2]]);
  });

  it("waits coolDownInSeconds (600) counted from ACTIVE after the scaling operation, not from the decision", async () => {
    const demand = Array(60).fill(5);
    // Always breaching: acts at minute 2, ACTIVE at 12, cooldown until 22, ACTIVE at 32, then 42 → 52.
    expect(await updates(ociAutoscalingPolicy(), demand, 1, 10)).toEqual([
      [12, 2],
      [32, 3],
      [52, 4],
    ]);
  });

  it("removes instances below scale-in, by a fixed adjustment, never below the minimum", async () => {
    const demand = Array(60).fill(0.1);
    const twoAtATime = ociAutoscalingPolicy({ ...OCI_AUTOSCALING_DEFAULTS, adjustment: 2 });
    expect(await updates(twoAtATime, demand, 4, 5)).toEqual([
      [7, 2],
      [22, 1],
    ]);
  });

  it("refuses parameters OCI refuses: pendingDuration under PT3M, cooldown under 600 s", () => {
    expect(() => ociAutoscalingPolicy({ ...OCI_AUTOSCALING_DEFAULTS, pendingMinutes: 2 })).toThrow(/PT3M/);
    expect(() => ociAutoscalingPolicy({ ...OCI_AUTOSCALING_DEFAULTS, cooldownSeconds: 300 })).toThrow(/600/);
  });
});

describe("sample-2022 (the original blog's design)", () => {
  it("±1 instance per message on the 5-minute mean (> 80), repeating every 5 minutes, no cooldown, only when ACTIVE", async () => {
    const demand = Array(25).fill(5);
    // 5m mean > 80 from minute 0; pending PT5M: fires at minute 4, then REPEATs at 9, 14, 19 …
    // Update 3 minutes: each repeat finds the deployment ACTIVE and adds one.
    expect(await updates(sample2022Policy(), demand, 1, 3)).toEqual([
      [7, 2],
      [12, 3],
      [17, 4],
      [22, 5],
    ]);
  });

  it("a repeat that finds the deployment UPDATING does nothing", async () => {
    const demand = Array(30).fill(5);
    // Update 6 minutes: fires at 4 (ACTIVE at 10), repeat at 9 is UPDATING, 14 acts (ACTIVE at 20), 19 skipped, 24 acts.
    expect(await updates(sample2022Policy(), demand, 1, 6)).toEqual([
      [10, 2],
      [20, 3],
    ]);
  });

  it("removes one instance per message below 10 %, down to the minimum", async () => {
    expect(await updates(sample2022Policy(), Array(20).fill(0.1), 3, 2)).toEqual([
      [6, 2],
      [11, 1],
    ]);
  });
});

describe("fixed and ideal", () => {
  it("fixed:N never changes", async () => {
    expect(await updates(fixedPolicy(3), [0.1, 9, 0.1], 1)).toEqual([]);
  });

  it("ideal changes at once to keep the target (60 %), within the bounds", async () => {
    const assumptions = DEFAULT_ASSUMPTIONS;
    const run = await runPolicy(idealPolicy, {
      trace: trace([0.3, 1.2, 1.3, 30]),
      assumptions,
      initialInstances: 1,
      config: {},
    });
    expect(Array.from(run.serving)).toEqual([1, 2, 3, 10]);
  });
});
