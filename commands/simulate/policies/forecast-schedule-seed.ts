/**
 * The forecast schedule `npm run setup` leaves for a function, seeded in the emulator as setup would leave it:
 * ACTIVE, tagged as the project's, hourly in UTC, invoking the function (START_RESOURCE) with the body that
 * names the schedule itself and the deployments. Everything comes from src/run/forecast-schedule.ts, the
 * one definition setup and the function read too.
 */
import type { Emulator } from "../../../emulator";
import { newOcid } from "../../../emulator/ids";
import type { ForecastBody } from "../../../src/message/forecast-body";
import {
  FORECAST_RECURRENCE,
  FORECAST_SCHEDULE_NAME,
  FORECAST_TIME_ZONE,
  forecastResource,
  MANAGED_BY_TAG,
} from "../../../src/run/forecast-schedule";

export interface SeededForecastSchedule {
  scheduleId: string;
  /** The function's OCID, FN_FN_ID in its environment. */
  functionId: string;
  /** What Resource Scheduler sends the function at each run: the BODY parameter stored on the schedule. */
  body: ForecastBody;
  recurrence: string;
}

/** `functionId`: the function the schedule invokes (a new OCID unless given: a function already running has one). */
export function seedForecastSchedule(
  emulator: Emulator,
  compartmentId: string,
  deploymentIds: readonly string[],
  functionId = newOcid("fnfunc"),
): SeededForecastSchedule {
  // Setup writes the schedule's OCID into the body once OCI gave it one; seeded, the id is chosen first.
  const scheduleId = newOcid("resourceschedule");
  const resource = forecastResource(functionId, scheduleId, deploymentIds);
  emulator.seedSchedule({
    id: scheduleId,
    compartmentId,
    displayName: FORECAST_SCHEDULE_NAME,
    action: "START_RESOURCE",
    recurrenceType: "CRON",
    recurrenceDetails: FORECAST_RECURRENCE,
    localTimeZone: FORECAST_TIME_ZONE,
    resources: [resource],
    lifecycleState: "ACTIVE",
    freeformTags: { ...MANAGED_BY_TAG },
  });
  const body = resource.parameters[0]?.value as ForecastBody;
  return { scheduleId, functionId, body, recurrence: FORECAST_RECURRENCE };
}
