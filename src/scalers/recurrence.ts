import { localTime } from "../policy/local-time";

/**
 * When a schedule's cron recurrence fires next: the five UNIX cron fields (minute, hour, day of month, month,
 * day of week) with `*`, numbers, ranges `a-b`, lists and steps `/n`, read in the schedule's time zone
 * (CreateScheduleDetails.recurrenceDetails "can either conform to RFC-5545 formatting or UNIX cron
 * formatting"; localTimeZone "determines the timezone context for evaluating the recurrence expression").
 * Undefined for an ICAL recurrence or a cron this does not read, and the caller uses the hourly default.
 */
export function nextRunAfter(cron: string, after: Date, timeZone: string): Date | undefined {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5) return undefined;
  const [minute, hour, dayOfMonth, month, dayOfWeek] = fields as [string, string, string, string, string];
  const sets = [
    parseField(minute, 0, 59),
    parseField(hour, 0, 23),
    parseField(dayOfMonth, 1, 31),
    parseField(month, 1, 12),
    parseField(dayOfWeek, 0, 7),
  ];
  if (sets.some((s) => s === undefined)) return undefined;
  const [minutes, hours, days, months, weekdays] = sets as Set<number>[];
  if (weekdays?.has(7)) weekdays.add(0);
  const start = Math.floor(after.getTime() / 60_000) + 1;
  // Eight days of minutes covers any weekly recurrence; a rarer one is not what a forecast runs on.
  for (let m = start; m < start + 8 * 1440; m++) {
    const at = new Date(m * 60_000);
    const t = localTime(at, timeZone);
    if (
      minutes?.has(t.minute) &&
      hours?.has(t.hour) &&
      days?.has(t.day) &&
      months?.has(t.month) &&
      weekdays?.has(t.weekday)
    )
      return at;
  }
  return undefined;
}

function parseField(field: string, min: number, max: number): Set<number> | undefined {
  const values = new Set<number>();
  for (const part of field.split(",")) {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!match) return undefined;
    const from = match[1] === "*" ? min : Number(match[2]);
    const to = match[1] === "*" ? max : match[3] !== undefined ? Number(match[3]) : match[4] ? max : from;
    const step = match[4] ? Number(match[4]) : 1;
    if (from < min || to > max || from > to || step < 1) return undefined;
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}
