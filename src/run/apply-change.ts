import type { DeploymentTarget } from "../message/deployments-in-alarm";
import { classifyOciFailure } from "../oci/failures";
import { readDeployment } from "../oci/model-deployments";
import type { EnsureOutcome } from "../oci/scale-down-alarms";
import type { ScalingLimits } from "../policy/deployment-policy";
import type { ChangeDecision } from "../results/decision";
import { ACTION_METRIC } from "../results/decision";
import { Reason } from "../results/reasons";
import type { DeploymentResult } from "../results/response";
import type { DeploymentSnapshot } from "../scalers/deployment-snapshot";
import { describeSnapshot, failureResult, transientError } from "./deployment-results";
import { scaleDownThreshold } from "./scale-down-thresholds";
import type { ScalingRun } from "./scaling-run";
import { tagsAfterChange } from "./scaling-state";
import { sendUpdate } from "./update-attempts";

/**
 * Writes one change: the way back down first (no scale-up without its scale-down alarm), then the update
 * with If-Match, then the alarm clean-up at the floor.
 */
export async function applyChange(
  run: ScalingRun,
  target: DeploymentTarget,
  snapshot: DeploymentSnapshot,
  decision: ChangeDecision,
  base: DeploymentResult,
  limits: ScalingLimits,
): Promise<DeploymentResult> {
  const metric = target.metric ?? ACTION_METRIC[decision.action];
  let ensured: EnsureOutcome | undefined;
  if (decision.scaleDownAlarm === "ensure") {
    // The threshold for the deployment as this change leaves it (LOW_*_THRESHOLD=auto follows it).
    const threshold = scaleDownThreshold(metric, decision, snapshot, limits);
    try {
      ensured = await run.alarms.ensure(target.firingAlarmId, target.deploymentId, metric, threshold);
    } catch (error) {
      return failureResult(base, classifyOciFailure(error), "creating the scale-down alarm");
    }
  }
  const withAlarm: DeploymentResult = ensured
    ? { ...base, scaleDownAlarm: ensured.outcome, scaleDownAlarmId: ensured.alarmId }
    : base;
  let updated: DeploymentResult;
  try {
    updated = await updateWithState(run, snapshot, decision, withAlarm);
  } catch (error) {
    return refusedUpdate(run, target, withAlarm, ensured, error);
  }
  if (decision.scaleDownAlarm !== "delete") return updated;
  try {
    const removed = await run.alarms.remove(target.firingAlarmId, target.deploymentId, metric);
    return { ...updated, scaleDownAlarm: removed.outcome };
  } catch (error) {
    // The scale happened; a transient failure here redelivers the alarm, and a low alarm left behind
    // is deleted the next time it fires at the floor.
    return failureResult(updated, classifyOciFailure(error), "deleting the scale-down alarm");
  }
}

/** The change and our record of it (cooldown, delivery) in one update; see update-attempts.ts for what may be left out. */
async function updateWithState(
  run: ScalingRun,
  snapshot: DeploymentSnapshot,
  decision: ChangeDecision,
  result: DeploymentResult,
): Promise<DeploymentResult> {
  const tags = tagsAfterChange(snapshot, decision, run.now, run.delivery);
  const sent = await sendUpdate(run.clients.dataScience, snapshot, decision.change, tags, () => run.updateRetry);
  const warnings = [...(result.warnings ?? []), ...sent.warnings];
  return { ...result, outcome: "updated", ...sent.accepted, ...(warnings.length > 0 ? { warnings } : {}) };
}

async function refusedUpdate(
  run: ScalingRun,
  target: DeploymentTarget,
  result: DeploymentResult,
  ensured: EnsureOutcome | undefined,
  error: unknown,
): Promise<DeploymentResult> {
  const failure = classifyOciFailure(error);
  if (failure.kind === "transient") {
    // The update may or may not have happened: keep the scale-down alarm, and let the redelivery see.
    throw transientError(failure, "updating the deployment");
  }
  if (failure.kind === "precondition-failed" || failure.kind === "incorrect-state") {
    // Someone changed the deployment since it was read: most often a twin invocation scaling it, which
    // needs the scale-down alarm we share. Re-read once to report where it stands, and leave it be.
    const now = await readDeployment(run.clients.dataScience, target.deploymentId, run.retry).catch(() => undefined);
    const state = now ? `; it is now ${describeSnapshot(now.snapshot)}` : "";
    return {
      ...result,
      outcome: "skipped",
      reasonCode: Reason.ConcurrentChange,
      reason: `the deployment changed while this decision was made (${failure.message})${state}`,
      opcRequestId: failure.opcRequestId ?? result.opcRequestId,
    };
  }
  // A definite refusal: the scale did not happen, so an alarm created for it alone is taken back.
  if (ensured?.outcome === "created") await run.alarms.deleteQuietly(ensured.alarmId).catch(() => undefined);
  return failureResult(
    { ...result, scaleDownAlarm: ensured?.outcome === "created" ? "none" : result.scaleDownAlarm },
    failure,
    "updating the deployment",
  );
}
