import type { Decision, ScalingAction } from "../results/decision";
import { noChange } from "../results/decision";
import { Reason } from "../results/reasons";
import type { DeploymentSnapshot } from "./deployment-snapshot";

/**
 * OCI takes zero-downtime updates of instance count and shape in these states; a deployment degraded by
 * memory pressure may sit in NEEDS_ATTENTION, and more memory is what it needs.
 */
const SCALABLE_STATES = ["ACTIVE", "NEEDS_ATTENTION"];

/**
 * Checks shared by all four scalers: a deployment that is not ACTIVE (or NEEDS_ATTENTION), or not a
 * single-model deployment, is never changed. Returns the no-change decision, or undefined when the scaler may decide.
 */
export function ineligibility(action: ScalingAction, deployment: DeploymentSnapshot): Decision | undefined {
  if (!SCALABLE_STATES.includes(deployment.lifecycleState)) {
    return noChange(
      action,
      undefined,
      Reason.NotActive,
      `deployment is ${deployment.lifecycleState}, not ACTIVE or NEEDS_ATTENTION`,
    );
  }
  if (deployment.deploymentType !== "SINGLE_MODEL" || deployment.modelId === undefined) {
    return noChange(
      action,
      undefined,
      Reason.UnsupportedDeploymentType,
      `deployment type ${deployment.deploymentType ?? "unknown"} is not scaled by this function (SINGLE_MODEL only)`,
    );
  }
  return undefined;
}
