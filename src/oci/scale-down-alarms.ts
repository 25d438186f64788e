import { randomUUID } from "node:crypto";
import type * as common from "oci-common";
import { type MonitoringClient, models } from "oci-monitoring";
import type { Config } from "../policy/config";
import type { ScalingMetric } from "../results/decision";
import { classifyOciFailure } from "./failures";

/** Freeform tags that mark the alarms this function creates, so it finds (and deletes) only its own. */
export const ScaleDownAlarmTag = {
  ManagedBy: "autoscale-managed-by",
  Deployment: "autoscale-deployment-id",
  Metric: "autoscale-metric",
} as const;
export const MANAGED_BY_VALUE = "model-deployment-autoscale";

type AlarmConfig = Pick<
  Config,
  | "LOW_CPU_ALARM_NAME"
  | "LOW_MEM_ALARM_NAME"
  | "LOW_REQUESTS_ALARM_NAME"
  | "LOW_ALARM_PENDING_DURATION"
  | "LOW_ALARM_REPEAT_DURATION"
>;

export function scaleDownAlarmName(metric: ScalingMetric, config: AlarmConfig): string {
  if (metric === "PredictRequestCount") return config.LOW_REQUESTS_ALARM_NAME;
  return metric === "CpuUtilization" ? config.LOW_CPU_ALARM_NAME : config.LOW_MEM_ALARM_NAME;
}

/** One stream per deployment (groupBy), averaged over 5 minutes so one quiet minute does not scale down. */
export function scaleDownAlarmQuery(metric: ScalingMetric, deploymentId: string, threshold: number): string {
  if (metric === "PredictRequestCount") return lowRequestsQuery(deploymentId, threshold);
  return `${metric}[5m]{resourceId = "${deploymentId}"}.groupBy(resourceId).mean() < ${threshold}`;
}

/**
 * How long after traffic stops absent() keeps returning 1: the longest period Monitoring allows ("Valid values
 * range from one minute (1m) to three days (3d or 72h)", docs, "Customizing the Absence Detection Period for an
 * Alarm Query", https://docs.oracle.com/iaas/Content/Monitoring/Tasks/create-edit-alarm-query-absence-detection-period.htm).
 * The default, two hours, ends the scale-in half-way: each step waits for its update to land, the cooldown after
 * it and the next REPEAT (about 25 minutes at the defaults), so a deployment at 10 reached only 5 before absent()
 * went silent, and stayed there, idle and billed. Three days hold for any count a deployment can have here; the
 * length costs nothing, because the function deletes the alarm once the deployment is at its floor.
 */
export const ABSENCE_DETECTION_PERIOD = "72h";

/**
 * Fewer than `threshold` requests a minute, or none at all. PredictRequestCount is not emitted while there is
 * no traffic (FIELD-NOTES), so `sum() < N` alone never fires when traffic stops: there is no value to compare.
 * `absent()` "returns 1 (true) when the metric is absent for the entire interval" (docs, "Creating an Absence
 * Alarm", https://docs.oracle.com/iaas/Content/Monitoring/Tasks/create-alarm-absence.htm), which recommends
 * `groupBy` in absence queries and shows the period as its argument (`.groupBy(resourceId).absent(20h)`); the MQL
 * reference says queries can be joined, and Oracle's A-Team writes a threshold and an absence joined with `||` in
 * one alarm (`X.mean() == 0 || X.absent() == 1`,
 * https://www.ateam-oracle.com/deep-dive-into-oci-observability-and-management-monitoring-query-language-in-oci-alarms).
 * 1-minute sums with the pending duration mean that many quiet minutes in a row.
 */
function lowRequestsQuery(deploymentId: string, threshold: number): string {
  const stream = `PredictRequestCount[1m]{resourceId = "${deploymentId}"}.groupBy(resourceId)`;
  return `${stream}.sum() < ${threshold} || ${stream}.absent(${ABSENCE_DETECTION_PERIOD}) == 1`;
}

