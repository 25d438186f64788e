/**
 * The runs of the forecast schedule in a simulation: at each minute its cron recurrence matches (in UTC, its
 * time zone) Resource Scheduler sends its body to the function. Counted for the report (`notes`): the ticks
 * sent, those the function rejected as a message, and those that scaled the deployment out.
 */
import type { AlarmResponse } from "../../../src/results/response";
import { cronMatcher } from "../cron";
import type { SeededForecastSchedule } from "./forecast-schedule-seed";

export interface ForecastTicks {
  /** Whether the schedule runs at this minute (simulated time, ms). */
  at(timeMs: number): boolean;
  /** Counts a tick the function answered. */
  counted(response: AlarmResponse): void;
  notes(): Record<string, number>;
}

export function forecastTicks(schedule: SeededForecastSchedule | undefined): ForecastTicks | undefined {
  if (!schedule) return undefined;
  const runs = cronMatcher(schedule.recurrence);
  const counts = { forecastTicks: 0, forecastTicksRejected: 0, forecastScaleOuts: 0 };
  return {
    at: runs,
    counted(response) {
      counts.forecastTicks++;
      if (response.status === "rejected") counts.forecastTicksRejected++;
      counts.forecastScaleOuts += response.results.filter((r) => r.outcome === "updated").length;
    },
    notes: () => ({ ...counts }),
  };
}
