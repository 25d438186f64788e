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
  const load = observedLoad(signal, current, config);
  if (load) {
    const proportional = proportionalCountFor("up", current, load, config);
    if (!("count" in proportional)) return noChange(action, current, proportional.reason, proportional.message);
    wanted = proportional.count;
  }
  const to = Math.min(wanted, config.MAX_INSTANCES);
  return instanceCountChange(action, current, to, Reason.ScaledUp, load?.note ?? "", "ensure");
}
