import type { ChangeDecision, Decision, ScaleDownAlarmPlan, ScalingAction } from "../results/decision";
import { noChange } from "../results/decision";
import { Reason, type ReasonCode } from "../results/reasons";
import type { DeploymentSnapshot } from "./deployment-snapshot";

/**
 * The current instance count when the deployment is on a FIXED_SIZE policy, or the decision explaining why
 * it cannot be scaled horizontally. OCI's built-in AUTOSCALING policy is never overwritten: fighting it
 * would make both autoscalers flap.
 */
export function fixedInstanceCount(action: ScalingAction, deployment: DeploymentSnapshot): number | Decision {
  if (deployment.scalingPolicyType === "AUTOSCALING") {
    const live = deployment.currentInstanceCount;
    const now = live === undefined ? "" : ` (${live} instance(s) now)`;
    return noChange(
      action,
      live,
      Reason.BuiltInAutoscaling,
      `deployment uses OCI's built-in AUTOSCALING policy${now}; this function leaves its instance count alone`,
    );
  }
  if (deployment.scalingPolicyType !== "FIXED_SIZE" || deployment.instanceCount === undefined) {
    return noChange(
      action,
      undefined,
      Reason.UnsupportedScalingPolicy,
      `scaling policy ${deployment.scalingPolicyType ?? "none"} is not FIXED_SIZE`,
    );
  }
  return deployment.instanceCount;
}

/** A change of the instance count from `from` to `to`, its sentence starting "instances from -> to". */
export function instanceCountChange(
  action: ScalingAction,
  from: number,
  to: number,
  reason: ReasonCode,
  detail: string,
  scaleDownAlarm: ScaleDownAlarmPlan,
): ChangeDecision {
  const message = `instances ${from} -> ${to}${detail}`;
  return { kind: "change", action, from, to, change: { instanceCount: to }, reason, message, scaleDownAlarm };
}
