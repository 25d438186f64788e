/** listAlarms helpers: the AlarmSummary projection, sorting and opaque page tokens. */
import { invalidParameter } from "./errors";
import { clone } from "./json";
import { pageOf } from "./paging";
import type { Alarm, JsonObject } from "./types";

const SUMMARY_FIELDS = [
  "id",
  "displayName",
  "compartmentId",
  "metricCompartmentId",
  "namespace",
  "query",
  "severity",
  "destinations",
  "suppression",
  "isEnabled",
  "isNotificationsPerMetricDimensionEnabled",
  "freeformTags",
  "definedTags",
  "lifecycleState",
  "overrides",
  "ruleName",
  "notificationVersion",
  "notificationTitle",
  "evaluationSlackDuration",
  "alarmSummary",
  "resourceGroup",
];
const SEVERITY_ORDER = ["CRITICAL", "ERROR", "WARNING", "INFO"];
const MAX_LIMIT = 1000;

/** AlarmSummary has no body, pendingDuration, messageFormat, timestamps... */
export function summarize(alarm: Alarm): JsonObject {
  const summary: JsonObject = {};
  for (const field of SUMMARY_FIELDS) {
    const value = alarm[field];
    if (value !== undefined) summary[field] = clone(value);
  }
  return summary;
}

function sortAlarms(alarms: Alarm[], sortBy: string | undefined, sortOrder: string | undefined): Alarm[] {
  if (sortBy !== undefined && sortBy !== "displayName" && sortBy !== "severity") {
    throw invalidParameter("sortBy must be displayName or severity.");
  }
  if (sortOrder !== undefined && sortOrder !== "ASC" && sortOrder !== "DESC")
    throw invalidParameter("sortOrder must be ASC or DESC.");
  if (!sortBy) return alarms;
  const key = (a: Alarm) => (sortBy === "severity" ? String(SEVERITY_ORDER.indexOf(a.severity)) : a.displayName);
  const sorted = [...alarms].sort((a, b) => key(a).localeCompare(key(b)));
  return sortOrder === "DESC" ? sorted.reverse() : sorted;
}

export function paginate(
  alarms: Alarm[],
  query: Record<string, string>,
  defaultPageSize: number,
): { items: Alarm[]; nextPage: string | undefined } {
  return pageOf(sortAlarms(alarms, query.sortBy, query.sortOrder), query, {
    defaultLimit: defaultPageSize,
    maxLimit: MAX_LIMIT,
  });
}
