import { MANAGED_BY_VALUE, ScaleDownAlarmTag, scaleDownAlarmQuery } from "../src/oci/scale-down-alarms";
import type { ScalingMetric } from "../src/results/decision";
import type { Alarm, Emulator, SeedDeployment } from "./";

export const EXAMPLE_COMPARTMENT_ID = "ocid1.compartment.oc1..aaaaaaaaexamplecompartment0001";
export const EXAMPLE_TOPIC_ID = "ocid1.onstopic.oc1.iad.aaaaaaaaexampletopic000000001";

// OCI has sent upper-case OCIDs in resourceId; the function reads them lower-cased, and so does the seed.
const DEPLOYMENT_ID = /ocid1\.datasciencemodeldeployment\.[a-z0-9-]+\.[a-z0-9-]*\.[a-z0-9]+/gi;

export interface LooseAlarmMessage {
  title?: unknown;
  alarmMetaData?: Array<{
    id?: unknown;
    query?: unknown;
    namespace?: unknown;
    severity?: unknown;
    dimensions?: unknown;
  }>;
}

export interface SeedOptions {
  deployment?: Omit<SeedDeployment, "id">;
  /** Alarm names that count as scale-down alarms; their seeds carry the function's tags. */
  lowAlarmNames?: Record<string, ScalingMetric>;
  /**
   * The alarm's display name when the message's title is a rendered notification title (then the title
   * becomes the alarm's notificationTitle template, as the docs' `{{severity}} alarm triggered at {{timestamp}}`).
   */
  alarmDisplayName?: string;
  /** Seed each stream of the message as FIRING in Monitoring (default), as a live alarm would be. */
  firing?: boolean;
  /** The seeded alarms' repeat interval (e.g. PT1M); unset, as OCI's default, they send no REPEAT. */
  repeatNotificationDuration?: string;
}

/**
 * Seeds the emulator with what an alarm message names, so the message can be replayed locally:
 * every model deployment OCID in it, and each firing alarm (with a topic as its destination). A firing
 * scale-down alarm is seeded as one this function created, tagged for the deployment it watches.
 */
export function seedFromAlarmMessage(
  emulator: Emulator,
  text: string,
  options: SeedOptions = {},
): { deploymentIds: string[]; alarms: Alarm[] } {
  const deploymentIds = [...new Set((text.match(DEPLOYMENT_ID) ?? []).map((id) => id.toLowerCase()))];
  for (const id of deploymentIds) {
    if (!emulator.getDeployment(id)) {
      emulator.seedDeployment({
        compartmentId: EXAMPLE_COMPARTMENT_ID,
        displayName: `example-${id.slice(-4)}`,
        ...options.deployment,
        id,
      });
    }
  }
  let message: LooseAlarmMessage;
  try {
    message = JSON.parse(text) as LooseAlarmMessage;
  } catch {
    return { deploymentIds, alarms: [] };
  }
  const title = typeof message.title === "string" ? message.title : "alarm";
  const lowMetric = (options.lowAlarmNames ?? DEFAULT_LOW_ALARM_NAMES)[title];
  const alarms: Alarm[] = [];
  for (const metadata of Array.isArray(message.alarmMetaData) ? message.alarmMetaData : []) {
    if (typeof metadata?.id !== "string" || emulator.getAlarm(metadata.id)) continue;
    const query = typeof metadata.query === "string" ? metadata.query : "CpuUtilization[5m].mean() > 80";
    const watched = query.match(DEPLOYMENT_ID)?.[0]?.toLowerCase();
    const alarm = emulator.seedAlarm({
      id: metadata.id,
      displayName: options.alarmDisplayName ?? title,
      ...(options.alarmDisplayName ? { notificationTitle: "{{severity}} alarm triggered at {{timestamp}}" } : {}),
      compartmentId: EXAMPLE_COMPARTMENT_ID,
      metricCompartmentId: EXAMPLE_COMPARTMENT_ID,
      namespace: typeof metadata.namespace === "string" ? metadata.namespace : "oci_datascience_modeldeploy",
      query,
      severity: typeof metadata.severity === "string" ? metadata.severity : "INFO",
      destinations: [EXAMPLE_TOPIC_ID],
      repeatNotificationDuration: options.repeatNotificationDuration,
      freeformTags:
        lowMetric && watched
          ? {
              [ScaleDownAlarmTag.ManagedBy]: MANAGED_BY_VALUE,
              [ScaleDownAlarmTag.Deployment]: watched,
              [ScaleDownAlarmTag.Metric]: lowMetric,
            }
          : {},
    });
    alarms.push(alarm);
  }
  if (options.firing !== false) markStreamsFiring(emulator, message);
  return { deploymentIds, alarms };
}

