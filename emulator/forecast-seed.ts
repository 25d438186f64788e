/**
 * A forecast schedule as `npm run setup` leaves it, seeded straight into the emulator (no CreateSchedule): in
 * the function's compartment, named and tagged as setup names and tags it, ACTIVE, with the function as its one
 * resource and the BODY parameter naming the schedule itself and the deployments (src/run/forecast-schedule.ts,
 * the one definition setup, the function and this share). For `invoke --schedule` and the doctor tests.
 */
import {
  FORECAST_RECURRENCE,
  FORECAST_SCHEDULE_NAME,
  FORECAST_TIME_ZONE,
  forecastResource,
  MANAGED_BY_TAG,
} from "../src/run/forecast-schedule";
import { newOcid } from "./ids";
import type { Schedule, ScheduleEmulatorApi, ScheduleState } from "./schedule-types";

export interface ForecastSeed {
  compartmentId: string;
  functionId: string;
  deploymentIds: string[];
  /** Default true: setup's tag. */
  tagged?: boolean;
  lifecycleState?: ScheduleState;
}

export function seedForecastSchedule(emulator: ScheduleEmulatorApi, seed: ForecastSeed): Schedule {
  const id = newOcid("resourceschedule");
  return emulator.seedSchedule({
    id,
    compartmentId: seed.compartmentId,
    displayName: FORECAST_SCHEDULE_NAME,
    recurrenceDetails: FORECAST_RECURRENCE,
    localTimeZone: FORECAST_TIME_ZONE,
    resources: [forecastResource(seed.functionId, id, seed.deploymentIds)],
    freeformTags: seed.tagged === false ? {} : { ...MANAGED_BY_TAG },
    lifecycleState: seed.lifecycleState ?? "ACTIVE",
  });
}
