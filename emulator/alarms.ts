/** Monitoring alarms: create (with validation and retry-token idempotency), update, list, get, delete. */

import { paginate, summarize } from "./alarm-listing";
import { validateAlarmDetails } from "./alarm-validation";
import { ApiError, invalidParameter, notFound } from "./errors";
import { newEtag, newOcid } from "./ids";
import { clone } from "./json";
import type { Alarm, AlarmSeed, Json, JsonObject } from "./types";

export interface StoredAlarm {
  alarm: Alarm;
  etag: string;
}

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

function checkEtag(stored: StoredAlarm, ifMatch: string | undefined): void {
  if (ifMatch !== undefined && ifMatch !== stored.etag)
    throw new ApiError(412, "The If-Match etag does not match.", "NoEtagMatch");
}

export class AlarmStore {
  private readonly items = new Map<string, StoredAlarm>();
  private readonly byRetryToken = new Map<string, { id: string; body: string }>();

  constructor(
    private readonly defaultPageSize: number,
    private readonly clock: () => number = Date.now,
  ) {}

  private nowIso(): string {
    return new Date(this.clock()).toISOString();
  }

  seed(seed: AlarmSeed): Alarm {
    const now = this.nowIso();
    const given = Object.fromEntries(Object.entries(clone(seed)).filter(([, value]) => value !== undefined));
    const alarm = { ...defaults(now), metricCompartmentId: seed.compartmentId, ...given } as Alarm;
    this.items.set(alarm.id, { alarm, etag: newEtag() });
    return clone(alarm);
  }

  /** POST /alarms. A repeated opc-retry-token with the same body returns the first alarm, as OCI does. */
  create(body: Json | undefined, retryToken: string | undefined): StoredAlarm {
    const details = validateAlarmDetails(body, "create");
    const bodyKey = JSON.stringify(details);
    const previous = retryToken ? this.byRetryToken.get(retryToken) : undefined;
    if (previous) {
      if (previous.body !== bodyKey)
        throw new ApiError(409, "The retry token was already used with different parameters.", "InvalidatedRetryToken");
      return this.read(previous.id);
    }
    const seeded = this.seed(clone(details) as AlarmSeed);
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
    checkEtag(stored, ifMatch);
    stored.alarm.lifecycleState = "DELETED";
    stored.alarm.timeUpdated = this.nowIso();
    stored.etag = newEtag();
  }

  /** PUT /alarms/{id} (UpdateAlarmRequest): every field the UpdateAlarmDetails body gives replaces the stored one. */
  update(id: string, ifMatch: string | undefined, body: Json | undefined): StoredAlarm {
    const stored = this.items.get(id);
    if (!stored || stored.alarm.lifecycleState === "DELETED") throw notFound(`Alarm ${id}`);
    checkEtag(stored, ifMatch);
    const details = validateAlarmDetails(body, "update");
    stored.alarm = { ...stored.alarm, ...clone(details), timeUpdated: this.nowIso() } as Alarm;
    stored.etag = newEtag();
    return clone(stored);
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
