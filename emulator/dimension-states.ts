/**
 * RetrieveDimensionStates: the per-stream alarm state entries of an alarm.
 * Request: RetrieveDimensionStatesRequest (page, limit) with body RetrieveDimensionStatesDetails
 * (dimensionFilters, status); answer AlarmDimensionStatesCollection (alarmId, isEnabled,
 * isNotificationsPerMetricDimensionEnabled, items: AlarmDimensionStatesEntry[]) plus opc-next-page.
 */
import type { AlarmStore } from "./alarms";
import { invalidParameter } from "./errors";
import { clone, isJsonObject } from "./json";
import type { AlarmDimensionStatesEntry, AlarmStreamStateOptions, AlarmStreamStatus } from "./monitoring-types";
import { pageOf } from "./paging";
import type { Json, JsonObject } from "./types";

const STATUSES: AlarmStreamStatus[] = ["FIRING", "OK"];
/** RetrieveDimensionStatesRequest.limit: "Default: 1000". */
const LIMITS = { defaultLimit: 1000, maxLimit: 1000 };

/** The SDK model's doc: a filter matches only a stream with exactly the same set of dimensions. */
function sameDimensionSet(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && b[key] === a[key]);
}

function parseDetails(body: Json | undefined): { dimensionFilters?: Record<string, string>; status?: string } {
  if (body === undefined) return {};
  if (!isJsonObject(body)) throw invalidParameter("The request body must be a RetrieveDimensionStatesDetails object.");
  const { dimensionFilters, status } = body;
  if (status !== undefined && !STATUSES.includes(status as AlarmStreamStatus))
    throw invalidParameter(`status must be one of ${STATUSES.join(", ")}.`);
  // An empty map filters nothing (an assumption: OCI's docs do not say).
  if (dimensionFilters === undefined || (isJsonObject(dimensionFilters) && Object.keys(dimensionFilters).length === 0))
    return { status: status as string | undefined };
  if (!isJsonObject(dimensionFilters) || !Object.values(dimensionFilters).every((v) => typeof v === "string"))
    throw invalidParameter("dimensionFilters must be an object of string values.");
  return { dimensionFilters: dimensionFilters as Record<string, string>, status: status as string | undefined };
}

export class DimensionStateStore {
  private readonly byAlarm = new Map<string, AlarmDimensionStatesEntry[]>();

  constructor(
    private readonly alarms: AlarmStore,
    private readonly clock: () => number,
  ) {}

  set(
    alarmId: string,
    dimensions: Record<string, string>,
    status: AlarmStreamStatus,
    opts: AlarmStreamStateOptions = {},
  ): AlarmDimensionStatesEntry {
    const alarm = this.alarms.get(alarmId);
    if (!alarm) throw new Error(`setAlarmStreamState: no alarm ${alarmId}`);
    if (!STATUSES.includes(status)) throw new Error(`setAlarmStreamState: status must be FIRING or OK, not ${status}`);
    const timestamp = opts.timestamp === undefined ? new Date(this.clock()) : new Date(opts.timestamp);
    if (Number.isNaN(timestamp.getTime())) throw new Error(`setAlarmStreamState: bad timestamp ${opts.timestamp}`);
    const entry: AlarmDimensionStatesEntry = {
      alarmSummary: opts.alarmSummary ?? (typeof alarm.alarmSummary === "string" ? alarm.alarmSummary : ""),
      dimensions: { ...dimensions },
      status,
      ruleName: opts.ruleName ?? "BASE",
      timestamp: timestamp.toISOString(),
    };
    const entries = this.byAlarm.get(alarmId) ?? [];
    const existing = entries.findIndex((e) => sameDimensionSet(e.dimensions, dimensions));
    if (existing < 0) entries.push(entry);
    else entries[existing] = entry;
    this.byAlarm.set(alarmId, entries);
    return clone(entry);
  }

  all(alarmId: string): AlarmDimensionStatesEntry[] {
    return clone(this.byAlarm.get(alarmId) ?? []);
  }

  /** POST /alarms/{alarmId}/actions/retrieveDimensionStates; 404 (via read) for an unknown alarm. */
  retrieve(
    alarmId: string,
    query: Record<string, string>,
    body: Json | undefined,
  ): { collection: JsonObject; nextPage: string | undefined } {
    const { alarm } = this.alarms.read(alarmId);
    const { dimensionFilters, status } = parseDetails(body);
    const matching = this.all(alarmId)
      .filter((e) => status === undefined || e.status === status)
      .filter((e) => dimensionFilters === undefined || sameDimensionSet(dimensionFilters, e.dimensions));
    const page = pageOf(matching, query, LIMITS);
    const collection = {
      alarmId,
      isEnabled: alarm.isEnabled,
      isNotificationsPerMetricDimensionEnabled: alarm.isNotificationsPerMetricDimensionEnabled,
      items: page.items as unknown as Json[],
    };
    return { collection, nextPage: page.nextPage };
  }
}
