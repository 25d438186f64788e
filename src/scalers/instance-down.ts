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

/**
 * Low CPU: as few instances as the observed load allows (one fewer without metric values), down to
 * MIN_INSTANCES; at the floor the scale-down alarm has done its job.
 */
export function decideInstanceDown(
  deployment: DeploymentSnapshot,
  config: Limits,
  signal: ScalingSignal = {},
): Decision {
  const action = ScalingAction.InstanceDown;
  const blocked = ineligibility(action, deployment);
  if (blocked) return blocked;
  const current = fixedInstanceCount(action, deployment);
  if (typeof current !== "number") return current;
  const outside = boundsCorrection(action, current, config);
  if (outside) return outside;
  if (current <= config.MIN_INSTANCES) {
    return noChange(
      action,
      current,
      Reason.AtMinInstances,
      `already at ${current} instances (minimum ${config.MIN_INSTANCES})`,
      "delete",
    );
  }
  let wanted = current - 1;
  const load = observedLoad(signal, current, config);
  if (load) {
    const proportional = proportionalCountFor("down", current, load, config);
    if (!("count" in proportional)) return noChange(action, current, proportional.reason, proportional.message);
    wanted = proportional.count;
  }
  const to = Math.max(wanted, config.MIN_INSTANCES);
  // Above the floor the alarm stays, its threshold retuned for the count it lands on.
  const plan = to <= config.MIN_INSTANCES ? "delete" : "ensure";
  return instanceCountChange(action, current, to, Reason.ScaledDown, load?.note ?? "", plan);
}
