import { describe, expect, it } from "vitest";
import { DEFAULT_ASSUMPTIONS } from "../../commands/simulate/assumptions";
import { thisPolicy } from "../../commands/simulate/policies/this";
import { runPolicy } from "../../commands/simulate/run";
import type { Trace } from "../../commands/simulate/trace";

function trace(demand: number[]): Trace {
  return {
    name: "t",
    startMs: Date.parse("2026-03-02T08:00:00Z"),
    demand: Float64Array.from(demand),
    loadColumn: "cpu_percent",
  };
}

async function run(demand: number[], initial: number, config: Record<string, string> = {}) {
  const assumptions = { ...DEFAULT_ASSUMPTIONS, updateMinutes: 10 };
  const result = await runPolicy(thisPolicy, { trace: trace(demand), assumptions, initialInstances: initial, config });
  const changes: [number, number][] = [];
  result.serving.forEach((s, m) => {
    if (m > 0 && s !== result.serving[m - 1]) changes.push([m, s]);
  });
  return { changes, result };
}

describe("this: the real handler on the emulator, on the simulated clock", () => {
  it("scales out in load-proportional steps from setup's high-CPU alarm; a repeat during UPDATING changes nothing", async () => {
    // 1 instance at 50 %, then 1.8 instances' worth (CPU pinned at 100 %) from minute 20.
    const { changes, result } = await run([...Array(20).fill(0.5), ...Array(45).fill(1.8)], 1);
    // The 5-minute mean passes 80 at minute 23; setup's PT1M pending: OK_TO_FIRING at 23:
    // ceil(1 × 90 / 60) = 2, serving at 33. The REPEAT at 28 finds it UPDATING (NotActive). The REPEAT at 33
    // sees a window still mostly at 100 %, but the update finished at 33: the 300 s cooldown counts from
    // then, so it holds (a cooldown from the decision at 23 would have let it scale 2 -> 4 on stale load).
    // The REPEAT at 38 sees the window on 2 instances, 90 %: ceil(2 × 90 / 60) = 3, serving at 48: 1.8
    // instances' worth on 3 is the 60 % target.
    expect(changes).toEqual([
      [33, 2],
      [48, 3],
    ]);
    expect(result.figures.updates).toBe(2);
  });

  it("the cooldown is the function's own, counted from the update's work request on the simulated clock", async () => {
    const demand = [...Array(20).fill(0.5), ...Array(45).fill(1.8)];
    // A 15-minute up-cooldown from the update finishing at 33 holds the REPEATs until 48; the one at 48
    // sees 90 % on 2 instances: ceil(2 × 90 / 60) = 3, serving at 58.
    const { changes } = await run(demand, 1, { SCALE_UP_COOLDOWN_SECONDS: "900" });
    expect(changes).toEqual([
      [33, 2],
      [58, 3],
    ]);
  });

  it("scales in through the low-CPU alarm it created when it scaled out", async () => {
    // Out to 2 as above, then the load falls to 0.1: 5 % CPU on 2, below the low-CPU alarm's 27 (auto at 2).
    const demand = [...Array(20).fill(0.5), ...Array(20).fill(1.8), ...Array(40).fill(0.1)];
    const { changes } = await run(demand, 1, { SCALE_UP_COOLDOWN_SECONDS: "900" });
    expect(changes[0]).toEqual([33, 2]);
    expect(changes.at(-1)?.[1]).toBe(1);
  });
});
