/**
 * Reading the forecast schedule back (setup and doctor): setup's schedules in a compartment, found by display
 * name (ListSchedules, oci-resourcescheduler 2.139.1 ScheduleClient), the one that lists a function, and the
 * forecast body stored on that function's resource entry (Resource.parameters, a BodyParameter whose `value` is
 * any JSON: lib/model/resource.d.ts, body-parameter.d.ts), parsed with ForecastBodySchema.
 */
import type { models, ScheduleClient } from "oci-resourcescheduler";
import { type ForecastBody, ForecastBodySchema } from "../../src/message/forecast-body";
import { FORECAST_SCHEDULE_NAME, isManagedBy } from "../../src/run/forecast-schedule";
import { allPages } from "./wiring-steps";

/** What Schedule and ScheduleSummary share that these reads use. */
export interface ScheduleLike {
  id: string;
  lifecycleState: string;
  freeformTags?: Record<string, string>;
  resources?: models.Resource[];
}

const GONE = ["DELETED", "DELETING"];

/** Every schedule named as setup names the forecast schedule, tagged or not, that is not being deleted. */
export async function namedSchedules(client: ScheduleClient, compartmentId: string): Promise<models.ScheduleSummary[]> {
  const all = await allPages(async (page) => {
    // The SDK does not URL-encode query values (FIELD-NOTES): encoded here as the other list calls are.
    const displayName = encodeURIComponent(FORECAST_SCHEDULE_NAME);
    const response = await client.listSchedules({ compartmentId, displayName, page });
    return { items: response.scheduleCollection.items, opcNextPage: response.opcNextPage };
  });
  return all.filter((s) => s.displayName === FORECAST_SCHEDULE_NAME && !GONE.includes(s.lifecycleState));
}

export function listsFunction(schedule: ScheduleLike, functionId: string): boolean {
  return (schedule.resources ?? []).some((r) => r.id === functionId);
}

/** Setup's schedules (by tag) and the others of the same name, for one function or (no id) for any. */
export function splitByTag<T extends ScheduleLike>(schedules: T[], functionId?: string): { ours: T[]; others: T[] } {
  const forFunction = functionId ? schedules.filter((s) => listsFunction(s, functionId)) : schedules;
  return {
    ours: forFunction.filter((s) => isManagedBy(s.freeformTags)),
    others: forFunction.filter((s) => !isManagedBy(s.freeformTags)),
  };
}

/** The BODY parameter's value stored for the function; a string value is read as JSON text. */
export function storedBodyValue(schedule: ScheduleLike, functionId: string): unknown {
  const resource = (schedule.resources ?? []).find((r) => r.id === functionId);
  const body = (resource?.parameters ?? []).find((p) => p.parameterType === "BODY") as models.BodyParameter | undefined;
  const value: unknown = body?.value;
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** The stored body when it parses and names this schedule; otherwise why not. */
export function storedBody(schedule: ScheduleLike, functionId: string): ForecastBody | { problem: string } {
  const value = storedBodyValue(schedule, functionId);
  if (value === undefined) return { problem: "its resource entry for the function has no BODY parameter" };
  const parsed = ForecastBodySchema.safeParse(value);
  if (!parsed.success)
    return { problem: `its body is not a forecast body: ${parsed.error.issues.map((i) => i.message).join("; ")}` };
  if (parsed.data.scheduleId !== schedule.id)
    return { problem: `its body names another schedule (${parsed.data.scheduleId})` };
  return parsed.data;
}

/** The deployments the body lists, or none when it does not parse. */
export function bodyDeployments(schedule: ScheduleLike, functionId: string): string[] {
  const body = storedBody(schedule, functionId);
  return "problem" in body ? [] : body.deploymentIds;
}
