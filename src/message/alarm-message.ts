import * as z from "zod";

/** Monitoring sends OK_TO_FIRING, REPEAT, FIRING_TO_OK and RESET; only these two ask for action. */
export const ACTIONABLE_ALARM_TYPES = ["OK_TO_FIRING", "REPEAT"] as const;

/** Upper bound on metric streams in one message; Monitoring sends at most 100 per alarm entry. */
const MAX_STREAMS = 1_000;

/** OCI's limit on an alarm's display name; a notification title rendered from a template can be longer. */
export const MAX_TITLE_LENGTH = 255;

/** One metric stream's dimensions, e.g. `{ "resourceId": "ocid1.datasciencemodeldeployment...", "instanceId": "..." }`. */
export const DimensionsSchema = z.record(z.string(), z.string());

/**
 * One `metricValues` entry, `{ "CpuUtilization[5m]...mean()": "92.31" }`. The values are advisory (without one a
 * deployment takes one step), so an odd one never rejects a real alarm: a number is kept as a number, any other
 * value that is not a string is dropped, and an entry that is not an object reads as empty (keeping its place,
 * since entries pair with `dimensions` by position).
 */
export const MetricValuesEntrySchema = z
  .record(z.string(), z.unknown())
  .catch({})
  .transform((entry) =>
    Object.fromEntries(
      Object.entries(entry).filter(
        (pair): pair is [string, string | number] => typeof pair[1] === "string" || typeof pair[1] === "number",
      ),
    ),
  );

/**
 * One entry of `alarmMetaData[]`:
 * ```json
 * { "id": "ocid1.alarm.oc1.iad.aaa", "status": "FIRING", "severity": "CRITICAL",
 *   "namespace": "oci_datascience_modeldeploy",
 *   "query": "CpuUtilization[5m]{resourceId = \"ocid1.datasciencemodeldeployment...\"}.mean() > 80",
 *   "totalMetricsFiring": 1, "dimensions": [{ "resourceId": "ocid1.datasciencemodeldeployment..." }],
 *   "metricValues": [{ "CpuUtilization[5m]...mean()": "92.31" }] }
 * ```
 */
export const AlarmMetadataSchema = z.object({
  id: z.string().min(1).max(255),
  status: z.string().nullish(),
  severity: z.string().nullish(),
  namespace: z.string().nullish(),
  query: z.string().max(10_000).nullish(),
  totalMetricsFiring: z.number().nullish(),
  dimensions: z
    .array(DimensionsSchema)
    .max(MAX_STREAMS)
    .nullish()
    .transform((d) => d ?? []),
  alarmUrl: z.string().nullish(),
  alarmSummary: z.string().nullish(),
  // A metricValues that is not a list (or longer than any list of streams) is ignored: every deployment takes one step.
  metricValues: z.array(MetricValuesEntrySchema).max(MAX_STREAMS).nullish().catch(undefined),
});
export type AlarmMetadata = z.infer<typeof AlarmMetadataSchema>;

/** `version` is a number in real messages (1, 1.1, 1.3, 1.5); a numeric string is accepted too. */
export const AlarmVersionSchema = z
  .union([
    z.number(),
    z
      .string()
      .regex(/^\d+(\.\d+)?$/)
      .transform(Number),
  ])
  .refine((v) => v >= 1 && v < 2, { message: "unsupported message version (this function reads 1.x)" });

/**
 * The Notifications payload of an OCI Monitoring alarm (RAW or PRETTY_JSON):
 * ```json
 * { "dedupeKey": "0e8f1a...", "title": "model_deployment_high_cpu", "body": null, "type": "OK_TO_FIRING",
 *   "severity": "CRITICAL", "timestampEpochMillis": 1657320300000, "timestamp": "2022-07-08T22:45:00Z",
 *   "alarmMetaData": [ ... ], "notificationType": "Grouped messages across metric streams", "version": 1.5 }
 * ```
 * Unknown fields are tolerated and dropped. A title longer than MAX_TITLE_LENGTH is kept cut to that length and
 * an ellipsis, for the log and the response; no alarm name is that long, so it routes by the alarm's display name.
 */
export const AlarmMessageSchema = z.object({
  dedupeKey: z.string().max(255).nullish(),
  title: z.string().min(1).transform(shortTitle),
  body: z.string().nullish(),
  type: z.string().min(1).max(64),
  severity: z.string().nullish(),
  timestampEpochMillis: z.number().nullish(),
  timestamp: z.string().nullish(),
  alarmMetaData: z.array(AlarmMetadataSchema).min(1).max(100),
  notificationType: z.string().nullish(),
  version: AlarmVersionSchema.nullish(),
});
export type AlarmMessage = z.infer<typeof AlarmMessageSchema>;

/** The title cut to MAX_TITLE_LENGTH and an ellipsis, never between the two halves of a surrogate pair. */
function shortTitle(title: string): string {
  if (title.length <= MAX_TITLE_LENGTH) return title;
  return `${title.slice(0, MAX_TITLE_LENGTH).replace(/[\uD800-\uDBFF]$/, "")}…`;
}

export function isActionable(type: string): boolean {
  return (ACTIONABLE_ALARM_TYPES as readonly string[]).includes(type);
}
