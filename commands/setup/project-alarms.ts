/** Finding, creating and deleting the alarms this project made, by their freeform tags. */
import { randomUUID } from "node:crypto";
import { type MonitoringClient, models } from "oci-monitoring";
import { MANAGED_BY_VALUE, ScaleDownAlarmTag } from "../../src/oci/scale-down-alarms";
import { isSameAlarm } from "./scale-up-alarms";

export interface AlarmStep {
  outcome: "created" | "exists" | "would create" | "deleted" | "would delete";
  displayName: string;
  alarmId?: string;
  query?: string;
  /** Set when an existing alarm differs from what setup would create now. */
  note?: string;
}

/** Every ACTIVE alarm in the compartment tagged as made by this project (optionally: with this name). */
export async function listProjectAlarms(
  monitoring: MonitoringClient,
  compartmentId: string,
  displayName?: string,
): Promise<models.AlarmSummary[]> {
  const found: models.AlarmSummary[] = [];
  let page: string | undefined;
  do {
    const response = await monitoring.listAlarms({
      compartmentId,
      // The SDK does not URL-encode query values (FIELD-NOTES).
      ...(displayName ? { displayName: encodeURIComponent(displayName) } : {}),
      lifecycleState: models.Alarm.LifecycleState.Active,
      page,
    });
    found.push(...response.items.filter((a) => a.freeformTags?.[ScaleDownAlarmTag.ManagedBy] === MANAGED_BY_VALUE));
    page = response.opcNextPage;
  } while (page);
  return found;
}

/** Creates the alarm unless this project already made one with the same name for the same scope. */
export async function ensureAlarm(
  monitoring: MonitoringClient,
  wanted: models.CreateAlarmDetails,
  dryRun: boolean,
): Promise<AlarmStep> {
  const listed = await listProjectAlarms(monitoring, wanted.compartmentId, wanted.displayName);
  const existing = listed.find((a) => isSameAlarm(a, wanted));
  if (existing) {
    const differs = existing.query !== wanted.query || !existing.destinations.includes(wanted.destinations[0] ?? "");
    return {
      outcome: "exists",
      displayName: wanted.displayName,
      alarmId: existing.id,
      query: existing.query,
      ...(differs
        ? {
            note: `differs from what setup would create (${wanted.query}, topic ${wanted.destinations[0]}): run --remove, then setup again to replace it`,
          }
        : {}),
    };
  }
  if (dryRun) return { outcome: "would create", displayName: wanted.displayName, query: wanted.query };
  // A retry token makes a retried create (after a lost answer) return the first alarm instead of a second one.
  const { alarm } = await monitoring.createAlarm({ createAlarmDetails: wanted, opcRetryToken: randomUUID() });
  return { outcome: "created", displayName: alarm.displayName, alarmId: alarm.id, query: alarm.query };
}

/** Deletes this project's alarms in the compartment: scale-up alarms from setup and the function's scale-down alarms. */
export async function removeProjectAlarms(
  monitoring: MonitoringClient,
  compartmentId: string,
  deploymentId: string | undefined,
  dryRun: boolean,
): Promise<AlarmStep[]> {
  const listed = await listProjectAlarms(monitoring, compartmentId);
  const mine = listed.filter((a) => !deploymentId || a.freeformTags?.[ScaleDownAlarmTag.Deployment] === deploymentId);
  const steps: AlarmStep[] = [];
  for (const alarm of mine) {
    if (!dryRun) await monitoring.deleteAlarm({ alarmId: alarm.id });
    steps.push({
      outcome: dryRun ? "would delete" : "deleted",
      displayName: alarm.displayName,
      alarmId: alarm.id,
      query: alarm.query,
    });
  }
  return steps;
}
