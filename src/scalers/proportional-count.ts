import type { Config } from "../policy/config";
import { Reason, type ReasonCode } from "../results/reasons";
import { cpuLoad, type ObservedLoad } from "./observed-load";

export type ProportionalLimits = Pick<
  Config,
  "TARGET_CPU_UTILIZATION" | "CPU_TOLERANCE" | "MAX_SCALE_UP_STEP" | "MAX_SCALE_DOWN_STEP"
> &
  Partial<Pick<Config, "TARGET_REQUESTS_PER_INSTANCE">>;

export type ProportionalCount = { count: number } | { reason: ReasonCode; message: string };

/** HPA's rule on observed CPU utilization (percent) against TARGET_CPU_UTILIZATION; see proportionalCountFor. */
export function proportionalCount(
  direction: "up" | "down",
  current: number,
  observed: number,
  limits: ProportionalLimits,
): ProportionalCount {
  return proportionalCountFor(direction, current, cpuLoad(observed, current, limits.TARGET_CPU_UTILIZATION), limits);
}

/**
 * Kubernetes HPA's rule: desired = ceil(current × observed / target), nothing within the tolerance band
 * around the target, and at most MAX_SCALE_UP_STEP / MAX_SCALE_DOWN_STEP instances per decision.
 * The alarm's direction wins over the metric: a high alarm never removes instances, a low one never adds.
 * Instance bounds are applied by the caller.
 */
export function proportionalCountFor(
  direction: "up" | "down",
  current: number,
  load: ObservedLoad,
  limits: ProportionalLimits,
): ProportionalCount {
  const ratio = load.perInstance / load.target;
  // The epsilon keeps the band's edge inside it: 66 / 60 - 1 is 0.10000000000000009 in floating point.
  if (Math.abs(ratio - 1) <= limits.CPU_TOLERANCE + 1e-9) {
    return {
      reason: Reason.WithinTolerance,
      message: `${load.seen} is within ${limits.CPU_TOLERANCE * 100}% of the ${load.targetText} target`,
    };
  }
  if ((direction === "up") !== ratio > 1) {
    return {
      reason: Reason.MetricDisagrees,
      message: `${load.seen} is ${ratio > 1 ? "above" : "below"} the ${load.targetText} target; the alarm asked to scale ${direction}`,
    };
  }
  const desired = Math.ceil(current * ratio);
  if (desired === current) {
    return {
      reason: Reason.WithinTolerance,
      message: `${load.seen}: ${current} instance(s) are still needed for ${load.targetText}`,
    };
  }
  return direction === "up"
    ? { count: Math.min(desired, current + limits.MAX_SCALE_UP_STEP) }
    : { count: Math.max(desired, current - limits.MAX_SCALE_DOWN_STEP) };
}
