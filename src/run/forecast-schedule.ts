import { type ForecastBody, forecastBody } from "../message/forecast-body";
import { MANAGED_BY_VALUE, ScaleDownAlarmTag } from "../oci/scale-down-alarms";

/**
 * The one forecast schedule setup creates per function, in one place for setup, doctor, the function and the
 * simulator.
 *
 * Recurrence: hourly, on the hour (cron `0 * * * *`). The finest interval Resource Scheduler documents: its
 * console's intervals are ONCE, DAILY, WEEKLY, MONTHLY or a cron expression (Resource Scheduler docs, "Adding
 * Schedule Information"), and the Functions docs speak of running a function "at the same time each week, day,
 * or hour" ("Scheduling Functions"). A finer cron is not documented either way; setup's --forecast-cron takes one.
 */
export const FORECAST_RECURRENCE = "0 * * * *";
export const FORECAST_TICK_MINUTES = 60;
export const FORECAST_SCHEDULE_NAME = "model-deployment-autoscale-forecast";
export const FORECAST_TIME_ZONE = "UTC";

/** The tag every resource setup makes carries; the function refuses a schedule without it. */
export const MANAGED_BY_TAG = { [ScaleDownAlarmTag.ManagedBy]: MANAGED_BY_VALUE } as const;

export function isManagedBy(tags: Record<string, string> | undefined): boolean {
  return tags?.[ScaleDownAlarmTag.ManagedBy] === MANAGED_BY_VALUE;
}

/** Resource (oci-resourcescheduler lib/model/resource.d.ts) with its BodyParameter: the function and its body. */
export function forecastResource(functionId: string, scheduleId: string, deploymentIds: readonly string[]) {
  const body: ForecastBody = forecastBody(scheduleId, deploymentIds);
  return { id: functionId, parameters: [{ parameterType: "BODY" as const, value: body }] };
}
