import type { DeploymentTarget } from "./deployments-in-alarm";

export interface Selection {
  chosen: DeploymentTarget[];
  deferred: DeploymentTarget[];
}

/**
 * At most `limit` deployments are decided per message. Which ones rotates with the alarm's evaluation:
 * deployments are ordered by id and each delivery takes the window that starts at `slot × limit`, where the
 * slot counts repeat intervals (timestamp ÷ repeatNotificationDuration). Successive REPEATs of one alarm
 * fall in successive slots, so the windows walk round the list and every deployment is decided within
 * ceil(count ÷ limit) REPEATs; a duplicate delivery falls in the same slot and picks the same ones.
 */
export function selectDeployments(
  targets: readonly DeploymentTarget[],
  limit: number,
  timestampEpochMillis: number | undefined,
  repeatMinutes: number,
): Selection {
  if (targets.length <= limit) return { chosen: [...targets], deferred: [] };
  const ordered = [...targets].sort((a, b) => a.deploymentId.localeCompare(b.deploymentId));
  const slot = Math.floor((timestampEpochMillis ?? 0) / (Math.max(1, repeatMinutes) * 60_000));
  const start = (slot * limit) % ordered.length;
  const rotated = [...ordered.slice(start), ...ordered.slice(0, start)];
  return { chosen: rotated.slice(0, limit), deferred: rotated.slice(limit) };
}

/** Minutes in an ISO-8601 duration such as PT5M, PT1H30M or PT90S (seconds rounded up); undefined when unset or not of that form. */
export function durationMinutes(iso: string | undefined): number | undefined {
  const match = /^PT(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(iso ?? "");
  if (!match) return undefined;
  return Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0) + Math.ceil(Number(match[3] ?? 0) / 60);
}
