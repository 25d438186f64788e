import type { Config } from "../config";
import { Reason, type ReasonCode } from "../reasons";
import type { ScalingSignal } from "./signal";

export type ProportionalLimits = Pick<
  Config,
  "TARGET_CPU_UTILIZATION" | "CPU_TOLERANCE" | "MAX_SCALE_UP_STEP" | "MAX_SCALE_DOWN_STEP"
>;

export type ProportionalCount = { count: number } | { reason: ReasonCode; message: string };

/**
 * Kubernetes HPA's rule: desired = ceil(current × observed / target), nothing within the tolerance band
 * around the target, and at most MAX_SCALE_UP_STEP / MAX_SCALE_DOWN_STEP instances per decision.
 * The alarm's direction wins over the metric: a high-CPU alarm never removes instances, a low one never adds.
 * Instance bounds are applied by the caller.
 */
export function proportionalCount(
  direction: "up" | "down",
  current: number,
  observed: number,
  limits: ProportionalLimits,
): ProportionalCount {
  const target = limits.TARGET_CPU_UTILIZATION;
  const ratio = observed / target;
  const seen = `observed ${round(observed)}% on ${current} instance(s)`;
  // The epsilon keeps the band's edge inside it: 66 / 60 - 1 is 0.10000000000000009 in floating point.
  if (Math.abs(ratio - 1) <= limits.CPU_TOLERANCE + 1e-9) {
    return {
      reason: Reason.WithinTolerance,
      message: `${seen} is within ${limits.CPU_TOLERANCE * 100}% of the ${target}% target`,
    };
  }
  if ((direction === "up") !== ratio > 1) {
    return {
      reason: Reason.MetricDisagrees,
      message: `${seen} is ${ratio > 1 ? "above" : "below"} the ${target}% target; the alarm asked to scale ${direction}`,
    };
  }
  const desired = Math.ceil(current * ratio);
  if (desired === current) {
    return {
      reason: Reason.WithinTolerance,
      message: `${seen}: ${current} instance(s) are still needed for ${target}%`,
    };
  }
  return direction === "up"
    ? { count: Math.min(desired, current + limits.MAX_SCALE_UP_STEP) }
    : { count: Math.max(desired, current - limits.MAX_SCALE_DOWN_STEP) };
}

/** " (observed 92.31%, target 60%)" after a decision's sentence, when the message carried a value. */
export function observedNote(signal: ScalingSignal, limits: ProportionalLimits): string {
  return signal.observedUtilization === undefined
    ? ""
    : ` (observed ${round(signal.observedUtilization)}%, target ${limits.TARGET_CPU_UTILIZATION}%)`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
