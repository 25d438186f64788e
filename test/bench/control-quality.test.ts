/** The bench's control table: `this (forecast off)` beside `this`, and issue 20's targets judged on the figures. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  controlTable,
  evaluateControlTargets,
  FORECAST_OFF_ROW,
  runControlQuality,
} from "../../commands/bench/control-quality";
import { forecastTargets } from "../../commands/bench/forecast-targets";
import type { PolicyFigures } from "../../commands/simulate/figures";
import type { SimulationResult } from "../../commands/simulate/run";

/** A two-hour trace under a reference trace's name: the rows are the bench's, the run short. */
function shortTrace(
  dir: string,
  name: string,
): { name: string; file: string; requestsPerInstance: number; what: string } {
  const start = Date.parse("2026-03-02T07:00:00Z");
  const rows = Array.from(
    { length: 120 },
    (_, m) => `${new Date(start + m * 60_000).toISOString()},${m < 60 ? 80 : 240}`,
  );
  const file = join(dir, `${name}.csv`);
  writeFileSync(file, `time,requests_per_minute\n${rows.join("\n")}\n`);
  return { name, file, requestsPerInstance: 100, what: "two hours" };
}

function figures(name: string, instanceHours: number, overloadMinutes: number): PolicyFigures {
  return {
    name,
    instanceHours,
    overloadMinutes,
    unservedPercent: 0,
    updates: 0,
    reversals: 0,
    timeToCapacityP50Minutes: null,
    timeToCapacityMaxMinutes: null,
  };
}

function results(byTrace: Record<string, PolicyFigures[]>): Map<string, SimulationResult> {
  return new Map(
    Object.entries(byTrace).map(([trace, runs]) => [
      trace,
      { runs: runs.map((f) => ({ figures: f })) } as unknown as SimulationResult,
    ]),
  );
}

describe("bench control quality: the forecast's rows", () => {
  it("runs `this (forecast off)` right after `this` on every trace", async () => {
    const dir = mkdtempSync(join(tmpdir(), "control-quality-"));
    const measured = await runControlQuality(undefined, [shortTrace(dir, "surge-week"), shortTrace(dir, "spike")]);
    for (const result of measured.values()) {
      const names = result.runs.map((r) => r.figures.name);
      expect(names.slice(0, 2)).toEqual(["this", FORECAST_OFF_ROW]);
      expect(names).toContain("oci-autoscaling");
    }
    expect(controlTable(measured)).toMatch(/\| surge-week +\| this \(forecast off\) +\|/);
    const names = evaluateControlTargets(measured).map((t) => t.name);
    expect(names).toContain(`surge-week: overload ≤ 0.5 × ${FORECAST_OFF_ROW}'s`);
    expect(names).toContain(`spike: instance-hours within 2 % of ${FORECAST_OFF_ROW}'s`);
  }, 60_000);

  it("judges issue 20's targets on the figures: halved overload at ≤ 1.05 ×, within 2 % without a rhythm", () => {
    const targets = forecastTargets(
      results({
        "surge-week": [figures("this", 104, 90), figures(FORECAST_OFF_ROW, 100, 199)],
        "nasa-1995": [figures("this", 110, 50), figures(FORECAST_OFF_ROW, 100, 200)],
        // No overload either way: nothing to halve.
        "diurnal-week": [figures("this", 100, 0), figures(FORECAST_OFF_ROW, 100, 0)],
        "step-4x": [figures("this", 30.5, 27), figures(FORECAST_OFF_ROW, 30, 27)],
        spike: [figures("this", 14, 15), figures(FORECAST_OFF_ROW, 13.5, 15)],
        // Neither kind: no forecast target.
        ramp: [figures("this", 60, 0), figures(FORECAST_OFF_ROW, 50, 0)],
      }),
    );
    expect(targets.map((t) => [t.name.replace(` ${FORECAST_OFF_ROW}'s`, ""), t.met, t.detail])).toEqual([
      ["diurnal-week: overload ≤ 0.5 ×", true, "0 vs 0 min (× 0.00)"],
      ["diurnal-week: instance-hours ≤ 1.05 ×", true, "100 vs 100 (× 1.00)"],
      ["surge-week: overload ≤ 0.5 ×", true, "90 vs 199 min (× 0.45)"],
      ["surge-week: instance-hours ≤ 1.05 ×", true, "104 vs 100 (× 1.04)"],
      ["nasa-1995: overload ≤ 0.5 ×", true, "50 vs 200 min (× 0.25)"],
      ["nasa-1995: instance-hours ≤ 1.05 ×", false, "110 vs 100 (× 1.10)"],
      ["step-4x: instance-hours within 2 % of", true, "30.5 vs 30 (× 1.02)"],
      ["spike: instance-hours within 2 % of", false, "14 vs 13.5 (× 1.04)"],
    ]);
  });
});
