/**
 * Setup's forecast schedule flags: --no-forecast, or the schedule's --forecast-cron (default FORECAST_RECURRENCE)
 * and --forecast-time-zone (default FORECAST_TIME_ZONE), checked before anything is read.
 */
import { FORECAST_RECURRENCE, FORECAST_TIME_ZONE } from "../../src/run/forecast-schedule";
import { usageError } from "../cli/exit-codes";

/** A cron of five fields (minute hour day-of-month month day-of-week), the form FORECAST_RECURRENCE takes. */
const CRON = /^[\d*/,?LW#A-Za-z-]+( [\d*/,?LW#A-Za-z-]+){4}$/;

export function forecastChoice(
  v: {
    remove?: boolean;
    "no-forecast"?: boolean;
    "forecast-cron"?: string;
    "forecast-time-zone"?: string;
  },
  usage: string,
): { forecast?: { cron: string; timeZone: string } } {
  const cron = v["forecast-cron"];
  const timeZone = v["forecast-time-zone"];
  const given = cron !== undefined || timeZone !== undefined;
  if (given && (v["no-forecast"] || v.remove))
    throw usageError("--forecast-cron and --forecast-time-zone shape the schedule setup creates", usage);
  if (cron !== undefined && !CRON.test(cron.trim()))
    throw usageError(
      `--forecast-cron takes a cron of five fields, e.g. "${FORECAST_RECURRENCE}", got "${cron}"`,
      usage,
    );
  if (timeZone !== undefined) {
    try {
      new Intl.DateTimeFormat("en", { timeZone });
    } catch {
      throw usageError(`--forecast-time-zone takes an IANA time zone (UTC, Europe/Paris), got "${timeZone}"`, usage);
    }
  }
  if (v["no-forecast"]) return {};
  return { forecast: { cron: cron?.trim() ?? FORECAST_RECURRENCE, timeZone: timeZone ?? FORECAST_TIME_ZONE } };
}
