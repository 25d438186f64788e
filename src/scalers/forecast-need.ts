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
 * - A rhythm is a rise that comes back at this time of day: the peak rose above the level before by RISE_FRACTION
 *   and by half an instance on at least 2 of the days (on the one day, when the history holds only one:
 *   yesterday's morning is the best guess at today's), on at least half of them, and RHYTHM_LIFT times as often
 *   as over a period starting at any hour of the history. Otherwise nothing is forecast: a one-off spike, a step,
 *   a flat noisy load or bursts that come at any hour do not make one.
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
/** How much more often a rise must come at this time of day than at any hour of the history. */
export const RHYTHM_LIFT = 2;

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
  const earliest = earliestMinute(input.load);
  const all = dayWindows(input, earliest);
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
  const anyHour = anyHourRiseRate(input, earliest);
  const rate = `${rose} of ${days.length} ${which}day(s), against ${percent(anyHour)} of all hours`;
  if (rose < agreeing || rose * 2 < days.length || rose / days.length < RHYTHM_LIFT * anyHour) {
    const explanation = `no rhythm: the load rose at this time of day on ${rate} (a rhythm needs ${agreeing} day(s), half of them, and ${RHYTHM_LIFT} x the hours' rate)`;
    return { kind: "no-rhythm", days, split, explanation };
  }
  const peaks = days.map((d) => d.peak).sort((a, b) => b - a);
  const load = peaks[agreeing - 1] as number;
  const need = Math.max(input.minInstances, Math.ceil(load / input.perInstance - 1e-9));
  const explanation = `the load rose at this time of day on ${rate}; ${agreeing === 1 ? "its" : "the second-highest"} peak, ${round(load)}, needs ${need} instance(s)`;
  return { kind: "need", need, load, days, split, explanation };
}

function dayWindows(input: ForecastInput, earliest: number): DayWindow[] {
  const windows: DayWindow[] = [];
  for (let d = 1; d <= input.days; d++) {
    const from = sameTimeDaysBefore(input.now, d, input.timeZone);
    const window = dayWindow(input, from, earliest);
    if (window) windows.push(window);
  }
  return windows;
}

/**
 * How often the load rose over a period like this one starting at any whole hour of the history: what a rise
 * at this time of day is measured against. Random bursts an hour or two apart rise in most periods at every
 * hour; a morning surge rises in the periods before 08:00 only.
 */
function anyHourRiseRate(input: ForecastInput, earliest: number): number {
  let counted = 0;
  let rose = 0;
  for (let hours = 1; hours < input.days * 24; hours++) {
    const window = dayWindow(input, new Date(input.now.getTime() - hours * 3_600_000), earliest);
    if (!window) continue;
    counted++;
    if (window.rose) rose++;
  }
  return counted === 0 ? 0 : rose / counted;
}

function dayWindow(input: ForecastInput, from: Date, earliest: number): DayWindow | undefined {
  const start = Math.floor(from.getTime() / 60_000);
  const first = start - LEVEL_MINUTES;
  const last = start + input.periodMinutes - 1;
  let covered = 0;
  for (let m = first; m <= last; m++) if (input.load.has(m)) covered++;
  const minutes = last - first + 1;
  if (input.missingIsZero ? earliest > first : covered * 2 < minutes) return undefined;
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

/** The first minute of the history: for requests, the deployment is known to have existed from then on. */
function earliestMinute(load: ReadonlyMap<number, number>): number {
  let earliest = Number.POSITIVE_INFINITY;
  for (const m of load.keys()) if (m < earliest) earliest = m;
  return earliest;
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

function percent(rate: number): string {
  return `${Math.round(rate * 100)} %`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * The forecast for one deployment's `metric` over the coming `period` (in `timeZone`), sized and read as the
 * metric says: the load one instance carries at FORECAST_UTILIZATION (setup's scale-up threshold by default)
 * rather than at the target, since a forecast is there to be ready before the scale-up alarm would fire (sized
 * at the target it would also add instances, and hold scale-ins, where the alarms leave the count alone); and a
 * minute without requests is one without traffic, while a minute without CPU is unknown.
 */
export function forecastForDeployment(
  load: ReadonlyMap<number, number>,
  metric: "CpuUtilization" | "PredictRequestCount",
  limits: { TARGET_CPU_UTILIZATION: number; TARGET_REQUESTS_PER_INSTANCE: number; MIN_INSTANCES: number },
  config: { FORECAST_DAYS: number; FORECAST_UTILIZATION: number },
  coming: { now: Date; periodMinutes: number; timeZone: string },
): Forecast {
  const utilization = config.FORECAST_UTILIZATION;
  const perInstance =
    metric === "CpuUtilization"
      ? utilization / 100
      : (limits.TARGET_REQUESTS_PER_INSTANCE * utilization) / limits.TARGET_CPU_UTILIZATION;
  return forecastNeed({
    load,
    ...coming,
    days: config.FORECAST_DAYS,
    perInstance,
    minInstances: limits.MIN_INSTANCES,
    missingIsZero: metric === "PredictRequestCount",
  });
}
