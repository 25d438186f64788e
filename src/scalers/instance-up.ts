import type { Config } from "../config";
import type { Decision } from "../decision";
import { noChange, ScalingAction } from "../decision";
import type { DeploymentSnapshot } from "../deployment-snapshot";
import { Reason } from "../reasons";
import { ineligibility } from "./eligibility";
import { fixedInstanceCount } from "./instance-count";

type Limits = Pick<Config, "MIN_INSTANCES" | "MAX_INSTANCES">;

/** High CPU: one more instance, up to MAX_INSTANCES. */
export function decideInstanceUp(deployment: DeploymentSnapshot, config: Limits): Decision {
  const action = ScalingAction.InstanceUp;
  const blocked = ineligibility(action, deployment);
  if (blocked) return blocked;
  const current = fixedInstanceCount(action, deployment);
  if (typeof current !== "number") return current;
  if (current >= config.MAX_INSTANCES) {
    return noChange(
      action,
      current,
      Reason.AtMaxInstances,
      `already at ${current} instances (maximum ${config.MAX_INSTANCES})`,
    );
  }
  // A deployment below the configured floor is brought straight up to it.
  const to = Math.max(current + 1, config.MIN_INSTANCES);
  return {
    kind: "change",
    action,
    from: current,
    to,
    change: { instanceCount: to },
    reason: Reason.ScaledUp,
    message: `instances ${current} -> ${to}`,
    scaleDownAlarm: "ensure",
  };
}
