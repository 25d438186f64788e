/**
 * Issue 20's targets for the forecast, each judged on the control table's runs: `this` (the forecast schedule
 * setup creates, the default) against the same configuration with `--forecast off`. The traces' kinds are the
 * issue's: the rhythmic ones, where yesterday's surge says when today's comes, and those without a rhythm,
 * where a forecast can only cost. (Against OCI's autoscaler on every trace, `this` keeps issue 11's targets,
 * judged with the forecast on.)
 */
import type { SimulationResult } from "../simulate/run";
import { type ControlTarget, fmt, ratio } from "./control-target";

/** The row of `this` without its forecast schedule (`simulate --forecast off`): the policy's own name for it. */
export const FORECAST_OFF_ROW = "this (forecast off)";
export const RHYTHMIC_TRACES = ["diurnal-week", "surge-week", "nasa-1995"];
export const TRACES_WITHOUT_RHYTHM = ["steady-noisy-day", "step-4x", "spike"];

export function forecastTargets(results: Map<string, SimulationResult>): ControlTarget[] {
  const targets: ControlTarget[] = [];
  const pair = (trace: string) => {
    const runs = results.get(trace)?.runs;
    const on = runs?.find((r) => r.figures.name === "this")?.figures;
    const off = runs?.find((r) => r.figures.name === FORECAST_OFF_ROW)?.figures;
    return on && off ? { on, off } : undefined;
  };
  for (const trace of RHYTHMIC_TRACES) {
    const both = pair(trace);
    if (!both) continue;
    const { on, off } = both;
    const over = ratio(on.overloadMinutes, off.overloadMinutes);
    const cost = ratio(on.instanceHours, off.instanceHours);
    targets.push({
      name: `${trace}: overload ≤ 0.5 × ${FORECAST_OFF_ROW}'s`,
      met: over <= 0.5,
      detail: `${on.overloadMinutes} vs ${off.overloadMinutes} min (× ${fmt(over)})`,
    });
    targets.push({
      name: `${trace}: instance-hours ≤ 1.05 × ${FORECAST_OFF_ROW}'s`,
      met: cost <= 1.05,
      detail: `${on.instanceHours} vs ${off.instanceHours} (× ${fmt(cost)})`,
    });
  }
  for (const trace of TRACES_WITHOUT_RHYTHM) {
    const both = pair(trace);
    if (!both) continue;
    const cost = ratio(both.on.instanceHours, both.off.instanceHours);
    targets.push({
      name: `${trace}: instance-hours within 2 % of ${FORECAST_OFF_ROW}'s`,
      met: Math.abs(cost - 1) <= 0.02,
      detail: `${both.on.instanceHours} vs ${both.off.instanceHours} (× ${fmt(cost)})`,
    });
  }
  return targets;
}
