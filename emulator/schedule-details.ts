/**
 * Body checks of CreateScheduleDetails and UpdateScheduleDetails (oci-resourcescheduler 2.139.1
 * lib/model/create-schedule-details.d.ts, update-schedule-details.d.ts): the scalar fields through
 * createDetails, then the enums, the resources with their Parameter subtypes, the resource filters, the
 * times and the time zone. What the models do not pin down (the recurrence's syntax) is not checked.
 */
import { createDetails } from "./create-details";
import { invalidParameter } from "./errors";
import { isJsonObject } from "./json";
import type { Json, JsonObject } from "./types";

const ACTIONS = ["START_RESOURCE", "STOP_RESOURCE", "BACKUP_RESOURCE"] as const;
const RECURRENCE_TYPES = ["CRON", "ICAL"] as const;
const PARAMETER_TYPES = ["BODY", "HEADER", "PATH", "QUERY"] as const;
/** ResourceFilter.attribute values the SDK's discriminator knows (lib/model/resource-filter.js). */
const FILTER_ATTRIBUTES = ["TIME_CREATED", "RESOURCE_TYPE", "LIFECYCLE_STATE", "COMPARTMENT_ID", "DEFINED_TAGS"];

const SCALARS = {
  compartmentId: "string",
  displayName: "string",
  description: "string",
  action: "string",
  recurrenceDetails: "string",
  recurrenceType: "string",
  timeStarts: "string",
  timeEnds: "string",
  localTimeZone: "string",
  freeformTags: "tags",
  definedTags: "object",
} as const;

function isStringMap(value: Json | undefined): boolean {
  return isJsonObject(value) && Object.values(value).every((v) => typeof v === "string");
}

function checkOneOf(model: string, field: string, value: Json | undefined, allowed: readonly string[]): void {
  if (value !== undefined && !allowed.includes(String(value)))
    throw invalidParameter(`${model}.${field} must be one of ${allowed.join(", ")}.`);
}

/** Resource: `id` required; HEADER, PATH and QUERY parameters carry string maps, BODY any JSON. */
function checkResources(model: string, resources: Json): void {
  if (!Array.isArray(resources)) throw invalidParameter(`${model}.resources must be an array.`);
  for (const resource of resources) {
    if (!isJsonObject(resource) || typeof resource.id !== "string" || resource.id === "")
      throw invalidParameter(`${model}.resources[].id is required.`);
    if (resource.metadata !== undefined && !isStringMap(resource.metadata))
      throw invalidParameter(`${model}.resources[].metadata must map strings to strings.`);
    const parameters = resource.parameters ?? [];
    if (!Array.isArray(parameters)) throw invalidParameter(`${model}.resources[].parameters must be an array.`);
    for (const parameter of parameters) {
      if (!isJsonObject(parameter)) throw invalidParameter(`${model}.resources[].parameters[] must be objects.`);
      checkOneOf(model, "resources[].parameters[].parameterType", parameter.parameterType ?? "", PARAMETER_TYPES);
      if (parameter.parameterType !== "BODY" && parameter.value !== undefined && !isStringMap(parameter.value))
        throw invalidParameter(`A ${parameter.parameterType} parameter's value must map strings to strings.`);
    }
  }
}

function checkFilters(model: string, filters: Json): void {
  if (!Array.isArray(filters) || !filters.every((f) => isJsonObject(f) && typeof f.attribute === "string"))
    throw invalidParameter(`${model}.resourceFilters must be objects with an attribute.`);
  for (const filter of filters as JsonObject[])
    checkOneOf(model, "resourceFilters[].attribute", filter.attribute, FILTER_ATTRIBUTES);
}

/** RFC 3339 times, normalized as the SDK writes them (toISOString); 400 when not a time. */
function checkTime(model: string, details: JsonObject, field: "timeStarts" | "timeEnds"): void {
  const value = details[field];
  if (value === undefined) return;
  const ms = Date.parse(String(value));
  if (Number.isNaN(ms)) throw invalidParameter(`${model}.${field} is not an RFC 3339 time.`);
  details[field] = new Date(ms).toISOString();
}

function checkTimeZone(model: string, zone: Json | undefined): void {
  if (zone === undefined) return;
  try {
    new Intl.DateTimeFormat("en", { timeZone: String(zone) });
  } catch {
    throw invalidParameter(`${model}.localTimeZone is not an IANA time zone.`);
  }
}

/**
 * The known fields of a Create/UpdateScheduleDetails body, checked; `required` names the scalars a create
 * needs. Arrays are kept as sent (resources replace the stored ones wholesale on update).
 */
export function scheduleDetails(body: Json | undefined, model: string, required: readonly string[]): JsonObject {
  // UpdateScheduleDetails has no compartmentId: moving a schedule is ChangeScheduleCompartment's job.
  const { compartmentId: _create, ...updateScalars } = SCALARS;
  const details = createDetails(body, model, model === "CreateScheduleDetails" ? SCALARS : updateScalars, required);
  checkOneOf(model, "action", details.action, ACTIONS);
  checkOneOf(model, "recurrenceType", details.recurrenceType, RECURRENCE_TYPES);
  const raw = body as JsonObject;
  if (raw.resources !== undefined && raw.resources !== null) {
    checkResources(model, raw.resources);
    details.resources = raw.resources;
  }
  if (raw.resourceFilters !== undefined && raw.resourceFilters !== null) {
    checkFilters(model, raw.resourceFilters);
    details.resourceFilters = raw.resourceFilters;
  }
  checkTime(model, details, "timeStarts");
  checkTime(model, details, "timeEnds");
  checkTimeZone(model, details.localTimeZone);
  return details;
}

/** Checks of the schedule as it would stand after a create or an update. */
export function checkScheduleWhole(schedule: JsonObject): void {
  const resources = Array.isArray(schedule.resources) ? schedule.resources.length : 0;
  const filters = Array.isArray(schedule.resourceFilters) ? schedule.resourceFilters.length : 0;
  // "You must provide either resources or resourceFilters" (ScheduleClient.createSchedule's doc).
  if (resources === 0 && filters === 0) throw invalidParameter("A schedule needs resources or resourceFilters.");
  const { timeStarts, timeEnds } = schedule;
  if (typeof timeStarts === "string" && typeof timeEnds === "string" && Date.parse(timeEnds) <= Date.parse(timeStarts))
    throw invalidParameter("timeEnds must be after timeStarts.");
}
