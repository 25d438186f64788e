import * as common from "oci-common";
import type { DeploymentTarget } from "../message/deployments-in-alarm";
import { classifyOciFailure } from "../oci/failures";
import { type NotificationKind, notificationKind, notificationMessage } from "../results/change-notification";
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