export function scaleDownAlarmDetails(
  firing: models.Alarm,
  deploymentId: string,
  metric: ScalingMetric,
  config: AlarmConfig,
  threshold: number,
): models.CreateAlarmDetails {
  const name = scaleDownAlarmName(metric, config);
  return {
    displayName: name,
    notificationTitle: name,
    compartmentId: firing.compartmentId,
    metricCompartmentId: firing.metricCompartmentId,
    metricCompartmentIdInSubtree: firing.metricCompartmentIdInSubtree,
    namespace: firing.namespace,
    query: scaleDownAlarmQuery(metric, deploymentId, threshold),
    resolution: "1m",
    pendingDuration: config.LOW_ALARM_PENDING_DURATION,
    severity: firing.severity,
    body: `Low ${metric} on model deployment ${deploymentId}: it can be scaled down. Created by ${MANAGED_BY_VALUE}.`,
    messageFormat: firing.messageFormat as unknown as models.CreateAlarmDetails.MessageFormat | undefined,
    isNotificationsPerMetricDimensionEnabled: false,
    destinations: firing.destinations,
    repeatNotificationDuration: config.LOW_ALARM_REPEAT_DURATION,
    isEnabled: true,
    freeformTags: {
      [ScaleDownAlarmTag.ManagedBy]: MANAGED_BY_VALUE,
      [ScaleDownAlarmTag.Deployment]: deploymentId,
      [ScaleDownAlarmTag.Metric]: metric,
    },
  };
}

export type EnsureOutcome = { outcome: "created" | "exists" | "updated"; alarmId: string };
export type RemoveOutcome = { outcome: "deleted" | "none"; alarmIds: string[] };

/**
 * The scale-down alarms of one invocation. The firing alarm is read once and shared by every deployment
 * in the message: the new alarm copies its compartment, namespace, severity and destinations.
 */
export class ScaleDownAlarms {
  /** Alarms read in this invocation, with their ETags: the firing alarm, and the one being brought up to date. */
  private readonly alarmReads = new Map<string, Promise<{ alarm: models.Alarm; etag: string }>>();

  constructor(
    private readonly client: MonitoringClient,
    private readonly config: AlarmConfig,
    private readonly retryConfiguration: common.RetryConfiguration,
  ) {}

  firingAlarm(alarmId: string): Promise<models.Alarm> {
    return this.readOnce(alarmId).then((read) => read.alarm);
  }

  private readOnce(alarmId: string): Promise<{ alarm: models.Alarm; etag: string }> {
    let read = this.alarmReads.get(alarmId);
    if (!read) {
      read = this.client.getAlarm({ alarmId, retryConfiguration: this.retryConfiguration });
      this.alarmReads.set(alarmId, read);
    }
    return read;
  }

  /**
   * Exactly one scale-down alarm for this deployment and metric, whoever else is creating one right now. A new
   * one is created as the change about to be made needs it; one that exists is left as it is, for `retune`
   * once OCI has accepted the change (a refused change must not leave the threshold of a count that never came).
   */
  async keepOrCreate(
    firingAlarmId: string,
    deploymentId: string,
    metric: ScalingMetric,
    threshold: number,
  ): Promise<EnsureOutcome> {
    const firing = await this.firingAlarm(firingAlarmId);
    const details = scaleDownAlarmDetails(firing, deploymentId, metric, this.config, threshold);
    const existing = await this.find(firing.compartmentId, deploymentId, metric);
    if (existing.length > 0) return { outcome: "exists", alarmId: await this.keepOne(existing) };
    // The retry token makes the SDK's own retries of this create idempotent.
    const request = {
      createAlarmDetails: details,
      opcRetryToken: randomUUID(),
      retryConfiguration: this.retryConfiguration,
    };
    const created = (await this.client.createAlarm(request)).alarm;
    // Another invocation may have created one at the same moment. The oldest stays: whoever created later
    // is sure to see it when it looks again, so exactly one creator keeps its alarm.
    const others = (await this.find(firing.compartmentId, deploymentId, metric)).filter((id) => id !== created.id);
    if (others.length === 0) return { outcome: "created", alarmId: created.id };
    const older = (await this.readAlarms(others)).filter((other) => isOlder(other, created));
    if (older.length === 0) return { outcome: "created", alarmId: created.id };
    await this.deleteQuietly(created.id);
    return { outcome: "exists", alarmId: (older.sort(compareAge)[0] as models.Alarm).id };
  }

  /**
   * Brings an existing scale-down alarm to what the function would create now (threshold, pending or repeat
   * duration, destinations) in one call; true when it changed anything.
   */
  async retune(
    alarmId: string,
    firingAlarmId: string,
    deploymentId: string,
    metric: ScalingMetric,
    threshold: number,
  ): Promise<boolean> {
    const firing = await this.firingAlarm(firingAlarmId);
    return this.bringUpToDate(alarmId, scaleDownAlarmDetails(firing, deploymentId, metric, this.config, threshold));
  }

  /** Updates the alarm where it differs from `wanted`; true when it did. Only the fields upkeep owns are sent. */
  private async bringUpToDate(alarmId: string, wanted: models.CreateAlarmDetails): Promise<boolean> {
    // Often the firing alarm itself (a low alarm scaling down): read once per invocation.
    const { alarm, etag } = await this.readOnce(alarmId);
    const changes = differences(alarm, wanted);
    if (!changes) return false;
    await this.client.updateAlarm({
      alarmId,
      updateAlarmDetails: changes,
      ifMatch: etag,
      retryConfiguration: this.retryConfiguration,
    });
    return true;
  }

