/**
 * The message Notifications hands the function for one alarm transition, in OCI's real format (version
 * 1.5, grouped): one `dimensions` entry per firing metric stream, and `metricValues` with one entry per
 * `dimensions` entry, in the same order, each keyed by the alarm's query without its threshold (the same
 * key for every stream), values as strings. FIRING_TO_OK lists no streams.
 */

export interface MessageAlarm {
  id: string;
  displayName: string;
  notificationTitle?: string;
  severity: string;
  namespace: string;
  query: string;
}

export interface FiringStream {
  dimensions: Record<string, string>;
  value: number;
}

/** `CpuUtilization[5m].groupBy(resourceId).mean() > 80` → `CpuUtilization[5m].groupBy(resourceId).mean()`. */
export function queryWithoutThreshold(query: string): string {
  return query.trim().replace(/\s*(?:[<>]=?|==|!=)\s*-?[\d.]+\s*$/, "");
}

export function alarmMessage(
  alarm: MessageAlarm,
  type: "OK_TO_FIRING" | "REPEAT" | "FIRING_TO_OK",
  streams: FiringStream[],
  time: Date,
  /** When this firing episode began: OCI keeps one dedupeKey for an episode's messages. */
  episodeStartMs = time.getTime(),
): Record<string, unknown> {
  const firing = type === "FIRING_TO_OK" ? [] : streams;
  const key = queryWithoutThreshold(alarm.query);
  return {
    dedupeKey: `sim-${alarm.id.slice(-12)}-${episodeStartMs}`,
    title: alarm.notificationTitle ?? alarm.displayName,
    body: null,
    type,
    severity: alarm.severity,
    timestampEpochMillis: time.getTime(),
    timestamp: time.toISOString(),
    alarmMetaData: [
      {
        id: alarm.id,
        status: type === "FIRING_TO_OK" ? "OK" : "FIRING",
        severity: alarm.severity,
        namespace: alarm.namespace,
        query: alarm.query,
        totalMetricsFiring: firing.length,
        dimensions: firing.map((s) => s.dimensions),
        alarmUrl: `https://cloud.oracle.com/monitoring/alarms/${alarm.id}`,
        alarmSummary: null,
        metricValues: firing.map((s) => ({ [key]: s.value.toFixed(2) })),
      },
    ],
    notificationType: "Grouped messages across metric streams",
    version: 1.5,
  };
}
