import type { DeploymentTarget } from "../message/deployments-in-alarm";
import { classifyOciFailure } from "../oci/failures";
import type { DeploymentRead } from "../oci/model-deployments";
import { isScaleDownAlarmFor } from "../oci/scale-down-alarms";
import { lastFinishedChange } from "../oci/work-requests";
import { ACTION_METRIC, type ScalingAction } from "../results/decision";
import type { DeploymentResult } from "../results/response";
import { type Decided, decide as decideByPolicy } from "../scalers";
import type { DeploymentSnapshot } from "../scalers/deployment-snapshot";
import { applyChange } from "./apply-change";
import { readNamedDeployment } from "./deployment-read";
import { failureResult, resultOf, transientError } from "./deployment-results";
import { latencyGuard } from "./latency-guard";
import { withNotification } from "./notify";
import { stabilizeScaleIn } from "./scale-in-stabilization";
import type { ScalingRun } from "./scaling-run";
import { cooldownAfterFinishedChange, stateBlock } from "./scaling-state";
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
  const named = await readNamedDeployment(run, target.deploymentId, action);
  if (!("read" in named))
    return named.failure?.statusCode === 404 ? retireOwnAlarm(run, target, action, named.result) : named.result;
  const { read } = named;
  return withNotification(run, target, read.snapshot, await decideAndWrite(run, target, action, read));
}

/** Everything after the read: the decision, the checks before a write, and the write. */
async function decideAndWrite(
  run: ScalingRun,
  target: DeploymentTarget,
  action: ScalingAction,
  read: DeploymentRead,
): Promise<DeploymentResult> {
  const { deploymentId } = target;
  const { snapshot } = read;
  const { decision, warnings, limits } = await decide(run, target, action, snapshot);
  const result: DeploymentResult = {
    ...resultOf(deploymentId, decision),
    ...builtInCount(snapshot),
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
  if (decision.kind === "change") return applyChange(run, target, snapshot, decision, checked, limits);
  try {
    const removed = await run.alarms.remove(target.firingAlarmId, deploymentId, target.metric ?? ACTION_METRIC[action]);
    return { ...checked, scaleDownAlarm: removed.outcome };
  } catch (error) {
    return failureResult(checked, classifyOciFailure(error), "deleting the scale-down alarm");
  }
}

/** Under AUTOSCALING the instance count is OCI's to move: the result reports it as OCI does. */
function builtInCount(snapshot: DeploymentSnapshot): Pick<DeploymentResult, "currentInstanceCount"> {
  const count = snapshot.currentInstanceCount;
  return snapshot.scalingPolicyType === "AUTOSCALING" && count !== undefined ? { currentInstanceCount: count } : {};
}

/**
 * The deployment's own policy and the scaler decide; then a recorded delivery or a cooldown may hold it.
 * Only a change about to be made costs the read of the deployment's work requests (when its last change
 * finished); a failure to read them other than a transient one leaves the tag-based cooldown alone, with a warning.
 */
async function decide(
  run: ScalingRun,
  target: DeploymentTarget,
  action: ScalingAction,
  snapshot: DeploymentSnapshot,
): Promise<Decided> {
  const { observedUtilization, observedRequestsPerMinute } = target;
  const signal = observedRequestsPerMinute === undefined ? { observedUtilization } : { observedRequestsPerMinute };
  const decided = decideByPolicy(action, snapshot, run.config, signal);
  const { decision } = decided;
  if (decision.kind !== "change") return decided;
  const blocked = stateBlock(decision, snapshot, run.config, run.now, run.delivery);
  if (blocked) return { ...decided, decision: blocked };
  let finishedAt: Date | undefined;
  try {
    finishedAt = await lastFinishedChange(run.clients.dataScience, snapshot, run.retry);
  } catch (error) {
    const failure = classifyOciFailure(error);
    if (failure.kind === "transient") throw transientError(failure, "reading the deployment's work requests");
    const warning = `could not read the deployment's work requests (${failure.message}); the cooldown counts from this function's own last change only`;
    return { ...decided, warnings: [...decided.warnings, warning] };
  }
  const cooling = cooldownAfterFinishedChange(decision, finishedAt, run.config, run.now);
  if (cooling) return { ...decided, decision: cooling };
  const stabilized = await stabilizeScaleIn(run, target, decision, snapshot, decided.limits);
  const warned = { ...decided, warnings: [...decided.warnings, ...stabilized.warnings] };
  if (stabilized.decision.kind !== "change") return { ...warned, decision: stabilized.decision };
  const held = await latencyGuard(run, stabilized.decision, snapshot);
  return { ...warned, decision: held ?? stabilized.decision };
}

/**
 * A scale-down alarm of ours that fires for a deployment that is gone has nothing left to do: delete it, so
 * it does not fire every repeat interval forever. Only an alarm tagged as ours for this deployment goes.
 */
async function retireOwnAlarm(
  run: ScalingRun,
  target: DeploymentTarget,
  action: ScalingAction,
  result: DeploymentResult,
): Promise<DeploymentResult> {
  if (!action.endsWith("-down") || run.config.DRY_RUN) return result;
  try {
    const alarm = await run.alarms.firingAlarm(target.firingAlarmId);
    if (!isScaleDownAlarmFor(alarm, target.deploymentId, target.metric ?? ACTION_METRIC[action])) return result;
    await run.alarms.deleteQuietly(alarm.id);
    return { ...result, scaleDownAlarm: "deleted", reason: `${result.reason}; its scale-down alarm was deleted` };
  } catch (error) {
    return failureResult(
      result,
      classifyOciFailure(error),
      "deleting the scale-down alarm of a deployment that is gone",
    );
  }
}
