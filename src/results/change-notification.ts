import { Reason, type ReasonCode } from "./reasons";
import type { DeploymentResult } from "./response";

/** Refusals a person has to act on, and what to do. Other answers (cooldown, tolerance, …) sort themselves out. */
const NEEDS_A_PERSON: Partial<Record<ReasonCode, string>> = {
  [Reason.AtMaxInstances]:
    "raise MAX_INSTANCES, or the deployment's autoscale-max-instances tag, if the load needs more instances",
  [Reason.AtLargestShape]:
    "move the deployment to a larger shape family or a flex shape, or extend SHAPE_LADDERS / autoscale-max-shape",
  [Reason.UpdateRefused]:
    "OCI refused the update: read the reason; later alarms are refused the same way until it is fixed",
};

export type NotificationKind = "change" | "refusal";

/**
 * Whether a result is told, and as what. A change always (it happens once: the ETag and the UPDATING state
 * stop a second one). A refusal at a limit only when the alarm starts firing, not on each REPEAT: the limit
 * does not move by itself, and one message per repeat interval would teach people to ignore them. A refused
 * update on every delivery: each is a write OCI turned down.
 */
export function notificationKind(
  result: DeploymentResult,
  alarmType: string | undefined,
): NotificationKind | undefined {
  if (result.outcome === "updated") return "change";
  if (NEEDS_A_PERSON[result.reasonCode] === undefined) return undefined;
  if (result.reasonCode !== Reason.UpdateRefused && alarmType === "REPEAT") return undefined;
  return "refusal";
}

export interface NotificationContext {
  displayName: string;
  /** Region id for the console link (us-ashburn-1); without it the link opens the console's current region. */
  region: string | undefined;
  alarmTitle: string | undefined;
  alarmType: string | undefined;
}

/** The console page of a model deployment. */
export function consoleUrl(deploymentId: string, region: string | undefined): string {
  const query = region ? `?region=${encodeURIComponent(region)}` : "";
  return `https://cloud.oracle.com/data-science/model-deployments/${encodeURIComponent(deploymentId)}${query}`;
}

/** A title short enough for an e-mail subject; display names may be long. */
const MAX_TITLE = 200;

/** Title and plain-text body of the message, for e-mail, Slack and PagerDuty subscriptions alike. */
export function notificationMessage(
  kind: NotificationKind,
  result: DeploymentResult,
  context: NotificationContext,
): { title: string; body: string } {
  const name = context.displayName || result.deploymentId;
  const lines: string[] = [];
  let title: string;
  if (kind === "change") {
    const change = `${changeWord(result)} ${result.from} -> ${result.to}`;
    title = `${name} scaled ${direction(result)}: ${change}`;
    lines.push(`Model deployment ${name} was scaled ${direction(result)}: ${change}.`);
    lines.push(`Why: ${result.reason}.`);
  } else {
    title = `${name} not scaled: ${result.reasonCode}`;
    lines.push(`Model deployment ${name} was not scaled ${direction(result)}: ${result.reasonCode}.`);
    lines.push(`Why: ${result.reason}.`);
    lines.push(`What to do: ${NEEDS_A_PERSON[result.reasonCode]}.`);
  }
  if (context.alarmTitle)
    lines.push(`Alarm: ${context.alarmTitle}${context.alarmType ? ` (${context.alarmType})` : ""}`);
  if (result.currentInstanceCount !== undefined)
    lines.push(`Instances: ${result.currentInstanceCount}, moved by OCI's AUTOSCALING policy (left as it is).`);
  for (const warning of result.warnings ?? []) lines.push(`Warning: ${warning}.`);
  lines.push(`Console: ${consoleUrl(result.deploymentId, context.region)}`);
  lines.push(`Deployment: ${result.deploymentId}`);
  if (result.opcWorkRequestId) lines.push(`Work request: ${result.opcWorkRequestId}`);
  lines.push("Sent by model-deployment-autoscale.");
  return { title: title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1)}…` : title, body: lines.join("\n") };
}

function changeWord(result: DeploymentResult): string {
  return result.action.startsWith("instance") ? "instances" : "shape";
}

/** A count compares; a shape goes the way its action does. */
function direction(result: DeploymentResult): "up" | "down" {
  if (typeof result.from === "number" && typeof result.to === "number") return result.to > result.from ? "up" : "down";
  return result.action.endsWith("-up") ? "up" : "down";
}

/** Deployments listed by name in one message; a request carries at most 64 KB, and the log has them all. */
const MAX_LISTED = 100;

/**
 * One message for every deployment an alarm without REPEATs named and the deadline left undecided: nothing
 * will decide them until the alarm fires again, so a person should know (and can make the alarm repeat).
 */
export function undecidedMessage(
  results: readonly DeploymentResult[],
  context: Pick<NotificationContext, "alarmTitle" | "alarmType">,
): { title: string; body: string } {
  const first = results[0];
  const lines = [
    `${results.length} model deployment(s) named by the alarm were not decided before the function had to answer:`,
  ];
  for (const result of results.slice(0, MAX_LISTED)) lines.push(`- ${result.deploymentId}`);
  if (results.length > MAX_LISTED) lines.push(`- and ${results.length - MAX_LISTED} more (see the function's log)`);
  if (first) lines.push(`Why: ${first.reason}.`);
  lines.push(
    "What to do: give the alarm a repeat interval (repeatNotificationDuration) so that MAX_DEPLOYMENTS_PER_MESSAGE " +
      "spreads them over its REPEATs, raise the function's timeout, or split the alarm.",
  );
  if (context.alarmTitle)
    lines.push(`Alarm: ${context.alarmTitle}${context.alarmType ? ` (${context.alarmType})` : ""}`);
  lines.push("Sent by model-deployment-autoscale.");
  return {
    title: `${results.length} model deployment(s) not decided: ${Reason.NotDecidedBeforeDeadline}`,
    body: lines.join("\n"),
  };
}
