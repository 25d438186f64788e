/**
 * Resource Scheduler schedules (oci-resourcescheduler 2.139.1 ScheduleClient, API 20240430): CreateSchedule
 * POST /schedules (opc-retry-token, CreateScheduleDetails) answering Schedule, its etag and an
 * opc-work-request-id; GetSchedule GET /schedules/{scheduleId} with an etag; ListSchedules GET /schedules
 * (compartmentId or scheduleId required, lifecycleState case-insensitive, displayName, resourceId, sortBy
 * timeCreated | displayName | lifecycleState | state, sortOrder, page, limit) answering ScheduleCollection;
 * UpdateSchedule PUT /schedules/{scheduleId} (if-match, UpdateScheduleDetails) answering only an
 * opc-work-request-id; ActivateSchedule / DeactivateSchedule POST /schedules/{scheduleId}/actions/...
 * (if-match) answering Schedule and its etag; DeleteSchedule DELETE /schedules/{scheduleId} (if-match).
 * Every change is done when the call answers: OCI's CREATING / UPDATING / DELETING are not shown, and the
 * work requests answered are SUCCEEDED at once (schedule-work-requests.ts).
 */
import { ApiError, invalidParameter } from "./errors";
import { newOcid } from "./ids";
import { clone } from "./json";
import { ResourceTable } from "./resource-table";
import { checkScheduleWhole, scheduleDetails } from "./schedule-details";
import type { Schedule, ScheduleSeed, ScheduleState } from "./schedule-types";
import { ScheduleWorkRequests } from "./schedule-work-requests";
import type { Json, JsonObject } from "./types";

type StoredSchedule = Schedule & JsonObject;
type Served = { body: Schedule; etag: string };

/** States in which a schedule is being changed by OCI: another change answers 409 IncorrectState. */
const BUSY: readonly ScheduleState[] = ["CREATING", "UPDATING", "DELETING", "DELETED"];

/** ListSchedulesRequest.sortBy: "The default order for timeCreated is descending ... for displayName ascending". */
const DEFAULT_ORDER: Record<string, "ASC" | "DESC"> = {
  timeCreated: "DESC",
  displayName: "ASC",
  lifecycleState: "ASC",
  state: "ASC",
};

export class ScheduleStore {
  private readonly table: ResourceTable<StoredSchedule>;
  readonly workRequests: ScheduleWorkRequests;

  constructor(
    pageSize: number,
    private readonly clock: () => number,
  ) {
    this.table = new ResourceTable<StoredSchedule>("Schedule", (s) => s.id, pageSize);
    this.workRequests = new ScheduleWorkRequests(clock);
  }

  private nowIso(): string {
    return new Date(this.clock()).toISOString();
  }

  seed(seed: ScheduleSeed): Schedule {
    const now = this.nowIso();
    return this.table.put({
      id: newOcid("resourceschedule"),
      // Schedule.displayName is required but CreateScheduleDetails' is optional: a generated name, as OCI gives.
      displayName: `schedule${now.replace(/[-:T]/g, "").slice(0, 14)}`,
      action: "START_RESOURCE",
      recurrenceType: "CRON",
      lifecycleState: "ACTIVE",
      timeCreated: now,
      timeUpdated: now,
      freeformTags: {},
      definedTags: {},
      systemTags: {},
      ...clone(seed),
    }).resource;
  }

  /**
   * A new schedule is ACTIVE. CreateScheduleDetails has no state to ask for and the docs do not say which
   * one a create leaves, so this is the emulator's choice; a caller that wants the schedule idle before it
   * is complete deactivates it at once, or gives a timeStarts ahead.
   */
  create(body: Json | undefined, retryToken: string | undefined): Served & { workRequestId: string } {
    const details = scheduleDetails(body, "CreateScheduleDetails", [
      "compartmentId",
      "action",
      "recurrenceDetails",
      "recurrenceType",
    ]);
    checkScheduleWhole(details);
    const stored = this.table.createOnce(
      retryToken,
      details,
      () => this.seed(details as unknown as ScheduleSeed) as StoredSchedule,
    );
    const workRequestId = this.workRequests.record("CREATE_SCHEDULE", stored.resource);
    return { body: stored.resource, etag: stored.etag, workRequestId };
  }

