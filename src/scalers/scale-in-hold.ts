import type { Config } from "../policy/config";
import { type ChangeDecision, type Decision, noChange, type ScalingMetric } from "../results/decision";
import { Reason } from "../results/reasons";
import { instanceCountChange } from "./instance-count";

/** The highest minute of a deployment's own history over a window, and when it was. */
export interface Peak {
  /** CPU: instances' worth of load (sum of the instances' CpuUtilization ÷ 100); requests: per minute; memory: percent. */
  value: number;
  at: Date;
}

export type HoldConfig = Pick<Config, "TARGET_CPU_UTILIZATION" | "TARGET_REQUESTS_PER_INSTANCE" | "MIN_INSTANCES">;

/** What the window's peak says, for the reason a person reads. */
function describePeak(metric: ScalingMetric, peak: Peak, window: string): string {
  const at = peak.at.toISOString();
  if (metric === "PredictRequestCount")
    return `the peak of the last ${window}, ${round(peak.value)} requests/min at ${at}`;
  if (metric === "MemoryUtilization") return `the peak of the last ${window}, ${round(peak.value)} % memory at ${at}`;
  return `the peak of the last ${window}, ${round(peak.value)} instances' worth of CPU at ${at}`;
}

/**
 * The instance count the window's peak needs: the count the proportional rule would have asked for at that
 * minute (CPU: the load at the target utilization; requests: the rate at the target per instance). It is the
 * scale-down stabilization of Kubernetes' HPA (never below the highest recommendation of the window), with the
 * recommendations read back from Monitoring because the function keeps no memory between calls.
 */
export function countThePeakNeeds(metric: ScalingMetric, peak: Peak, config: HoldConfig): number {
  const perInstance =
    metric === "PredictRequestCount" ? config.TARGET_REQUESTS_PER_INSTANCE : config.TARGET_CPU_UTILIZATION / 100;
  // A hair under an integer is that integer: 1.8 instances' worth at 0.6 is 3, not 3.0000000000000004 -> 4.
  return Math.max(config.MIN_INSTANCES, Math.ceil(peak.value / perInstance - 1e-9));
}

/**
 * An instance scale-in, never below the count the window's peak needs: unchanged when the peak needs no more
 * than the decision leaves, held (no change) when it needs the count there is now, otherwise a smaller step.
 */
export function holdInstanceScaleIn(
  decision: ChangeDecision,
  metric: ScalingMetric,
  peak: Peak | undefined,
  window: string,
  config: HoldConfig,
): Decision {
  const from = decision.from as number;
  const to = decision.to as number;
  if (!peak) return decision;
  const need = countThePeakNeeds(metric, peak, config);
  if (need <= to) return decision;
  const why = `${describePeak(metric, peak, window)}, needs ${need} instance(s)`;
  if (need >= from) return noChange(decision.action, from, Reason.ScaleInStabilized, `held at ${from}: ${why}`);
  const plan = need > config.MIN_INSTANCES ? "ensure" : "delete";
  return instanceCountChange(decision.action, from, need, decision.reason, `, not ${to}: ${why}`, plan);
}

/**
 * A shape-down, held while the window's peak memory was at or above the low-memory threshold: the smaller
 * shape would not have held that peak under the scale-up threshold.
 */
export function holdShapeDown(
  decision: ChangeDecision,
  peak: Peak | undefined,
  window: string,
  lowMemThreshold: number,
): Decision {
  if (!peak || peak.value < lowMemThreshold) return decision;
  const why = `${describePeak("MemoryUtilization", peak, window)}, is not below the low-memory threshold ${lowMemThreshold} %`;
  return noChange(decision.action, decision.from, Reason.ScaleInStabilized, `held on ${decision.from}: ${why}`);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * An instance scale-in, never below what the deployment's history forecasts for the coming period (see
 * forecast-need.ts): unchanged when the forecast needs no more than the decision leaves, held when it needs
 * the count there is now, otherwise a smaller step.
 */
export function holdByForecast(
  decision: Decision,
  forecast: { need: number; explanation: string } | undefined,
  minInstances: number,
): Decision {
  if (!forecast || decision.kind !== "change") return decision;
  const from = decision.from as number;
  const to = decision.to as number;
  if (forecast.need <= to) return decision;
  const why = `the forecast for the coming period: ${forecast.explanation}`;
  if (forecast.need >= from)
    return noChange(decision.action, from, Reason.ScaleInForecastHeld, `held at ${from}: ${why}`);
  const plan = forecast.need > minInstances ? "ensure" : "delete";
  return instanceCountChange(decision.action, from, forecast.need, decision.reason, `, not ${to}: ${why}`, plan);
}
