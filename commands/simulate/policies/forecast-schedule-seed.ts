/**
 * The forecast schedule `npm run setup` leaves for a function (emulator/forecast-seed.ts seeds it), with what a
 * simulation needs of it: the function's OCID for its FN_FN_ID, the body Resource Scheduler sends at each run
 * (the BODY parameter stored on the schedule), and the recurrence that says when.
 */
import type { Emulator } from "../../../emulator";
import { seedForecastSchedule } from "../../../emulator/forecast-seed";
import { newOcid } from "../../../emulator/ids";
import { type ForecastBody, ForecastBodySchema } from "../../../src/message/forecast-body";

export interface SeededForecastSchedule {
  scheduleId: string;
  /** The function's OCID, FN_FN_ID in its environment. */
  functionId: string;
  /** What Resource Scheduler sends the function at each run: the BODY parameter stored on the schedule. */
  body: ForecastBody;
  recurrence: string;
}

/** `functionId`: the function the schedule invokes (a new OCID unless given: a function already running has one). */
export function seedFunctionSchedule(
  emulator: Emulator,
  compartmentId: string,
  deploymentIds: readonly string[],
  functionId = newOcid("fnfunc"),
): SeededForecastSchedule {
  const schedule = seedForecastSchedule(emulator, { compartmentId, functionId, deploymentIds: [...deploymentIds] });
  const body = ForecastBodySchema.parse(schedule.resources?.[0]?.parameters?.[0]?.value);
  return { scheduleId: schedule.id, functionId, body, recurrence: schedule.recurrenceDetails };
}
