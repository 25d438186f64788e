/** Monitoring alarms: create (with validation and retry-token idempotency), list, get, delete. */

import { paginate, summarize } from "./alarm-listing";
import { ApiError, invalidParameter, notFound } from "./errors";
import { newEtag, newOcid } from "./ids";
import { clone, isJsonObject } from "./json";
import type { Alarm, AlarmSeed, Json, JsonObject } from "./types";

export interface StoredAlarm {
  alarm: Alarm;
  etag: string;
}

const SEVERITIES = ["CRITICAL", "ERROR", "WARNING", "INFO"];
const MESSAGE_FORMATS = ["RAW", "PRETTY_JSON", "ONS_OPTIMIZED"];
const SERVER_OWNED_FIELDS = ["id", "lifecycleState", "timeCreated", "timeUpdated"];
const REQUIRED_STRINGS = ["displayName", "compartmentId", "metricCompartmentId", "namespace", "query", "severity"];

function defaults(now: string): Omit<Alarm, "displayName" | "compartmentId" | "query" | "metricCompartmentId"> {
  return {
    id: newOcid("alarm"),
    metricCompartmentIdInSubtree: false,
    namespace: "oci_datascience_modeldeploy",
    resolution: "1m",
    pendingDuration: "PT1M",
    severity: "CRITICAL",
    isNotificationsPerMetricDimensionEnabled: false,
    messageFormat: "RAW",
    destinations: [newOcid("onstopic")],
    isEnabled: true,
    freeformTags: {},
    definedTags: {},
    ruleName: "BASE",
    lifecycleState: "ACTIVE",
    timeCreated: now,
    timeUpdated: now,
  };
}

function validateCreate(body: Json | undefined): JsonObject {
  if (!isJsonObject(body)) throw invalidParameter("The request body must be a CreateAlarmDetails object.");
  for (const field of REQUIRED_STRINGS) {
    if (typeof body[field] !== "string" || body[field] === "") throw invalidParameter(`${field} is required.`);
  }
  if (!SEVERITIES.includes(body.severity as string))
    throw invalidParameter(`severity must be one of ${SEVERITIES.join(", ")}.`);
  const destinations = body.destinations;
  if (!Array.isArray(destinations) || destinations.length === 0 || !destinations.every((d) => typeof d === "string")) {
    throw invalidParameter("destinations must be a non-empty array of topic or stream OCIDs.");
  }
  if (typeof body.isEnabled !== "boolean") throw invalidParameter("isEnabled is required.");
  if (body.messageFormat !== undefined && !MESSAGE_FORMATS.includes(body.messageFormat as string)) {
    throw invalidParameter(`messageFormat must be one of ${MESSAGE_FORMATS.join(", ")}.`);
  }
  for (const field of ["freeformTags", "definedTags", "suppression"]) {
    if (body[field] !== undefined && !isJsonObject(body[field])) throw invalidParameter(`${field} must be an object.`);
  }
  return body;
}

export class AlarmStore {
  private readonly items = new Map<string, StoredAlarm>();
  private readonly byRetryToken = new Map<string, { id: string; body: string }>();

  constructor(private readonly defaultPageSize: number) {}

  seed(seed: AlarmSeed): Alarm {
    const now = new Date().toISOString();
    const given = Object.fromEntries(Object.entries(clone(seed)).filter(([, value]) => value !== undefined));
    const alarm = { ...defaults(now), metricCompartmentId: seed.compartmentId, ...given } as Alarm;
    this.items.set(alarm.id, { alarm, etag: newEtag() });
    return clone(alarm);
  }

  /** POST /alarms. A repeated opc-retry-token with the same body returns the first alarm, as OCI does. */
  create(body: Json | undefined, retryToken: string | undefined): StoredAlarm {
    const details = validateCreate(body);
    const bodyKey = JSON.stringify(details);
    const previous = retryToken ? this.byRetryToken.get(retryToken) : undefined;
    if (previous) {
      if (previous.body !== bodyKey)
        throw new ApiError(409, "The retry token was already used with different parameters.", "InvalidatedRetryToken");
      return this.read(previous.id);
    }
    const fields = clone(details);
    for (const serverOwned of SERVER_OWNED_FIELDS) delete fields[serverOwned];
    const seeded = this.seed(fields as AlarmSeed);
    if (retryToken) this.byRetryToken.set(retryToken, { id: seeded.id, body: bodyKey });
    return this.read(seeded.id);
  }

  read(id: string): StoredAlarm {
    const stored = this.items.get(id);
    if (!stored) throw notFound(`Alarm ${id}`);
    return clone(stored);
  }

  delete(id: string, ifMatch: string | undefined): void {
    const stored = this.items.get(id);
    if (!stored || stored.alarm.lifecycleState === "DELETED") throw notFound(`Alarm ${id}`);
    if (ifMatch !== undefined && ifMatch !== stored.etag)
      throw new ApiError(412, "The If-Match etag does not match.", "NoEtagMatch");
    stored.alarm.lifecycleState = "DELETED";
    stored.alarm.timeUpdated = new Date().toISOString();
    stored.etag = newEtag();
  }

  /** GET /alarms; returns one page of AlarmSummary objects and the next page token, if any. */
  list(query: Record<string, string>): { items: JsonObject[]; nextPage: string | undefined } {
    const { compartmentId, displayName, lifecycleState } = query;
    if (!compartmentId) throw invalidParameter("compartmentId is required.");
    if (lifecycleState !== undefined && !["ACTIVE", "DELETING", "DELETED"].includes(lifecycleState)) {
      throw invalidParameter("lifecycleState must be ACTIVE, DELETING or DELETED.");
    }
    const wantedState = lifecycleState ?? "ACTIVE";
    const matching = [...this.items.values()]
      .map((s) => s.alarm)
      .filter((a) => a.compartmentId === compartmentId)
      .filter((a) => displayName === undefined || a.displayName === displayName)
      .filter((a) => a.lifecycleState === wantedState);
    const page = paginate(matching, query, this.defaultPageSize);
    return { items: page.items.map(summarize), nextPage: page.nextPage };
  }

  all(includeDeleted = false): Alarm[] {
    return [...this.items.values()]
      .map((s) => clone(s.alarm))
      .filter((a) => includeDeleted || a.lifecycleState !== "DELETED");
  }

  get(id: string): Alarm | undefined {
    const stored = this.items.get(id);
    return stored && clone(stored.alarm);
  }
}
