import { describe, expect, it } from "vitest";
import { DEFAULT_ASSUMPTIONS } from "../../commands/simulate/assumptions";
import { daysOf } from "../../commands/simulate/forecast-chart";
import type { PolicyRun, SimulationResult } from "../../commands/simulate/run";

describe("daysOf: the days of a run the Forecast chart draws", () => {
  it("cuts the trace and every run's instances alike, and moves the start to the first day drawn", () => {
    const minutes = 3 * 1440;
    const run = { serving: Uint16Array.from({ length: minutes }, (_, m) => Math.floor(m / 1440) + 1) } as PolicyRun;
    const result: SimulationResult = {
      trace: {
        name: "t",
        startMs: Date.parse("2026-03-02T00:00:00Z"),
        demand: Float64Array.from({ length: minutes }, (_, m) => m),
        loadColumn: "cpu_percent",
      },
      assumptions: DEFAULT_ASSUMPTIONS,
      initialInstances: 1,
      runs: [run],
    };
    const cut = daysOf(result, 1, 5);
    expect(new Date(cut.trace.startMs).toISOString()).toBe("2026-03-03T00:00:00.000Z");
    expect(cut.trace.demand.length).toBe(2 * 1440);
    expect(cut.trace.demand[0]).toBe(1440);
    expect([...new Set(cut.runs[0]?.serving)]).toEqual([2, 3]);
  });
});