  /**
   * Duplicates can outlive a race when two creators' clocks tie; the next look removes them, keeping the
   * oldest as racing creators do, so the two rules never delete each other's keeper.
   */
  private async keepOne(ids: string[]): Promise<string> {
    if (ids.length === 1) return ids[0] as string;
    const [keeper, ...extra] = (await this.readAlarms(ids)).sort(compareAge);
    for (const alarm of extra) await this.deleteQuietly(alarm.id);
    return keeper?.id ?? (ids[0] as string);
  }

  /** The alarms behind these ids that can still be read; one deleted meanwhile is simply left out. */
  private async readAlarms(ids: string[]): Promise<models.Alarm[]> {
    const alarms: models.Alarm[] = [];
    for (const alarmId of ids) {
      const found = await this.client
        .getAlarm({ alarmId, retryConfiguration: this.retryConfiguration })
        .catch(() => undefined);
      if (found) alarms.push(found.alarm);
    }
    return alarms;
  }

  /** Deletes every scale-down alarm this function created for the deployment and metric. */
  async remove(firingAlarmId: string, deploymentId: string, metric: ScalingMetric): Promise<RemoveOutcome> {
    const firing = await this.firingAlarm(firingAlarmId);
    const found = await this.find(firing.compartmentId, deploymentId, metric);
    for (const id of found) await this.deleteQuietly(id);
    return { outcome: found.length > 0 ? "deleted" : "none", alarmIds: found };
  }

  /** Deletes one alarm; an alarm already gone is not an error. */
  async deleteQuietly(alarmId: string): Promise<void> {
    try {
      await this.client.deleteAlarm({ alarmId, retryConfiguration: this.retryConfiguration });
    } catch (error) {
      // Only "already gone": a 401 (our credentials) must not pass for a deleted alarm.
      if (classifyOciFailure(error).statusCode !== 404) throw error;
    }
  }

  private async find(compartmentId: string, deploymentId: string, metric: ScalingMetric): Promise<string[]> {
    const ids: string[] = [];
    let page: string | undefined;
    do {
      const response = await this.client.listAlarms({
        compartmentId,
        // The SDK does not URL-encode query values (FIELD-NOTES).
        displayName: encodeURIComponent(scaleDownAlarmName(metric, this.config)),
        lifecycleState: models.Alarm.LifecycleState.Active,
        page,
        retryConfiguration: this.retryConfiguration,
      });
      for (const alarm of response.items) {
        if (isScaleDownAlarmFor(alarm, deploymentId, metric)) ids.push(alarm.id);
      }
      page = response.opcNextPage;
    } while (page);
    return ids;
  }
}

export function isScaleDownAlarmFor(alarm: models.AlarmSummary, deploymentId: string, metric: ScalingMetric): boolean {
  const tags = alarm.freeformTags ?? {};
  return (
    tags[ScaleDownAlarmTag.ManagedBy] === MANAGED_BY_VALUE &&
    tags[ScaleDownAlarmTag.Deployment] === deploymentId &&
    tags[ScaleDownAlarmTag.Metric] === metric
  );
}

/** What of the alarm differs from the alarm the function would create now, or undefined when nothing does. */
function differences(alarm: models.Alarm, wanted: models.CreateAlarmDetails): models.UpdateAlarmDetails | undefined {
  const changes: models.UpdateAlarmDetails = {};
  if (alarm.query.replace(/\s+/g, "") !== wanted.query.replace(/\s+/g, "")) changes.query = wanted.query;
  if (alarm.pendingDuration !== wanted.pendingDuration) changes.pendingDuration = wanted.pendingDuration;
  if (alarm.repeatNotificationDuration !== wanted.repeatNotificationDuration) {
    changes.repeatNotificationDuration = wanted.repeatNotificationDuration;
  }
  const sameDestinations =
    alarm.destinations.length === wanted.destinations.length &&
    wanted.destinations.every((d) => alarm.destinations.includes(d));
  if (!sameDestinations) changes.destinations = wanted.destinations;
  return Object.keys(changes).length > 0 ? changes : undefined;
}

function compareAge(a: models.Alarm, b: models.Alarm): number {
  const byTime = new Date(a.timeCreated).getTime() - new Date(b.timeCreated).getTime();
  return byTime !== 0 ? byTime : a.id.localeCompare(b.id);
}

function isOlder(a: models.Alarm, than: models.Alarm): boolean {
  return compareAge(a, than) < 0;
}
