import type { Config } from "../config";
import type { Decision } from "../decision";
import { noChange, ScalingAction } from "../decision";
import type { DeploymentSnapshot } from "../deployment-snapshot";
import { Reason } from "../reasons";
import { ineligibility } from "./eligibility";
import { fixedInstanceCount } from "./instance-count";

type Limits = Pick<Config, "MIN_INSTANCES" | "MAX_INSTANCES">;

/** Low CPU: one fewer instance, down to MIN_INSTANCES; at the floor the scale-down alarm has done its job. */
export function decideInstanceDown(deployment: DeploymentSnapshot, config: Limits): Decision {
  const action = ScalingAction.InstanceDown;
  const blocked = ineligibility(action, deployment);
  if (blocked) return blocked;
  const current = fixedInstanceCount(action, deployment);
  if (typeof current !== "number") return current;
  if (current <= config.MIN_INSTANCES) {
    return noChange(
      action,
      current,
      Reason.AtMinInstances,
      `already at ${current} instances (minimum ${config.MIN_INSTANCES})`,
      "delete",
    );
  }
  // Above MAX_INSTANCES (set by hand) comes down one step at a time like anything else.
  const to = current - 1;
  return {
    kind: "change",
    action,
    from: current,
    to,
    change: { instanceCount: to },
    reason: Reason.ScaledDown,
    message: `instances ${current} -> ${to}`,
    scaleDownAlarm: to <= config.MIN_INSTANCES ? "delete" : "none",
  };
}
