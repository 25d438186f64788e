import type { Config } from "../policy/config";
import { deploymentPolicy, PolicyTag, type ScalingLimits } from "../policy/deployment-policy";
import type { Decision, ScalingAction } from "../results/decision";
import { noChange } from "../results/decision";
import { Reason } from "../results/reasons";
import type { DeploymentSnapshot } from "./deployment-snapshot";
import { decideInstanceDown } from "./instance-down";
import { decideInstanceUp } from "./instance-up";
import { decideShapeDown } from "./shape-down";
import { decideShapeUp } from "./shape-up";
import type { ScalingSignal } from "./signal";

export type Scaler = (deployment: DeploymentSnapshot, limits: ScalingLimits, signal: ScalingSignal) => Decision;

export const SCALERS: Record<ScalingAction, Scaler> = {
  "instance-up": decideInstanceUp,
  "instance-down": decideInstanceDown,
  "shape-up": decideShapeUp,
  "shape-down": decideShapeDown,
};

export interface Decided {
  decision: Decision;
  /** The limits it was decided within: the configuration with the deployment's policy tags applied. */
  limits: ScalingLimits;
  /** Policy tags that were not used, and why. */
  warnings: string[];
}

/** One deployment's decision: its own policy tags over the configuration, then the action's scaler. */
export function decide(
  action: ScalingAction,
  deployment: DeploymentSnapshot,
  config: Config,
  signal: ScalingSignal,
): Decided {
  const shape = deployment.instanceConfiguration?.instanceShapeName;
  const policy = deploymentPolicy(deployment.freeformTags, shape, config);
  if (!policy.enabled) {
    const message = `tag ${PolicyTag.Enabled}=false: this deployment opted out of autoscaling`;
    const decision = noChange(action, undefined, Reason.AutoscaleDisabled, message);
    return { decision: withRetiredAlarm(decision, deployment), limits: policy.limits, warnings: policy.warnings };
  }
  const decision = withRetiredAlarm(SCALERS[action](deployment, policy.limits, signal), deployment);
  return { decision, limits: policy.limits, warnings: policy.warnings };
}

/** Reasons that mean this function will not scale the deployment down, whatever the load. */
const NEVER_SCALED: readonly string[] = [
  Reason.AutoscaleDisabled,
  Reason.BuiltInAutoscaling,
  Reason.UnsupportedScalingPolicy,
  Reason.UnsupportedDeploymentType,
];
/** States a deployment does not come back from by itself (UPDATING, CREATING and FAILED keep their alarm). */
const RETIRED_STATES = ["INACTIVE", "DELETING", "DELETED"];

/**
 * A scale-down alarm that fires for a deployment this function will not scale (opted out, on OCI's
 * AUTOSCALING policy, another type, deactivated or deleted) would fire every repeat interval forever:
 * the decision deletes it. Scaling up later creates it again.
 */
function withRetiredAlarm(decision: Decision, deployment: DeploymentSnapshot): Decision {
  if (decision.kind !== "no-change" || !decision.action.endsWith("-down")) return decision;
  const retired =
    NEVER_SCALED.includes(decision.reason) ||
    (decision.reason === Reason.NotActive && RETIRED_STATES.includes(deployment.lifecycleState));
  return retired ? { ...decision, scaleDownAlarm: "delete" } : decision;
}

export type { ScalingSignal };
export { decideInstanceDown, decideInstanceUp, decideShapeDown, decideShapeUp };
