import type * as common from "oci-common";
import type { Config } from "./config";
import { ACTION_METRIC, type ChangeDecision, type ScalingAction } from "./decision";
import { failureResult, fromDecision, skipped, transient } from "./deployment-results";
import type { DeploymentTarget } from "./deployments-in-alarm";
import { isModelDeploymentId } from "./deployments-in-alarm";
import { TransientOciError } from "./errors";
import type { OciClients } from "./oci/clients";
import { classifyOciFailure } from "./oci/failures";
import { readDeployment, updateDeployment } from "./oci/model-deployments";
import { type EnsureOutcome, ScaleDownAlarms } from "./oci/scale-down-alarms";
import { Reason } from "./reasons";
import type { DeploymentResult } from "./response";
import { decide } from "./scalers";

/** What one invocation shares between the deployments of its message. */
export interface ScalingRun {
  config: Config;
  clients: OciClients;
  alarms: ScaleDownAlarms;
  retryConfiguration: common.RetryConfiguration;
}

export function startScalingRun(
  config: Config,
  clients: OciClients,
  retryConfiguration: common.RetryConfiguration,
): ScalingRun {
  return {
    config,
    clients,
    alarms: new ScaleDownAlarms(clients.monitoring, config, retryConfiguration),
    retryConfiguration,
  };
}

/**
 * Read, decide, apply for one deployment. A transient OCI failure is thrown as TransientOciError so the
 * invocation fails and Notifications delivers again; everything else ends in a result.
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
  let read: Awaited<ReturnType<typeof readDeployment>>;
  try {
    read = await readDeployment(run.clients.dataScience, deploymentId, run.retryConfiguration);
  } catch (error) {
    return failureResult(deploymentId, action, classifyOciFailure(error), "reading the deployment");
  }
  const signal = target.observedUtilization === undefined ? {} : { observedUtilization: target.observedUtilization };
  const { decision, warnings } = decide(action, read.snapshot, run.config, signal);
  const base: DeploymentResult = {
    ...fromDecision(deploymentId, decision),
    opcRequestId: read.opcRequestId,
    ...(warnings.length > 0 ? { warnings } : {}),
  };
  if (run.config.DRY_RUN) {
    return { ...base, outcome: "dry-run", scaleDownAlarmPlan: decision.scaleDownAlarm };
  }
  if (decision.kind === "no-change") {
    if (decision.scaleDownAlarm !== "delete") return { ...base, outcome: "skipped" };
    const removed = await alarmStep(() => run.alarms.remove(target.firingAlarmId, deploymentId, ACTION_METRIC[action]));
    return { ...base, outcome: "skipped", scaleDownAlarm: removed.outcome };
  }
  return applyChange(run, target, read.snapshot, decision, base);
}

async function applyChange(
  run: ScalingRun,
  target: DeploymentTarget,
  snapshot: Parameters<typeof updateDeployment>[1],
  decision: ChangeDecision,
  base: DeploymentResult,
): Promise<DeploymentResult> {
  const metric = ACTION_METRIC[decision.action];
  // The way back down is secured before going up: no scale-up without its scale-down alarm.
  let ensured: EnsureOutcome | undefined;
  if (decision.scaleDownAlarm === "ensure") {
    try {
      ensured = await run.alarms.ensure(target.firingAlarmId, target.deploymentId, metric);
    } catch (error) {
      const failure = classifyOciFailure(error);
      if (failure.kind === "transient") throw transient(failure, "creating the scale-down alarm");
      return {
        ...base,
        outcome: "skipped",
        reasonCode: Reason.UpdateRefused,
        reason: `not scaled: the scale-down alarm could not be created from alarm ${target.firingAlarmId} (${failure.message})`,
      };
    }
  }
  const alarmFields = ensured ? { scaleDownAlarm: ensured.outcome, scaleDownAlarmId: ensured.alarmId } : {};
  try {
    const accepted = await updateDeployment(run.clients.dataScience, snapshot, decision.change, run.retryConfiguration);
    const updated: DeploymentResult = { ...base, ...alarmFields, outcome: "updated", ...accepted };
    if (decision.scaleDownAlarm !== "delete") return updated;
    const removed = await alarmStep(() => run.alarms.remove(target.firingAlarmId, target.deploymentId, metric));
    return { ...updated, scaleDownAlarm: removed.outcome };
  } catch (error) {
    if (error instanceof TransientOciError) throw error;
    const failure = classifyOciFailure(error);
    // The scale did not happen: an alarm created for it alone is taken back.
    if (ensured?.outcome === "created") await run.alarms.deleteQuietly(ensured.alarmId).catch(() => undefined);
    return failureResult(target.deploymentId, decision.action, failure, "updating the deployment", base);
  }
}

/** Alarm clean-up after a decision: transient failures fail the invocation, so the alarm is retried too. */
async function alarmStep<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    const failure = classifyOciFailure(error);
    if (failure.kind === "transient") throw transient(failure, "deleting the scale-down alarm");
    throw error;
  }
}
