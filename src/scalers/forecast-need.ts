import { isWeekend, localTime, sameTimeDaysBefore } from "../policy/local-time";

/**
 * What a deployment's own history says the coming period needs: the same time of day on earlier days.
 *
 * - Load per minute is smoothed over 5 minutes (a scale-up alarm's window), so one noisy minute is not a surge.
 * - For each earlier day d: its peak over the period (from the same wall-clock time, for as long) and its level
 *   over the 15 minutes before. A day counts when its history covers half of those minutes and some of the 15
 *   before (minutes without requests count as none: PredictRequestCount is not emitted without traffic).
 * - Like with like: a weekday is forecast from weekdays and a weekend day from weekend days when the history
 *   shows they differ (their median peaks differ by more than a quarter of the larger), from all days when it
 *   shows they do not, and not at all before the history holds a day of today's kind.
 * - A rhythm is a rise that comes back: on at least 2 of the days (on the one day, when the history holds only
 *   one: yesterday's morning is the best guess at today's), and on at least half of them, the peak rose above
 *   the level before by RISE_FRACTION and by half an instance. Otherwise nothing is forecast: a one-off spike,
 *   a step or a flat noisy load does not make one once there are two days to compare.
 * - The forecast load is the second-highest day's peak (the one day's, with one): a high quantile that needs
 *   two days to agree, so one odd day neither makes nor sizes a forecast. The need is that load at the target
 *   per instance.
 */
export const SMOOTHING_MINUTES = 5;
export const LEVEL_MINUTES = 15;
/** Days a rise must come back on: every day there is, up to this many. */
export const AGREEING_DAYS = 2;
export const RISE_FRACTION = 0.2;
const SPLIT_FRACTION = 0.25;

export interface ForecastInput {
  /** Load per epoch minute: instances' worth of CPU, or requests per minute. */
  load: ReadonlyMap<number, number>;
  now: Date;
  /** Minutes from now the forecast covers: to the next tick, plus one update. */
  periodMinutes: number;
  timeZone: string;
  days: number;
  /** Load one instance carries at its target (TARGET_CPU_UTILIZATION / 100, or TARGET_REQUESTS_PER_INSTANCE). */
  perInstance: number;
  minInstances: number;
  /** Requests: a minute without a point had no traffic. CPU: a minute without a point is unknown. */
  missingIsZero: boolean;
}

export interface DayWindow {
  /** Where the period started on that day. */
  from: Date;
  weekend: boolean;
  peak: number;
  levelBefore: number;
  rose: boolean;
}

export type Forecast =
  | { kind: "need"; need: number; load: number; days: DayWindow[]; split: boolean; explanation: string }
  | { kind: "too-little-history"; days: DayWindow[]; explanation: string }
  | { kind: "no-rhythm"; days: DayWindow[]; split: boolean; explanation: string };

export function forecastNeed(input: ForecastInput): Forecast {
  const all = dayWindows(input);
  if (all.length === 0) {
    const explanation = "no earlier day of history covers this time of day";
    return { kind: "too-little-history", days: all, explanation };
  }
  const weekendNow = isWeekend(localTime(input.now, input.timeZone).weekday);
  const same = all.filter((d) => d.weekend === weekendNow);
  const kind = weekendNow ? "weekend " : "weekday ";
  if (same.length === 0) {
    const explanation = `no earlier ${kind}day in the history: a forecast compares like with like`;
    return { kind: "too-little-history", days: all, explanation };
  }
  const split = kindsDiffer(
    same,
    all.filter((d) => d.weekend !== weekendNow),
  );
  const days = split ? same : all;
  const which = split ? kind : "";
  const rose = days.filter((d) => d.rose).length;
  const agreeing = Math.min(AGREEING_DAYS, days.length);
  if (rose < agreeing || rose * 2 < days.length) {
    const explanation = `no rhythm: the load rose at this time of day on ${rose} of ${days.length} ${which}day(s) (a rhythm needs ${agreeing}, and half)`;
    return { kind: "no-rhythm", days, split, explanation };
  }
  const peaks = days.map((d) => d.peak).sort((a, b) => b - a);
  const load = peaks[agreeing - 1] as number;
  const need = Math.max(input.minInstances, Math.ceil(load / input.perInstance - 1e-9));
  const explanation = `the load rose at this time of day on ${rose} of ${days.length} ${which}day(s); ${agreeing === 1 ? "its" : "the second-highest"} peak, ${round(load)}, needs ${need} instance(s)`;
  return { kind: "need", need, load, days, split, explanation };
}

