/**
 * When a Resource Scheduler schedule with a CRON recurrence runs, in the simulator: the five fields (minute,
 * hour, day of month, month, day of week; `*`, numbers, lists, ranges and `/` steps) read in UTC, the forecast
 * schedule's time zone (FORECAST_TIME_ZONE). As in cron, when both day fields are restricted either may match.
 */

const FIELD_RANGES = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 7],
] as const;

/** The values one field allows, or undefined for `*` (anything). */
function fieldValues(field: string, [low, high]: readonly [number, number]): Set<number> | undefined {
  if (field === "*") return undefined;
  const values = new Set<number>();
  for (const part of field.split(",")) {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!match) throw new Error(`cron field "${field}" is not supported`);
    const from = match[1] === "*" ? low : Number(match[2]);
    const to = match[1] === "*" ? high : match[3] !== undefined ? Number(match[3]) : match[4] ? high : from;
    const step = Number(match[4] ?? 1);
    if (from < low || to > high || from > to || step < 1) throw new Error(`cron field "${field}" is out of range`);
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

/** A matcher for a five-field cron expression, read in UTC. */
export function cronMatcher(expression: string): (timeMs: number) => boolean {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) throw new Error(`cron "${expression}" must have five fields`);
  const [minute, hour, dayOfMonth, month, dayOfWeek] = fields.map((f, i) =>
    fieldValues(f, FIELD_RANGES[i] as readonly [number, number]),
  );
  // 7 is Sunday too.
  if (dayOfWeek?.has(7)) dayOfWeek.add(0);
  const allows = (values: Set<number> | undefined, value: number) => values === undefined || values.has(value);
  return (timeMs) => {
    const t = new Date(timeMs);
    if (!allows(minute, t.getUTCMinutes()) || !allows(hour, t.getUTCHours()) || !allows(month, t.getUTCMonth() + 1))
      return false;
    const byMonthDay = allows(dayOfMonth, t.getUTCDate());
    const byWeekDay = allows(dayOfWeek, t.getUTCDay());
    return dayOfMonth !== undefined && dayOfWeek !== undefined ? byMonthDay || byWeekDay : byMonthDay && byWeekDay;
  };
}
