/**
 * The scale-up alarms setup creates: high CPU (adds instances) and high memory (next larger shape), or with
 * `requests` high requests instead of high CPU, either for one deployment or one pair for every deployment in
 * a compartment. Pure: no OCI calls.
 */
import type { models } from "oci-monitoring";
import { MANAGED_BY_VALUE, ScaleDownAlarmTag } from "../../src/oci/scale-down-alarms";
import { type Config, ConfigSchema } from "../../src/policy/config";

export const NAMESPACE = "oci_datascience_modeldeploy";
/** Tells the alarms setup created for scaling up apart from the scale-down alarms the function creates. */
export const ALARM_ROLE_TAG = "autoscale-alarm-role";

export type Scope =
  | {
      kind: "deployment";
      deploymentId: string;
      compartmentId: string;
      /** On OCI's AUTOSCALING policy: OCI moves the instance count, so no high-CPU alarm is made for it. */
      builtInAutoscaling?: boolean;
    }
  | { kind: "compartment"; compartmentId: string };

export interface ScaleUpSettings {
  topicId: string;
  cpuThreshold: number;
  memThreshold: number;
  highCpuName: string;
  highMemName: string;
  /** Scale instances on requests per minute (PredictRequestCount) instead of CPU. */
  requests?: { threshold: number; name: string };
}

export interface ScaleUpNames {
  highCpuName: string;
  highMemName: string;
  highRequestsName: string;
}

/**
 * The function routes a message on its title, the alarm's notification title: only a title equal to one of its
 * *_ALARM_NAME values scales anything. So the alarms are named, and titled, as the function is configured
 * (the defaults when `config` is not given).
 */
export function scaleUpNames(
  config: Pick<Config, "HIGH_CPU_ALARM_NAME" | "HIGH_MEM_ALARM_NAME" | "HIGH_REQUESTS_ALARM_NAME"> = ConfigSchema.parse(
    {},
  ),
): ScaleUpNames {
  return {
    highCpuName: config.HIGH_CPU_ALARM_NAME,
    highMemName: config.HIGH_MEM_ALARM_NAME,
    highRequestsName: config.HIGH_REQUESTS_ALARM_NAME,
  };
}

type Metric = "CpuUtilization" | "MemoryUtilization" | "PredictRequestCount";

/**
 * `.groupBy(resourceId)` keeps one stream per deployment, so a message names each deployment once, and its
 * value is the deployment's: the mean utilization, or for requests the sum of a minute (requests per minute).
 */
export function scaleUpQuery(metric: Metric, scope: Scope, threshold: number): string {
  const filter = scope.kind === "deployment" ? `{resourceId = "${scope.deploymentId}"}` : "";
  if (metric === "PredictRequestCount") return `${metric}[1m]${filter}.groupBy(resourceId).sum() > ${threshold}`;
  return `${metric}[5m]${filter}.groupBy(resourceId).mean() > ${threshold}`;
}

export function scaleUpTags(scope: Scope, metric: Metric): Record<string, string> {
  return {
    [ScaleDownAlarmTag.ManagedBy]: MANAGED_BY_VALUE,
    [ALARM_ROLE_TAG]: "scale-up",
    [ScaleDownAlarmTag.Metric]: metric,
    ...(scope.kind === "deployment" ? { [ScaleDownAlarmTag.Deployment]: scope.deploymentId } : {}),
  };
}

function details(scope: Scope, settings: ScaleUpSettings, metric: Metric): models.CreateAlarmDetails {
  const cpu = metric !== "MemoryUtilization";
  const requests = metric === "PredictRequestCount" ? settings.requests : undefined;
  const name = requests?.name ?? (cpu ? settings.highCpuName : settings.highMemName);
  const threshold = requests?.threshold ?? (cpu ? settings.cpuThreshold : settings.memThreshold);
  const what = scope.kind === "deployment" ? `model deployment ${scope.deploymentId}` : "a model deployment";
  return {
    displayName: name,
    notificationTitle: name,
    compartmentId: scope.compartmentId,
    metricCompartmentId: scope.compartmentId,
    namespace: NAMESPACE,
    query: scaleUpQuery(metric, scope, threshold),
    resolution: "1m",
    pendingDuration: "PT1M",
    severity: "WARNING",
    body: `High ${metric} on ${what}: ${MANAGED_BY_VALUE} ${cpu ? "adds an instance" : "moves it to the next larger shape"}.`,
    messageFormat: "RAW" as models.CreateAlarmDetails.MessageFormat,
    isNotificationsPerMetricDimensionEnabled: false,
    destinations: [settings.topicId],
    // Load that stays high keeps scaling: every repeat is one more step.
    repeatNotificationDuration: "PT5M",
    isEnabled: true,
    freeformTags: scaleUpTags(scope, metric),
  };
}

/**
 * Requests replace CPU rather than join it: two alarms moving the same instance count on different signals
 * would fight (an I/O-bound model's low-CPU alarm scaling in while requests are high).
 */
export function scaleUpAlarms(scope: Scope, settings: ScaleUpSettings): models.CreateAlarmDetails[] {
  const memory = details(scope, settings, "MemoryUtilization");
  // OCI's AUTOSCALING policy owns the instance count: only the shape's alarm.
  if (scope.kind === "deployment" && scope.builtInAutoscaling) return [memory];
  const instances: Metric = settings.requests ? "PredictRequestCount" : "CpuUtilization";
  return [details(scope, settings, instances), memory];
}

/** Is this listed alarm the one `wanted` describes: same name, made by this project, for the same scope? */
export function isSameAlarm(listed: models.AlarmSummary, wanted: models.CreateAlarmDetails): boolean {
  const tags = listed.freeformTags ?? {};
  const wantedTags = wanted.freeformTags ?? {};
  return (
    listed.displayName === wanted.displayName &&
    tags[ScaleDownAlarmTag.ManagedBy] === MANAGED_BY_VALUE &&
    tags[ALARM_ROLE_TAG] === "scale-up" &&
    (tags[ScaleDownAlarmTag.Deployment] ?? "") === (wantedTags[ScaleDownAlarmTag.Deployment] ?? "")
  );
}
