import type { Config } from "../policy/config";
import { type ChangeDecision, type NoChangeDecision, noChange, type ScalingAction } from "../results/decision";
import { Reason } from "../results/reasons";
import type { DeploymentSnapshot } from "../scalers/deployment-snapshot";

/**
 * The function keeps its memory on the deployment itself, as freeform tags written in the same update
 * as the change: nothing else has to run or be stored, and a change and its record cannot part.
 * Values: `up 2026-11-24T13:00:00.000Z` (direction and time of our last change of that dimension), and
 * `<dedupeKey>@<timestampEpochMillis>` of the alarm that caused the last change.
 */
export const ScalingStateTag = {
  InstanceChange: "autoscale-last-instance-change",
  ShapeChange: "autoscale-last-shape-change",
  Alarm: "autoscale-last-alarm",
} as const;

type Direction = "up" | "down";
type CooldownConfig = Pick<Config, "SCALE_UP_COOLDOWN_SECONDS" | "SCALE_DOWN_COOLDOWN_SECONDS">;

function dimensionTag(action: ScalingAction): string {
  return action.startsWith("instance") ? ScalingStateTag.InstanceChange : ScalingStateTag.ShapeChange;
}

function directionOf(action: ScalingAction): Direction {
  return action.endsWith("-up") ? "up" : "down";
}

/** `dedupeKey@timestampEpochMillis`: the same delivery, not just the same alarm (REPEATs share the key). */
export function deliveryKey(
  dedupeKey: string | undefined,
  timestampEpochMillis: number | undefined,
): string | undefined {
  if (!dedupeKey || timestampEpochMillis === undefined) return undefined;
  return `${dedupeKey}@${timestampEpochMillis}`.slice(0, 256);
}

function lastChange(
  deployment: DeploymentSnapshot,
  action: ScalingAction,
): { direction: Direction; at: Date } | undefined {
  const match = /^(up|down) (\S+)$/.exec(deployment.freeformTags[dimensionTag(action)] ?? "");
  if (!match) return undefined;
  const at = new Date(match[2] as string);
  return Number.isNaN(at.getTime()) ? undefined : { direction: match[1] as Direction, at };
}

/** Which way a change goes: by the instance count where it has one (a bounds correction may go either way). */
export function changeDirection(decision: Pick<ChangeDecision, "action" | "from" | "to">): Direction {
  if (typeof decision.from === "number" && typeof decision.to === "number") {
    return decision.to > decision.from ? "up" : "down";
  }
  return directionOf(decision.action);
}

/**
 * No-change when this delivery already changed the deployment, or when our last change of this dimension
 * went the same way too recently (counted from when we sent it, a floor under the check below). A change
 * that brings the deployment within its bounds waits for no cooldown: the bounds are hard.
 */
export function stateBlock(
  decision: ChangeDecision,
  deployment: DeploymentSnapshot,
  config: CooldownConfig,
  now: Date,
  delivery: string | undefined,
): NoChangeDecision | undefined {
  const { action } = decision;
  if (delivery && deployment.freeformTags[ScalingStateTag.Alarm] === delivery) {
    return noChange(
      action,
      decision.from,
      Reason.DuplicateDelivery,
      `this alarm delivery (${delivery}) already changed the deployment`,
    );
  }
  if (decision.reason === Reason.BroughtWithinBounds) return undefined;
  const last = lastChange(deployment, action);
  const direction = changeDirection(decision);
  if (!last || last.direction !== direction) return undefined;
  const until = new Date(last.at.getTime() + cooldownSeconds(direction, config) * 1000);
  if (until <= now) return undefined;
  return noChange(
    action,
    decision.from,
    Reason.CoolingDown,
    `cooling down until ${until.toISOString()} (last ${last.direction} at ${last.at.toISOString()})`,
  );
}

/**
 * The cooldown counts from when the deployment's last change *finished*, whoever made it: an update takes
 * minutes, and until it lands and the alarm's window has seen the new capacity, the metric still holds the
 * load from before (1 -> 2 at t=0, ACTIVE at +8 min, a REPEAT at +10 min must not scale 2 -> 3 on stale load).
 * OCI's own autoscaler counts its cooldown the same way, from ACTIVE.
 */
export function cooldownAfterFinishedChange(
  decision: ChangeDecision,
  finishedAt: Date | undefined,
  config: CooldownConfig,
  now: Date,
): NoChangeDecision | undefined {
  if (!finishedAt || decision.reason === Reason.BroughtWithinBounds) return undefined;
  const until = new Date(finishedAt.getTime() + cooldownSeconds(changeDirection(decision), config) * 1000);
  if (until <= now) return undefined;
  return noChange(
    decision.action,
    decision.from,
    Reason.CoolingDown,
    `cooling down until ${until.toISOString()}: the last change of the deployment finished at ${finishedAt.toISOString()} and the alarm's window still holds the load from before it`,
  );
}

function cooldownSeconds(direction: Direction, config: CooldownConfig): number {
  return direction === "up" ? config.SCALE_UP_COOLDOWN_SECONDS : config.SCALE_DOWN_COOLDOWN_SECONDS;
}

/** The user's tags, kept whole, plus our record of this change. */
export function tagsAfterChange(
  deployment: DeploymentSnapshot,
  decision: ChangeDecision,
  now: Date,
  delivery: string | undefined,
): Record<string, string> {
  const record = `${changeDirection(decision)} ${now.toISOString()}`;
  const tags = { ...deployment.freeformTags, [dimensionTag(decision.action)]: record };
  if (delivery) tags[ScalingStateTag.Alarm] = delivery;
  return tags;
}
