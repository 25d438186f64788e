import type { Config } from "../config";
import type { Decision, ScalingAction } from "../decision";
import { noChange } from "../decision";
import { deploymentPolicy, PolicyTag, type ScalingLimits } from "../deployment-policy";
import type { DeploymentSnapshot } from "../deployment-snapshot";
import { Reason } from "../reasons";
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
    return { decision: noChange(action, undefined, Reason.AutoscaleDisabled, message), warnings: policy.warnings };
  }
  return { decision: SCALERS[action](deployment, policy.limits, signal), warnings: policy.warnings };
}

export type { ScalingSignal };
export { decideInstanceDown, decideInstanceUp, decideShapeDown, decideShapeUp };
