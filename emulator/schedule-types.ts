/**
 * Public types of Resource Scheduler schedules as the emulator serves them (oci-resourcescheduler 2.139.1,
 * API 20240430). Timestamps are ISO strings on the wire; the SDK turns them into Dates.
 */
import type { Json, JsonObject } from "./types";

/** Schedule.LifecycleState (lib/model/schedule.d.ts), without the SDK's UNKNOWN_VALUE. */
export type ScheduleState = "ACTIVE" | "INACTIVE" | "CREATING" | "UPDATING" | "DELETING" | "DELETED" | "FAILED";

/**
 * Parameter (lib/model/parameter.d.ts), discriminated by parameterType: BodyParameter ("BODY") has any JSON
 * `value`, the request body the action sends; HeaderParameter, PathParameter and QueryParameter ("HEADER",
 * "PATH", "QUERY") a string map.
 */
export type ScheduleParameter = {
  parameterType: "BODY" | "HEADER" | "PATH" | "QUERY";
  value?: Json;
};

/**
 * Resource (lib/model/resource.d.ts): the resource's OCID, optional metadata and the action's parameters.
 * This and ScheduleParameter are type aliases, not interfaces, so that a Schedule is a JsonObject.
 */
export type ScheduleResource = {
  id: string;
  metadata?: Record<string, string>;
  parameters?: ScheduleParameter[];
};

/** Schedule (lib/model/schedule.d.ts). The model has no etag field: the etag travels in the header only. */
export interface Schedule {
  id: string;
  compartmentId: string;
  displayName: string;
  description?: string;
  /** START_RESOURCE invokes a function (Functions docs, "Scheduling Functions"). */
  action: "START_RESOURCE" | "STOP_RESOURCE" | "BACKUP_RESOURCE";
  /** A cron expression or an RFC 5545 recurrence, as recurrenceType says. */
  recurrenceDetails: string;
  recurrenceType: "CRON" | "ICAL";
  /** ResourceFilter subtypes (lib/model/resource-filter.d.ts), kept as sent: `attribute` and its fields. */
  resourceFilters?: JsonObject[];
  resources?: ScheduleResource[];
  timeStarts?: string;
  timeEnds?: string;
  /** IANA time zone the recurrence is read in. */
  localTimeZone?: string;
  timeCreated: string;
  timeUpdated?: string;
  timeLastRun?: string;
  timeNextRun?: string;
  lastRunStatus?: string;
  lifecycleState: ScheduleState;
  freeformTags: Record<string, string>;
  definedTags: Record<string, Record<string, Json>>;
  systemTags?: Record<string, Record<string, Json>>;
}

export type ScheduleSeed = Partial<Schedule> & { compartmentId: string; recurrenceDetails: string };

export interface ScheduleEmulatorApi {
  /** Stores a schedule as given (ACTIVE, START_RESOURCE, CRON unless said otherwise), without the checks of CreateSchedule. */
  seedSchedule(seed: ScheduleSeed): Schedule;
  schedules(): Schedule[];
  /** Puts a schedule in any lifecycle state (e.g. FAILED, UPDATING); throws for an unknown id. */
  setScheduleState(id: string, state: ScheduleState): Schedule;
}
