import { randomUUID } from "node:crypto";

export interface AlarmMessageOptions {
  title: string;
  alarmId: string;
  deploymentIds: string[];
  type?: "OK_TO_FIRING" | "REPEAT" | "FIRING_TO_OK" | "RESET";
  metric?: "CpuUtilization" | "MemoryUtilization";
  query?: string;
  dedupeKey?: string;
  timestampEpochMillis?: number;
  /** Per-instance streams per deployment (resourceId repeated with instanceId). */
  instancesPerDeployment?: number;
  /** Version 1.5 metric values, one per deployment (every stream of a deployment carries its deployment's). */
  metricValues?: number[];
}

/** An alarm message shaped as Notifications delivers it (RAW), for tests that need many of them. */
export function alarmMessage(options: AlarmMessageOptions): Record<string, unknown> {
  const metric = options.metric ?? (/mem/i.test(options.title) ? "MemoryUtilization" : "CpuUtilization");
  const time = options.timestampEpochMillis ?? Date.now();
  const single = options.deploymentIds.length === 1 ? options.deploymentIds[0] : undefined;
  const query =
    options.query ??
    (single
      ? `${metric}[5m]{resourceId = "${single}"}.groupBy(resourceId).mean() > 80`
      : `${metric}[5m].groupBy(resourceId).mean() > 80`);
  const streams = options.deploymentIds.flatMap((id) =>
    Array.from({ length: options.instancesPerDeployment ?? 1 }, (_, i) =>
      options.instancesPerDeployment
        ? { resourceId: id, instanceId: `ocid1.datasciencemodeldeploymentinstance.oc1.iad.amaaaaaainstance${i}` }
        : { resourceId: id },
    ),
  );
  const firing = options.type !== "FIRING_TO_OK" && options.type !== "RESET";
  return {
    dedupeKey: options.dedupeKey ?? randomUUID(),
    title: options.title,
    body: null,
    type: options.type ?? "OK_TO_FIRING",
    severity: "CRITICAL",
    timestampEpochMillis: time,
    timestamp: new Date(time).toISOString(),
    alarmMetaData: [
      {
        id: options.alarmId,
        status: firing ? "FIRING" : "OK",
        severity: "CRITICAL",
        namespace: "oci_datascience_modeldeploy",
        query,
        totalMetricsFiring: firing ? streams.length : 0,
        dimensions: firing ? streams : [],
        alarmUrl: `https://cloud.oracle.com/monitoring/alarms/${options.alarmId}`,
        ...(options.metricValues && firing
          ? {
              metricValues: streams.map((stream) => ({
                [expressionOf(query)]: String(options.metricValues?.[options.deploymentIds.indexOf(stream.resourceId)]),
              })),
            }
          : {}),
      },
    ],
    notificationType: "Grouped messages across metric streams",
    version: options.metricValues ? 1.5 : 1.3,
  };
}

/**
 * The key OCI gives every `metricValues` entry: the alarm's expression without its threshold, the same for
 * every stream, the entries in the order of `dimensions` (docs "Example Alarm Messages"; FIELD-NOTES).
 */
export function expressionOf(query: string): string {
  return query.replace(/\s*(>=|<=|==|!=|>|<)\s*-?[0-9.]+\s*$/, "").trim();
}
