import type { DeploymentTarget } from "../message/deployments-in-alarm";
import { classifyOciFailure, type OciFailure } from "../oci/failures";
import { readDeployment } from "../oci/model-deployments";
import { type EnsureOutcome, scaleDownAlarmName } from "../oci/scale-down-alarms";
import type { ScalingLimits } from "../policy/deployment-policy";
import type { ChangeDecision, ScalingMetric } from "../results/decision";
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
 * Writes one change: the way back down made sure of first (an alarm that cannot be created is a warning, not a
 * reason to leave the deployment overloaded), then the update with If-Match, then, once OCI has accepted it,
 * the alarm upkeep that follows the new size: retuning the threshold, or the clean-up at the floor. After
 * acceptance the outcome is `updated` whatever the upkeep meets; its failures are warnings.
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
  // The threshold for the deployment as this change leaves it (LOW_*_THRESHOLD=auto follows it).
  const threshold =
    decision.scaleDownAlarm === "ensure" ? scaleDownThreshold(metric, decision, snapshot, limits) : undefined;
  let ensured: EnsureOutcome | undefined;
  let before = base;
  if (threshold !== undefined) {
    try {
      ensured = await run.alarms.keepOrCreate(target.firingAlarmId, target.deploymentId, metric, threshold);
      before = { ...base, scaleDownAlarm: ensured.outcome, scaleDownAlarmId: ensured.alarmId };
    } catch (error) {
      const failure = classifyOciFailure(error);
      // Nothing is written yet: a redelivery tries the whole change again.
      if (failure.kind === "transient") throw transientError(failure, "creating the scale-down alarm");
      before = withWarning({ ...base, scaleDownAlarm: "failed" }, missingAlarmWarning(run, metric, failure));
    }
  }
  let updated: DeploymentResult;
  try {
    updated = await updateWithState(run, snapshot, decision, before);
  } catch (error) {
    return refusedUpdate(run, target, before, ensured, error);
  }
  if (ensured?.outcome === "exists" && threshold !== undefined) {
    try {
      const retuned = await run.alarms.retune(
        ensured.alarmId,
        target.firingAlarmId,
        target.deploymentId,
        metric,
        threshold,
      );
      return retuned ? { ...updated, scaleDownAlarm: "updated" } : updated;
    } catch (error) {
      const reason = classifyOciFailure(error).message;
      return withWarning(
        { ...updated, scaleDownAlarm: "failed" },
        `could not retune the scale-down alarm ${ensured.alarmId} to ${threshold} (${reason}); it keeps the threshold of the count before this change until the next change retunes it`,
      );
    }
  }
  if (decision.scaleDownAlarm !== "delete") return updated;
  try {
    const removed = await run.alarms.remove(target.firingAlarmId, target.deploymentId, metric);
    return { ...updated, scaleDownAlarm: removed.outcome };
  } catch (error) {
    const reason = classifyOciFailure(error).message;
    return withWarning(
      { ...updated, scaleDownAlarm: "failed" },
      `could not delete the scale-down alarm at the floor (${reason}); it is deleted the next time it fires at the floor`,
    );
  }
}

/** What a person reads when the change went ahead without its way back down, and what to do about it. */
function missingAlarmWarning(run: ScalingRun, metric: ScalingMetric, failure: OciFailure): string {
  const name = scaleDownAlarmName(metric, run.config);
  return (
    `the scale-down alarm ${name} could not be created (${failure.message}), so nothing scales this deployment back ` +
    "in until it exists; it is created again at the next change. To fix: give the function's dynamic group " +
    '"manage alarms" in the compartment of the alarm that fired, and check that OCI accepts the LOW_* settings ' +
    "(names, pending and repeat durations) in the function's configuration"
  );
}

function withWarning(result: DeploymentResult, warning: string): DeploymentResult {
  return { ...result, warnings: [...(result.warnings ?? []), warning] };
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
