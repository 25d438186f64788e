/** Finding, creating and deleting the alarms this project made, by their freeform tags. */
import { randomUUID } from "node:crypto";
import type { DataScienceClient } from "oci-datascience";
import { type MonitoringClient, models } from "oci-monitoring";
import { MANAGED_BY_VALUE, ScaleDownAlarmTag } from "../../src/oci/scale-down-alarms";
import { isSameAlarm } from "./scale-up-alarms";
import { allPages } from "./wiring-steps";

export interface AlarmStep {
  outcome: "created" | "exists" | "would create" | "deleted" | "would delete";
  displayName: string;
  alarmId?: string;
  query?: string;
  /** Set when an existing alarm differs from what setup would create now, or says why it was removed. */
  note?: string;
}

/** Every ACTIVE alarm in the compartment (optionally: with this name), every page. */
export async function listActiveAlarms(
  monitoring: MonitoringClient,
  compartmentId: string,
  displayName?: string,
): Promise<models.AlarmSummary[]> {
  return allPages(async (page) =>
    monitoring.listAlarms({
      compartmentId,
      // The SDK does not URL-encode query values (FIELD-NOTES).
      ...(displayName ? { displayName: encodeURIComponent(displayName) } : {}),
      lifecycleState: models.Alarm.LifecycleState.Active,
      page,
    }),
  );
}

/** Every ACTIVE alarm in the compartment tagged as made by this project (optionally: with this name). */
export async function listProjectAlarms(
  monitoring: MonitoringClient,
  compartmentId: string,
  displayName?: string,
): Promise<models.AlarmSummary[]> {
  const listed = await listActiveAlarms(monitoring, compartmentId, displayName);
  return listed.filter((a) => a.freeformTags?.[ScaleDownAlarmTag.ManagedBy] === MANAGED_BY_VALUE);
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
  return deleteAlarms(monitoring, mine, dryRun);
}

/** Deletes the alarms (or, in a dry run, says it would), one step each; `note` says why, when there is a why. */
async function deleteAlarms(
  monitoring: MonitoringClient,
  alarms: models.AlarmSummary[],
  dryRun: boolean,
  note?: string,
): Promise<AlarmStep[]> {
  const steps: AlarmStep[] = [];
  for (const alarm of alarms) {
    if (!dryRun) await monitoring.deleteAlarm({ alarmId: alarm.id });
    steps.push({
      outcome: dryRun ? "would delete" : "deleted",
      displayName: alarm.displayName,
      alarmId: alarm.id,
      query: alarm.query,
      ...(note ? { note } : {}),
    });
  }
  return steps;
}

/**
 * Deletes the project's alarms in the compartment whose deployment is gone (GetModelDeployment answers 404, or
 * the deployment is DELETED). A deleted deployment emits no metric, so its low-CPU and low-memory alarms never
 * fire again and the function never gets the chance to delete them. Alarms without a deployment tag (one alarm
 * for a whole compartment) stay.
 */
export async function removeAlarmsOfGoneDeployments(
  monitoring: MonitoringClient,
  dataScience: DataScienceClient,
  compartmentId: string,
  dryRun: boolean,
): Promise<AlarmStep[]> {
  const listed = await listProjectAlarms(monitoring, compartmentId);
  const byDeployment = new Map<string, models.AlarmSummary[]>();
  for (const alarm of listed) {
    const deploymentId = alarm.freeformTags?.[ScaleDownAlarmTag.Deployment];
    if (deploymentId) byDeployment.set(deploymentId, [...(byDeployment.get(deploymentId) ?? []), alarm]);
  }
  const steps: AlarmStep[] = [];
  for (const [deploymentId, alarms] of byDeployment) {
    const gone = await deploymentGone(dataScience, deploymentId);
    if (gone)
      steps.push(...(await deleteAlarms(monitoring, alarms, dryRun, `model deployment ${deploymentId} ${gone}`)));
  }
  return steps;
}

/** Why the deployment counts as gone, or undefined while it exists; anything but a 404 is thrown. */
async function deploymentGone(dataScience: DataScienceClient, deploymentId: string): Promise<string | undefined> {
  try {
    const { modelDeployment } = await dataScience.getModelDeployment({ modelDeploymentId: deploymentId });
    return modelDeployment.lifecycleState === "DELETED" ? "is DELETED" : undefined;
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return "is not found (deleted, or not readable)";
    throw error;
  }
}
