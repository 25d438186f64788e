/**
 * Body validation shared by CreateAlarm and UpdateAlarm. The field lists follow the SDK models
 * CreateAlarmDetails and UpdateAlarmDetails (oci-monitoring lib/model/create-alarm-details.d.ts,
 * update-alarm-details.d.ts): both carry the same fields, create requires some of them.
 */
import { invalidParameter } from "./errors";
import { isJsonObject } from "./json";
import type { Json, JsonObject } from "./types";

const SEVERITIES = ["CRITICAL", "ERROR", "WARNING", "INFO"];
const MESSAGE_FORMATS = ["RAW", "PRETTY_JSON", "ONS_OPTIMIZED"];

type FieldKind = "string" | "boolean" | "object" | "topics" | "overrides";

const ALARM_DETAILS_FIELDS: Record<string, FieldKind> = {
  displayName: "string",
  compartmentId: "string",
  metricCompartmentId: "string",
  metricCompartmentIdInSubtree: "boolean",
  namespace: "string",
  resourceGroup: "string",
  query: "string",
  resolution: "string",
  pendingDuration: "string",
  severity: "string",
  body: "string",
  isNotificationsPerMetricDimensionEnabled: "boolean",
  messageFormat: "string",
  destinations: "topics",
  repeatNotificationDuration: "string",
  suppression: "object",
  isEnabled: "boolean",
  freeformTags: "object",
  definedTags: "object",
  overrides: "overrides",
  ruleName: "string",
  notificationVersion: "string",
  notificationTitle: "string",
  evaluationSlackDuration: "string",
  alarmSummary: "string",
};

/** Required by CreateAlarmDetails; UpdateAlarmDetails may omit them but must not blank them. */
const REQUIRED_FIELDS = [
  "displayName",
  "compartmentId",
  "metricCompartmentId",
  "namespace",
  "query",
  "severity",
  "destinations",
  "isEnabled",
];
const NON_EMPTY_STRINGS = ["displayName", "compartmentId", "metricCompartmentId", "namespace", "query", "severity"];

function checkKind(field: string, kind: FieldKind, value: Json): void {
  const ok =
    kind === "topics"
      ? Array.isArray(value) && value.length > 0 && value.every((d) => typeof d === "string")
      : kind === "overrides"
        ? Array.isArray(value) && value.every(isJsonObject)
        : kind === "object"
          ? isJsonObject(value)
          : typeof value === kind;
  if (ok) return;
  if (kind === "topics") throw invalidParameter(`${field} must be a non-empty array of topic or stream OCIDs.`);
  if (kind === "overrides") throw invalidParameter(`${field} must be an array of AlarmOverride objects.`);
  throw invalidParameter(`${field} must be ${kind === "object" ? "an object" : `a ${kind}`}.`);
}

/**
 * Returns the known fields of a CreateAlarmDetails (`mode: "create"`) or UpdateAlarmDetails body;
 * fields the models do not have are dropped.
 */
export function validateAlarmDetails(body: Json | undefined, mode: "create" | "update"): JsonObject {
  const model = mode === "create" ? "CreateAlarmDetails" : "UpdateAlarmDetails";
  if (!isJsonObject(body)) throw invalidParameter(`The request body must be an ${model} object.`);
  if (mode === "create") {
    for (const field of REQUIRED_FIELDS) if (body[field] === undefined) throw invalidParameter(`${field} is required.`);
  }
  const details: JsonObject = {};
  for (const [field, kind] of Object.entries(ALARM_DETAILS_FIELDS)) {
    const value = body[field];
    if (value === undefined) continue;
    checkKind(field, kind, value);
    if (NON_EMPTY_STRINGS.includes(field) && value === "") throw invalidParameter(`${field} must not be empty.`);
    details[field] = value;
  }
  if (details.severity !== undefined && !SEVERITIES.includes(details.severity as string))
    throw invalidParameter(`severity must be one of ${SEVERITIES.join(", ")}.`);
  if (details.messageFormat !== undefined && !MESSAGE_FORMATS.includes(details.messageFormat as string))
    throw invalidParameter(`messageFormat must be one of ${MESSAGE_FORMATS.join(", ")}.`);
  return details;
}