  read(id: string): Served {
    const stored = this.table.read(id);
    return { body: stored.resource, etag: stored.etag };
  }

  /** 404 unknown, 412 stale if-match, 409 while busy: the checks every change makes first, in that order. */
  private current(id: string, ifMatch: string | undefined): Schedule {
    const { resource, etag } = this.table.read(id);
    if (ifMatch !== undefined && ifMatch !== etag)
      throw new ApiError(412, "The If-Match etag does not match.", "NoEtagMatch");
    if (BUSY.includes(resource.lifecycleState))
      throw new ApiError(409, `Schedule ${id} is ${resource.lifecycleState}.`, "IncorrectState");
    return resource;
  }

  /** The given fields replace the stored ones (resources and resourceFilters wholesale); state unchanged. */
  update(id: string, ifMatch: string | undefined, body: Json | undefined): string {
    const schedule = this.current(id, ifMatch);
    const details = scheduleDetails(body, "UpdateScheduleDetails", []);
    checkScheduleWhole({ ...(schedule as StoredSchedule), ...details });
    this.table.change(id, (s) => {
      Object.assign(s, details);
      s.timeUpdated = this.nowIso();
    });
    return this.workRequests.record("UPDATE_SCHEDULE", schedule);
  }

  /**
   * ActivateSchedule from INACTIVE, DeactivateSchedule from ACTIVE. Asking for the state a schedule is
   * already in answers it unchanged (same etag); from FAILED either answers 409.
   */
  setActive(id: string, ifMatch: string | undefined, active: boolean): Served {
    const schedule = this.current(id, ifMatch);
    const wanted: ScheduleState = active ? "ACTIVE" : "INACTIVE";
    if (schedule.lifecycleState === wanted) return this.read(id);
    if (schedule.lifecycleState !== (active ? "INACTIVE" : "ACTIVE"))
      throw new ApiError(409, `Schedule ${id} is ${schedule.lifecycleState}.`, "IncorrectState");
    const stored = this.table.change(id, (s) => {
      s.lifecycleState = wanted;
      s.timeUpdated = this.nowIso();
    });
    return { body: stored.resource, etag: stored.etag };
  }

  list(query: Record<string, string>): { items: JsonObject[]; nextPage: string | undefined } {
    // "You must provide either a compartmentId or a scheduleId or both" (ScheduleClient.listSchedules' doc).
    if (!query.compartmentId && !query.scheduleId) throw invalidParameter("compartmentId or scheduleId is required.");
    const sortBy = query.sortBy ?? "timeCreated";
    const sortOrder = query.sortOrder ?? DEFAULT_ORDER[sortBy];
    const { resourceId } = query;
    return this.table.list(
      { ...query, sortBy, ...(sortOrder ? { sortOrder } : {}) },
      {
        filters: {
          compartmentId: (s) => s.compartmentId,
          scheduleId: (s) => s.id,
          displayName: (s) => s.displayName,
          resourceId: (s) => s.resources?.find((r) => r.id === resourceId)?.id,
        },
        sortKeys: {
          timeCreated: (s) => s.timeCreated,
          displayName: (s) => s.displayName,
          lifecycleState: (s) => s.lifecycleState,
          state: (s) => s.lifecycleState,
        },
        // ScheduleSummary has every field of Schedule, the resources with their parameters included.
        summarize: (s) => s,
      },
    );
  }

  delete(id: string, ifMatch: string | undefined): void {
    this.current(id, ifMatch);
    this.table.delete(id, undefined);
  }

  setState(id: string, state: ScheduleState): Schedule {
    return this.table.change(id, (s) => {
      s.lifecycleState = state;
    }).resource;
  }

  all(): Schedule[] {
    return this.table.all();
  }
}
