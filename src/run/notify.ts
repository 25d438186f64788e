import * as common from "oci-common";
import type { models } from "oci-monitoring";
import type { DeploymentTarget } from "../message/deployments-in-alarm";
import { classifyOciFailure } from "../oci/failures";
import {
  type NotificationKind,
  notificationKind,
  notificationMessage,
  undecidedMessage,
} from "../results/change-notification";
import type { DeploymentResult } from "../results/response";
import type { DeploymentSnapshot } from "../scalers/deployment-snapshot";
import type { ScalingRun } from "./scaling-run";
import { checkBeforeWrite } from "./write-checks";

/**
 * Publishes a deployment's change, or a refusal a person must act on, to NOTIFY_TOPIC_ID. None in a dry
 * run. Telling people is secondary to scaling: a failure to publish is logged and warned about, never
 * thrown, so it cannot fail the invocation (a redelivery would find the deployment UPDATING and tell nobody).
 */
export async function withNotification(
  run: ScalingRun,
  target: DeploymentTarget,
  snapshot: DeploymentSnapshot,
  result: DeploymentResult,
): Promise<DeploymentResult> {
  const topicId = run.config.NOTIFY_TOPIC_ID;
  if (!topicId || run.config.DRY_RUN) return result;
  const kind: NotificationKind | undefined = notificationKind(result, run.trigger?.type);
  if (!kind) return { ...result, notification: "none" };
  // A refusal wrote nothing, so nothing checked the alarm yet: only a real, firing one makes people read a message.
  if (result.outcome === "skipped" && !(await passesWriteChecks(run, target, snapshot, result)))
    return { ...result, notification: "none" };
  const message = notificationMessage(kind, result, {
    displayName: snapshot.displayName,
    region: regionOfOcid(snapshot.id),
    alarmTitle: run.trigger?.title,
    alarmType: run.trigger?.type,
  });
  try {
    const publish = await run.clients.notifications();
    // Retried on throttling only (as updates are): after a 5xx or a dropped connection it may have been published.
    const published = await publish(topicId, message, run.updateRetry);
    return { ...result, notification: "sent", notificationMessageId: published.messageId };
  } catch (error) {
    const failure = classifyOciFailure(error);
    run.onFailure?.("could not publish the notification; the scaling decision stands", {
      deploymentId: result.deploymentId,
      topicId,
      reason: failure.message,
      opcRequestId: failure.opcRequestId,
    });
    const warning = `the notification to ${topicId} was not published (${failure.message}); the scaling decision stands`;
    return { ...result, notification: "failed", warnings: [...(result.warnings ?? []), warning] };
  }
}

/**
 * Tells people, in one message, of the deployments the deadline left undecided (see delivery-plan.ts). Only
 * for a real, enabled firing alarm, as for refusals: a hand-made message naming many deployments tells nobody.
 * The publish must end by the answer deadline; one that does not is reported as not published.
 */
export async function notifyUndecided(
  run: ScalingRun,
  results: DeploymentResult[],
  alarm: models.Alarm | undefined,
  answerBy: Date,
): Promise<DeploymentResult[]> {
  const topicId = run.config.NOTIFY_TOPIC_ID;
  if (results.length === 0 || !topicId || run.config.DRY_RUN) return results;
  if (!alarm?.isEnabled) return results.map((result) => ({ ...result, notification: "none" as const }));
  const message = undecidedMessage(results, { alarmTitle: run.trigger?.title, alarmType: run.trigger?.type });
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error("not published before the answer deadline")),
      Math.max(0, answerBy.getTime() - Date.now()),
    );
  });
  try {
    const publish = await run.clients.notifications();
    const published = await Promise.race([publish(topicId, message, run.updateRetry), late]);
    return results.map((result) => ({ ...result, notification: "sent", notificationMessageId: published.messageId }));
  } catch (error) {
    const failure = classifyOciFailure(error);
    run.onFailure?.("could not publish the notification of deployments not decided", {
      topicId,
      reason: failure.message,
      opcRequestId: failure.opcRequestId,
    });
    const warning = `the notification to ${topicId} was not published (${failure.message})`;
    return results.map((result) => ({
      ...result,
      notification: "failed",
      warnings: [...(result.warnings ?? []), warning],
    }));
  } finally {
    clearTimeout(timer);
  }
}

async function passesWriteChecks(
  run: ScalingRun,
  target: DeploymentTarget,
  snapshot: DeploymentSnapshot,
  result: DeploymentResult,
): Promise<boolean> {
  try {
    const check = await checkBeforeWrite(run, target, result.action, snapshot, result);
    return !("refusal" in check);
  } catch {
    return false; // a transient failure here must not fail the invocation: the refusal goes untold this time
  }
}

/**
 * The console link's region, from the deployment OCID's region segment
 * (ocid1.datasciencemodeldeployment.oc1.<region>.<unique>): the deployment's own region, known without a call
 * whatever region the clients were built for. A short code (iad) becomes its region id (us-ashburn-1).
 */
export function regionOfOcid(ocid: string): string | undefined {
  const segment = ocid.split(".")[3];
  return segment ? common.Region.getRegionIdFromShortCode(segment) : undefined;
}
