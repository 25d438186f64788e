/** listAlarms helpers: the AlarmSummary projection, sorting and opaque page tokens. */
import { invalidParameter } from "./errors";
import { clone } from "./json";
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

function encodePageToken(offset: number): string {
  return Buffer.from(JSON.stringify({ offset })).toString("base64url");
}

function decodePageToken(token: string): number {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    const offset = (parsed as { offset?: unknown }).offset;
    if (typeof offset === "number" && Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // fall through to the 400 below
  }
  throw invalidParameter("Invalid page token.");
}

export function paginate(
  alarms: Alarm[],
  query: Record<string, string>,
  defaultPageSize: number,
): { items: Alarm[]; nextPage: string | undefined } {
  let limit = defaultPageSize;
  if (query.limit !== undefined) {
    limit = Number(query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
      throw invalidParameter(`limit must be an integer from 1 to ${MAX_LIMIT}.`);
  }
  const offset = query.page === undefined ? 0 : decodePageToken(query.page);
  const sorted = sortAlarms(alarms, query.sortBy, query.sortOrder);
  const items = sorted.slice(offset, offset + limit);
  const nextPage = offset + limit < sorted.length ? encodePageToken(offset + limit) : undefined;
  return { items, nextPage };
}
