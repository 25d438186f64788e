import type { Config } from "../policy/config";
import type { Decision } from "../results/decision";
import { noChange, ScalingAction } from "../results/decision";
import { Reason } from "../results/reasons";
import type { DeploymentSnapshot } from "./deployment-snapshot";
import { ineligibility } from "./eligibility";
import { boundsCorrection } from "./instance-bounds";
import { fixedInstanceCount, instanceCountChange } from "./instance-count";
import { observedLoad } from "./observed-load";
import { type ProportionalLimits, proportionalCountFor } from "./proportional-count";
import type { ScalingSignal } from "./signal";

type Limits = Pick<Config, "MIN_INSTANCES" | "MAX_INSTANCES"> & ProportionalLimits;

/** High CPU: as many instances as the observed load needs (one without metric values), up to MAX_INSTANCES. */
export function decideInstanceUp(deployment: DeploymentSnapshot, config: Limits, signal: ScalingSignal = {}): Decision {
  const action = ScalingAction.InstanceUp;
  const blocked = ineligibility(action, deployment);
  if (blocked) return blocked;
  const current = fixedInstanceCount(action, deployment);
  if (typeof current !== "number") return current;
  const outside = boundsCorrection(action, current, config);
  if (outside) return outside;
  if (current >= config.MAX_INSTANCES) {
    return noChange(
      action,
      current,
      Reason.AtMaxInstances,
      `already at ${current} instances (maximum ${config.MAX_INSTANCES})`,
    );
  }
  let wanted = current + 1;
  let note = "";
  const load = observedLoad(signal, current, config);
  if (load) {
    const proportional = proportionalCountFor("up", current, load, config);
    if (!("count" in proportional)) return noChange(action, current, proportional.reason, proportional.message);
    wanted = proportional.count;
    note = load.note;
    const saturated = saturatedCount(signal, current, config);
    if (saturated > wanted) {
      wanted = saturated;
      note += `; CPU at ${SATURATED_CPU_UTILIZATION}% or more says "at least": doubled`;
    }
  }
  const to = Math.min(wanted, config.MAX_INSTANCES);
  return instanceCountChange(action, current, to, Reason.ScaledUp, note, "ensure");
}

/**
 * A mean CPU at or above this is saturated: instances cannot report more than 100 %, so the reading says the
 * load is at least this, not how much more. 95 rather than 100: a mean over the alarm's window rarely reaches
 * 100 even when every instance is pinned for most of it.
 */
export const SATURATED_CPU_UTILIZATION = 95;

/**
 * A saturated CPU reading asks for at least twice the instances (within MAX_SCALE_UP_STEP): the proportional
 * rule on a reading capped at 100 % gives at most current × 100 / target, which for a load four times the
 * capacity takes two or three updates. Requests are not capped, so a request rate needs no such rule.
 */
export function saturatedCount(
  signal: ScalingSignal,
  current: number,
  config: Pick<ProportionalLimits, "MAX_SCALE_UP_STEP">,
): number {
  if (signal.observedRequestsPerMinute !== undefined || signal.observedUtilization === undefined) return 0;
  if (signal.observedUtilization < SATURATED_CPU_UTILIZATION) return 0;
  return Math.min(2 * current, current + config.MAX_SCALE_UP_STEP);
}
