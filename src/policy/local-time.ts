/** Wall-clock facts of an instant in an IANA time zone, through Intl (no time zone data of our own). */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      weekday: "short",
    });
    formatters.set(timeZone, found);
  }
  return found;
}

export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday, as cron counts. */
  weekday: number;
  /** Minutes the zone is ahead of UTC at that instant. */
  offsetMinutes: number;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

export function localTime(at: Date, timeZone: string): LocalTime {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const [year, month, day, hour, minute] = ["year", "month", "day", "hour", "minute"].map((k) => Number(parts[k]));
  const asUtc = Date.UTC(year as number, (month as number) - 1, day, hour, minute);
  const offsetMinutes = Math.round((asUtc - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
  return {
    year: year as number,
    month: month as number,
    day: day as number,
    hour: hour as number,
    minute: minute as number,
    weekday: WEEKDAYS.indexOf(String(parts.weekday)),
    offsetMinutes,
  };
}

/** True for an IANA time zone Intl knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The same wall-clock time `days` days before `at` (across a daylight-saving change too). */
export function sameTimeDaysBefore(at: Date, days: number, timeZone: string): Date {
  const naive = new Date(at.getTime() - days * 86_400_000);
  const shift = localTime(at, timeZone).offsetMinutes - localTime(naive, timeZone).offsetMinutes;
  return new Date(naive.getTime() + shift * 60_000);
}

export function isWeekend(weekday: number): boolean {
  return weekday === 0 || weekday === 6;
}
