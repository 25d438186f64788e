import { applyChange } from "./apply-change";
import { ACTION_METRIC, type ScalingAction } from "./decision";
import { failureResult, resultOf, skipped } from "./deployment-results";
import type { DeploymentSnapshot } from "./deployment-snapshot";
import type { DeploymentTarget } from "./deployments-in-alarm";
import { isModelDeploymentId } from "./deployments-in-alarm";
import { classifyOciFailure } from "./oci/failures";
import { type DeploymentRead, readDeployment } from "./oci/model-deployments";
import { Reason } from "./reasons";
import type { DeploymentResult } from "./response";
import { type Decided, decide as decideByPolicy } from "./scalers";
import type { ScalingRun } from "./scaling-run";
import { stateBlock } from "./scaling-state";
import { checkBeforeWrite } from "./write-checks";

/**
 * Read, decide, check, apply for one deployment. A transient OCI failure is thrown as TransientOciError so
 * the invocation fails and Notifications delivers again; everything else ends in a result.
 */
export async function scaleDeployment(
  run: ScalingRun,
  target: DeploymentTarget,
  action: ScalingAction,
): Promise<DeploymentResult> {
  const { deploymentId } = target;
  if (!isModelDeploymentId(deploymentId)) {
    return skipped(
      deploymentId,
      action,
      Reason.NotAModelDeployment,
      "not a model deployment OCID; nothing was read or changed",
    );
  }
  let read: DeploymentRead;
  try {
    read = await readDeployment(run.clients.dataScience, deploymentId, run.retry);
  } catch (error) {
    return failureResult(
      skipped(deploymentId, action, Reason.NotFoundOrNotAuthorized, ""),
      classifyOciFailure(error),
      "reading the deployment",
    );
  }
  const { snapshot } = read;
  const { decision, warnings } = decide(run, target, action, snapshot);
  const result: DeploymentResult = {
    ...resultOf(deploymentId, decision),
    opcRequestId: read.opcRequestId,
    ...(warnings.length > 0 ? { warnings } : {}),
  };
  const writes = decision.kind === "change" || decision.scaleDownAlarm === "delete";
  if (!writes)
    return run.config.DRY_RUN ? { ...result, outcome: "dry-run", scaleDownAlarmPlan: decision.scaleDownAlarm } : result;

  const check = await checkBeforeWrite(run, target, action, snapshot, result);
  if ("refusal" in check) return check.refusal;
  const checked =
    check.warnings.length > 0 ? { ...result, warnings: [...(result.warnings ?? []), ...check.warnings] } : result;
  if (run.config.DRY_RUN) return { ...checked, outcome: "dry-run", scaleDownAlarmPlan: decision.scaleDownAlarm };
  if (decision.kind === "change") return applyChange(run, target, snapshot, decision, checked);
  try {
    const removed = await run.alarms.remove(target.firingAlarmId, deploymentId, ACTION_METRIC[action]);
    return { ...checked, scaleDownAlarm: removed.outcome };
  } catch (error) {
    return failureResult(checked, classifyOciFailure(error), "deleting the scale-down alarm");
  }
}

/** The deployment's own policy and the scaler decide; then a recorded delivery or a cooldown may hold it. */
function decide(
  run: ScalingRun,
  target: DeploymentTarget,
  action: ScalingAction,
  snapshot: DeploymentSnapshot,
): Decided {
  const signal = target.observedUtilization === undefined ? {} : { observedUtilization: target.observedUtilization };
  const decided = decideByPolicy(action, snapshot, run.config, signal);
  if (decided.decision.kind !== "change") return decided;
  const blocked = stateBlock(action, snapshot, run.config, run.now, run.delivery);
  return blocked ? { ...decided, decision: { ...blocked, from: decided.decision.from } } : decided;
}
