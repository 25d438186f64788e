import type { Config } from "../policy/config";
import type { ScalingSignal } from "./signal";

/**
 * The load a message reports, as HPA's rule needs it: a value per instance against a target per instance.
 * CPU utilization already is one (a mean over the instances). A request rate is the deployment's total, so
 * per instance it is rate / n, and ceil(n × (rate / n) / target) = ceil(rate / target).
 */
export interface ObservedLoad {
  perInstance: number;
  target: number;
  /** "observed 92.31% on 3 instance(s)" */
  seen: string;
  /** "60%", "600 requests/min per instance" */
  targetText: string;
  /** " (observed 92.31%, target 60%)", after a decision's sentence. */
  note: string;
}

export type LoadTargets = Pick<Config, "TARGET_CPU_UTILIZATION"> &
  Partial<Pick<Config, "TARGET_REQUESTS_PER_INSTANCE">>;

export function observedLoad(signal: ScalingSignal, current: number, limits: LoadTargets): ObservedLoad | undefined {
  const rate = signal.observedRequestsPerMinute;
  if (rate !== undefined && limits.TARGET_REQUESTS_PER_INSTANCE !== undefined && current > 0) {
    const target = limits.TARGET_REQUESTS_PER_INSTANCE;
    return {
      perInstance: rate / current,
      target,
      seen: `observed ${round(rate)} requests/min on ${current} instance(s) (${round(rate / current)} per instance)`,
      targetText: `${target} requests/min per instance`,
      note: ` (observed ${round(rate)} requests/min, target ${target} per instance)`,
    };
  }
  if (signal.observedUtilization === undefined) return undefined;
  return cpuLoad(signal.observedUtilization, current, limits.TARGET_CPU_UTILIZATION);
}

export function cpuLoad(observed: number, current: number, target: number): ObservedLoad {
  return {
    perInstance: observed,
    target,
    seen: `observed ${round(observed)}% on ${current} instance(s)`,
    targetText: `${target}%`,
    note: ` (observed ${round(observed)}%, target ${target}%)`,
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
