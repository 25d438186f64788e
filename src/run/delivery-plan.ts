import type { models } from "oci-monitoring";
import { durationMinutes, selectDeployments } from "../message/deployment-selection";
import type { DeploymentTarget } from "../message/deployments-in-alarm";
import type { ScalingAction } from "../results/decision";
import { Reason } from "../results/reasons";
import type { DeploymentResult } from "../results/response";
import { startCutoff } from "./deadline-cutoff";
import { skipped } from "./deployment-results";
import type { ScalingRun } from "./scaling-run";

/** Which deployments of a message this delivery decides, and what bounds the work. */
export interface DeliveryPlan {
  chosen: DeploymentTarget[];
  /** Left to a later REPEAT of the alarm. */
  deferred: DeploymentTarget[];
  /** Set when the message names too many and its alarm does not repeat: start a deployment only while it holds. */
  mayStart?: () => boolean;
  /** The firing alarm, when the plan had to read it and could. */
  alarm?: models.Alarm;
}

/**
 * Up to MAX_DEPLOYMENTS_PER_MESSAGE, every deployment. Past it, an alarm that repeats has a window decided now
 * and the rest on later REPEATs (the windows rotate with its repeat interval). An alarm without
 * repeatNotificationDuration (OCI's default) sends no REPEAT, so a deployment deferred would never be decided:
 * all are decided instead, as many as the deadline allows, and the rest reported (NotDecidedBeforeDeadline).
 * An alarm that cannot be read keeps the bound (a window now, as if it repeated every minute): nothing can be
 * written for it, since every write is checked against the firing alarm, and a forged message naming thousands
 * of OCIDs must not buy thousands of reads.
 */
export async function planDelivery(
  run: ScalingRun,
  targets: DeploymentTarget[],
  timestampEpochMillis: number | undefined,
  answerBy: Date,
): Promise<DeliveryPlan> {
  const limit = run.config.MAX_DEPLOYMENTS_PER_MESSAGE;
  if (targets.length <= limit) return { chosen: targets, deferred: [] };
  const alarmId = targets[0]?.firingAlarmId ?? "";
  const alarm = await run.alarms.firingAlarm(alarmId).catch(() => undefined);
  if (!alarm) return selectDeployments(targets, limit, timestampEpochMillis, 1);
  const repeat = durationMinutes(alarm.repeatNotificationDuration);
  if (repeat !== undefined) return { ...selectDeployments(targets, limit, timestampEpochMillis, repeat), alarm };
  const mayStart = startCutoff(answerBy, run.config.OCI_REQUEST_TIMEOUT_SECONDS * 1000);
  return { chosen: targets, deferred: [], mayStart, alarm };
}

export function deferredResult(
  target: DeploymentTarget,
  action: ScalingAction,
  named: number,
  limit: number,
): DeploymentResult {
  return skipped(
    target.deploymentId,
    action,
    Reason.DeferredTooMany,
    `the message names ${named} deployments and MAX_DEPLOYMENTS_PER_MESSAGE is ${limit}; this one is decided on ` +
      "a later REPEAT (the deployments decided rotate with the alarm's repeat interval)",
  );
}
