import type { Config } from "./config";
import { type NoChangeDecision, noChange, type ScalingAction } from "./decision";
import type { DeploymentSnapshot } from "./deployment-snapshot";
import { Reason } from "./reasons";

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

/**
 * No-change when this delivery already changed the deployment, or when our last change of this dimension
 * went the same way too recently: the alarm's window still holds the load from before that change.
 */
export function stateBlock(
  action: ScalingAction,
  deployment: DeploymentSnapshot,
  config: CooldownConfig,
  now: Date,
  delivery: string | undefined,
): NoChangeDecision | undefined {
  if (delivery && deployment.freeformTags[ScalingStateTag.Alarm] === delivery) {
    return noChange(
      action,
      undefined,
      Reason.DuplicateDelivery,
      `this alarm delivery (${delivery}) already changed the deployment`,
    );
  }
  const last = lastChange(deployment, action);
  if (!last || last.direction !== directionOf(action)) return undefined;
  const seconds = last.direction === "up" ? config.SCALE_UP_COOLDOWN_SECONDS : config.SCALE_DOWN_COOLDOWN_SECONDS;
  const until = new Date(last.at.getTime() + seconds * 1000);
  if (until <= now) return undefined;
  return noChange(
    action,
    undefined,
    Reason.CoolingDown,
    `cooling down until ${until.toISOString()} (last ${last.direction} at ${last.at.toISOString()})`,
  );
}

/** The user's tags, kept whole, plus our record of this change. */
export function tagsAfterChange(
  deployment: DeploymentSnapshot,
  action: ScalingAction,
  now: Date,
  delivery: string | undefined,
): Record<string, string> {
  const tags = { ...deployment.freeformTags, [dimensionTag(action)]: `${directionOf(action)} ${now.toISOString()}` };
  if (delivery) tags[ScalingStateTag.Alarm] = delivery;
  return tags;
}