/**
 * Monitoring holds every stream a message lists FIRING while it sends it: tests that build their own messages
 * call this so the emulator's RetrieveDimensionStates agrees with what they send.
 */
export function markStreamsFiring(emulator: Emulator, message: LooseAlarmMessage): void {
  for (const metadata of Array.isArray(message.alarmMetaData) ? message.alarmMetaData : []) {
    if (typeof metadata?.id !== "string" || !emulator.getAlarm(metadata.id)) continue;
    const streams = Array.isArray(metadata.dimensions) ? (metadata.dimensions as Record<string, string>[]) : [];
    for (const dimensions of streams) emulator.setAlarmStreamState(metadata.id, dimensions, "FIRING");
  }
}

const DEFAULT_LOW_ALARM_NAMES: Record<string, ScalingMetric> = {
  model_deployment_low_cpu: "CpuUtilization",
  model_deployment_low_mem: "MemoryUtilization",
  model_deployment_low_requests: "PredictRequestCount",
};

/** A compartment-wide scale-up alarm (`<metric>[5m].groupBy(resourceId).mean() > 80`) in the example compartment. */
export function seedCompartmentAlarm(
  emulator: Emulator,
  alarm: {
    id: string;
    title: string;
    metric: "CpuUtilization" | "MemoryUtilization";
    query?: string;
    repeatNotificationDuration?: string;
  },
): Alarm {
  return emulator.seedAlarm({
    id: alarm.id,
    displayName: alarm.title,
    compartmentId: EXAMPLE_COMPARTMENT_ID,
    metricCompartmentId: EXAMPLE_COMPARTMENT_ID,
    namespace: "oci_datascience_modeldeploy",
    query: alarm.query ?? `${alarm.metric}[5m].groupBy(resourceId).mean() > 80`,
    destinations: [EXAMPLE_TOPIC_ID],
    repeatNotificationDuration: alarm.repeatNotificationDuration,
  });
}

/**
 * A low-CPU alarm the function created for `deploymentId` (its tags, setup's compartment and topic), with the query
 * the function writes for `threshold`: a scale-down alarm as it stands after an earlier change.
 */
export function seedOwnLowCpuAlarm(
  emulator: Emulator,
  alarm: { id: string; deploymentId: string; threshold: number },
): Alarm {
  return emulator.seedAlarm({
    id: alarm.id,
    displayName: "model_deployment_low_cpu",
    compartmentId: EXAMPLE_COMPARTMENT_ID,
    metricCompartmentId: EXAMPLE_COMPARTMENT_ID,
    namespace: "oci_datascience_modeldeploy",
    query: scaleDownAlarmQuery("CpuUtilization", alarm.deploymentId, alarm.threshold),
    destinations: [EXAMPLE_TOPIC_ID],
    freeformTags: {
      [ScaleDownAlarmTag.ManagedBy]: MANAGED_BY_VALUE,
      [ScaleDownAlarmTag.Deployment]: alarm.deploymentId,
      [ScaleDownAlarmTag.Metric]: "CpuUtilization",
    },
  });
}