function dayWindows(input: ForecastInput): DayWindow[] {
  const windows: DayWindow[] = [];
  for (let d = 1; d <= input.days; d++) {
    const from = sameTimeDaysBefore(input.now, d, input.timeZone);
    const window = dayWindow(input, from);
    if (window) windows.push(window);
  }
  return windows;
}

function dayWindow(input: ForecastInput, from: Date): DayWindow | undefined {
  const start = Math.floor(from.getTime() / 60_000);
  const first = start - LEVEL_MINUTES;
  const last = start + input.periodMinutes - 1;
  let covered = 0;
  for (let m = first; m <= last; m++) if (input.load.has(m)) covered++;
  const minutes = last - first + 1;
  if (input.missingIsZero ? !hasHistoryBy(input.load, first) : covered * 2 < minutes) return undefined;
  const value = (m: number) => input.load.get(m) ?? (input.missingIsZero ? 0 : undefined);
  let peak = 0;
  for (let m = start; m <= last; m++) {
    const smoothed = mean(value, m - SMOOTHING_MINUTES + 1, m);
    if (smoothed !== undefined && smoothed > peak) peak = smoothed;
  }
  const levelBefore = mean(value, first, start - 1);
  // The oldest day's level lies before the read (7 days is the most one read returns): that day does not count.
  if (levelBefore === undefined) return undefined;
  const rose = peak >= levelBefore * (1 + RISE_FRACTION) && peak - levelBefore >= input.perInstance / 2;
  return { from, weekend: isWeekend(localTime(from, input.timeZone).weekday), peak, levelBefore, rose };
}

function mean(value: (m: number) => number | undefined, from: number, to: number): number | undefined {
  let sum = 0;
  let count = 0;
  for (let m = from; m <= to; m++) {
    const v = value(m);
    if (v === undefined) continue;
    sum += v;
    count++;
  }
  return count === 0 ? undefined : sum / count;
}

/** Requests: the deployment is known to have existed (some point at or before) when the window starts. */
function hasHistoryBy(load: ReadonlyMap<number, number>, minute: number): boolean {
  for (const m of load.keys()) if (m <= minute) return true;
  return false;
}

/** The days of today's kind and the others differ: their median peaks by more than SPLIT_FRACTION of the larger. */
function kindsDiffer(same: DayWindow[], other: DayWindow[]): boolean {
  if (other.length === 0) return false;
  const a = median(same.map((d) => d.peak));
  const b = median(other.map((d) => d.peak));
  return Math.abs(a - b) > SPLIT_FRACTION * Math.max(a, b);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * The load one instance carries in a forecast: at FORECAST_UTILIZATION (setup's scale-up threshold by default)
 * rather than at the target. A forecast is there to be ready before the scale-up alarm would fire; sized at the
 * target it would also add instances (and hold scale-ins) where the alarms would leave the count alone.
 */
export function forecastPerInstance(
  metric: "CpuUtilization" | "PredictRequestCount",
  limits: { TARGET_CPU_UTILIZATION: number; TARGET_REQUESTS_PER_INSTANCE: number },
  forecastUtilization: number,
): number {
  if (metric === "CpuUtilization") return forecastUtilization / 100;
  return (limits.TARGET_REQUESTS_PER_INSTANCE * forecastUtilization) / limits.TARGET_CPU_UTILIZATION;
}
