import type { DeploymentTarget } from "../message/deployments-in-alarm";
import type { ScalingAction } from "../results/decision";
import { type LogContext, logDecision, logFailure } from "../results/decision-log";
import { TransientOciError } from "../results/errors";
import { Reason } from "../results/reasons";
import type { DeploymentResult } from "../results/response";

/**
 * Turns each deployment's settled outcome into a logged result. One deployment failing does not stop the
 * others; if any failed transiently, the whole invocation fails afterwards so the alarm comes again
 * (the others are then protected by their state: UPDATING, cooldown, or the delivery already recorded).
 */
export function collectResults(
  log: LogContext,
  targets: readonly DeploymentTarget[],
  action: ScalingAction,
  settled: PromiseSettledResult<DeploymentResult>[],
): DeploymentResult[] {
  const results: DeploymentResult[] = [];
  const transientFailures: string[] = [];
  settled.forEach((outcome, index) => {
    const target = targets[index] as DeploymentTarget;
    if (outcome.status === "fulfilled") {
      results.push(outcome.value);
      logDecision(log, outcome.value, target.firingAlarmId);
      return;
    }
    const error: unknown = outcome.reason;
    if (error instanceof TransientOciError) {
      transientFailures.push(`${target.deploymentId}: ${error.message}`);
      logFailure(log, "transient OCI failure; the call fails, so the alarm (or the next tick) comes again", {
        alarmId: target.firingAlarmId,
        deploymentId: target.deploymentId,
        action,
        reason: error.message,
        opcRequestId: error.opcRequestId,
      });
      return;
    }
    const failed: DeploymentResult = {
      deploymentId: target.deploymentId,
      action,
      outcome: "failed",
      reasonCode: Reason.UpdateRefused,
      reason: error instanceof Error ? `${error.name}: ${error.message}` : "unexpected failure",
      scaleDownAlarm: "none",
    };
    results.push(failed);
    logDecision(log, failed, target.firingAlarmId);
  });
  if (transientFailures.length > 0) {
    throw new TransientOciError(
      `OCI failed transiently for ${transientFailures.length} of ${targets.length} deployment(s): ${transientFailures.join("; ")}`,
    );
  }
  return results;
}
