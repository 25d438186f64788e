/**
 * OCI Monitoring's alarm evaluation, once a minute: each alarm's query over its own window and statistic
 * (`CpuUtilization[5m]{resourceId = "…"}.groupBy(resourceId).mean() > 80`), then its state machine:
 * OK_TO_FIRING once the condition has held for the pending duration (PT1M: at the first breaching
 * evaluation; PT5M: at the fifth in a row), REPEAT every repeat interval while it holds, FIRING_TO_OK when
 * it stops. An alarm starts OK when first seen (a new alarm's pending time starts at its creation).
 * A series marks a minute without a data point as NaN (PredictRequestCount is not emitted without traffic):
 * a window with no point has no value, which this simulator counts as not breaching (OCI does not document
 * a threshold alarm's state without data). The low-request alarm's joined query is understood too:
 * `X.sum() < N || X.absent(72h) == 1` on the same stream X, where absent() "returns 1 (true) when the metric
 * is absent for the entire interval. After continuous 1 values for the duration of the absence detection
 * period, the statistic stops returning values" (docs, "Creating an Absence Alarm"; the period is 2 hours
 * when absent() has no argument, 1m to 72h otherwise: "Customizing the Absence Detection Period").
 */

import { durationMinutes as minutesOf } from "../../src/message/deployment-selection";

export type Statistic = "mean" | "max" | "min" | "sum";

export interface ParsedQuery {
  metric: string;
  windowMinutes: number;
  resourceId?: string;
  statistic: Statistic;
  above: boolean;
  threshold: number;
  /** The query without its condition: the key of every `metricValues` entry in a message. */
  expression: string;
  /** `|| <the same stream>.absent(period) == 1`: the condition also holds while the metric is absent. */
  orAbsent?: { periodMinutes: number };
}

const STREAM = /^(\w+)\[(\d+)m\](\{\s*resourceId\s*=\s*"([^"]+)"\s*\})?((?:\.groupBy\(resourceId\)|\.grouping\(\))?)/;
const THRESHOLD = /\.(mean|max|min|sum)\(\)\s*([<>])\s*(-?[\d.]+)$/;
const ABSENT = /\.absent\(\s*(?:(\d+)([mhd]))?\s*\)\s*==\s*1$/;
/** absent() without a period: "The default absence detection period is two hours." */
const DEFAULT_ABSENCE_MINUTES = 120;
const UNIT_MINUTES: Record<string, number> = { m: 1, h: 60, d: 1440 };

function parseThreshold(query: string): Omit<ParsedQuery, "orAbsent"> | undefined {
  const stream = STREAM.exec(query);
  const condition = stream && THRESHOLD.exec(query.slice(stream[0].length));
  if (!stream || !condition || stream[0].length + condition[0].length !== query.length) return undefined;
  return {
    metric: stream[1] as string,
    windowMinutes: Number(stream[2]),
    ...(stream[4] ? { resourceId: stream[4] } : {}),
    statistic: condition[1] as Statistic,
    above: condition[2] === ">",
    threshold: Number(condition[3]),
    expression: query.replace(/\s*[<>]=?\s*-?[\d.]+$/, ""),
  };
}

/** The absence detection period of `query` when it is `<stream>.absent(period) == 1` on `stream`. */
function parseAbsence(query: string, stream: string): number | undefined {
  if (!query.startsWith(stream)) return undefined;
  const absent = ABSENT.exec(query.slice(stream.length));
  if (!absent || stream.length + absent[0].length !== query.length) return undefined;
  const minutes = absent[1] ? Number(absent[1]) * (UNIT_MINUTES[absent[2] as string] ?? 0) : DEFAULT_ABSENCE_MINUTES;
  return minutes >= 1 && minutes <= 3 * 1440 ? minutes : undefined;
}

export function parseQuery(query: string): ParsedQuery | undefined {
  const [first, second, ...more] = query
    .trim()
    .split("||")
    .map((part) => part.trim());
  const parsed = first === undefined ? undefined : parseThreshold(first);
  if (!parsed || more.length > 0) return undefined;
  if (second === undefined) return parsed;
  const stream = STREAM.exec(first as string)?.[0] ?? "";
  const periodMinutes = parseAbsence(second, stream);
  return periodMinutes === undefined ? undefined : { ...parsed, orAbsent: { periodMinutes } };
}

/** Minutes in an ISO-8601 duration (the function's own reader); `fallback` when absent. */
export function durationMinutes(iso: string | undefined, fallback: number): number {
  return minutesOf(iso) ?? fallback;
}

/**
 * The statistic of `series` over the `window` minutes ending at `minute` (fewer at the start); NaN when no
 * minute of the window has a point.
 */
export function windowValue(series: ArrayLike<number>, minute: number, window: number, statistic: Statistic): number {
  const from = Math.max(0, minute - window + 1);
  let sum = 0;
  let count = 0;
  let max = Number.NEGATIVE_INFINITY;
  let min = Number.POSITIVE_INFINITY;
  for (let m = from; m <= minute; m++) {
    const v = series[m] ?? 0;
    if (Number.isNaN(v)) continue;
    count++;
    sum += v;
    if (v > max) max = v;
    if (v < min) min = v;
  }
  if (count === 0) return Number.NaN;
  if (statistic === "max") return max;
  if (statistic === "min") return min;
  return statistic === "sum" ? sum : sum / count;
}

/** Minutes in a row without a point (NaN), ending at `minute`, counted up to `limit`. */
export function absentMinutes(series: ArrayLike<number>, minute: number, limit: number): number {
  let run = 0;
  for (let m = minute; run < limit && (m < 0 || Number.isNaN(series[m])); m--) run++;
  return run;
}

/**
 * absent() of the `window` minutes ending at `minute`: 1 when none has a point, for the first `period`
 * minutes of that (then no value), 0 when one has.
 */
export function absentValue(series: ArrayLike<number>, minute: number, window: number, period: number): number {
  const run = absentMinutes(series, minute, window + period);
  if (run < window) return 0;
  return run - window < period ? 1 : Number.NaN;
}

export type TransitionType = "OK_TO_FIRING" | "REPEAT" | "FIRING_TO_OK";

export interface AlarmRule {
  id: string;
  query: string;
  pendingDuration?: string;
  repeatNotificationDuration?: string;
  isEnabled?: boolean;
}

export interface Evaluation {
  type: TransitionType;
  /** The statistic's value for the stream (the deployment); 1 when a joined absent() fired. */
  value: number;
  parsed: ParsedQuery;
}

interface State {
  breaching: number;
  firing: boolean;
  lastNotified: number;
}

/** Alarm states, kept per alarm id across minutes. */
export class AlarmEvaluator {
  private readonly states = new Map<string, State>();
  private readonly parsed = new Map<string, ParsedQuery | undefined>();

  /** Evaluates `alarm` at `minute` over the metric series it names; undefined when nothing is sent. */
  evaluate(
    alarm: AlarmRule,
    series: (metric: string) => ArrayLike<number> | undefined,
    minute: number,
  ): Evaluation | undefined {
    if (alarm.isEnabled === false) return undefined;
    if (!this.parsed.has(alarm.query)) this.parsed.set(alarm.query, parseQuery(alarm.query));
    const parsed = this.parsed.get(alarm.query);
    const data = parsed && series(parsed.metric);
    if (!parsed || !data) return undefined;
    let value = windowValue(data, minute, parsed.windowMinutes, parsed.statistic);
    let breached = parsed.above ? value > parsed.threshold : value < parsed.threshold;
    if (!breached && parsed.orAbsent) {
      const absent = absentValue(data, minute, parsed.windowMinutes, parsed.orAbsent.periodMinutes);
      breached = absent === 1;
      if (breached) value = absent;
    }
    const state = this.states.get(alarm.id) ?? { breaching: 0, firing: false, lastNotified: Number.NEGATIVE_INFINITY };
    this.states.set(alarm.id, state);
    const type = step(state, alarm, breached, minute);
    return type && { type, value, parsed };
  }

  /** Forgets alarms that no longer exist. */
  retain(ids: Set<string>): void {
    for (const id of this.states.keys()) if (!ids.has(id)) this.states.delete(id);
  }
}

function step(state: State, alarm: AlarmRule, breached: boolean, minute: number): TransitionType | undefined {
  if (!breached) {
    state.breaching = 0;
    if (!state.firing) return undefined;
    state.firing = false;
    return "FIRING_TO_OK";
  }
  state.breaching++;
  if (!state.firing) {
    if (state.breaching < Math.max(1, durationMinutes(alarm.pendingDuration, 1))) return undefined;
    state.firing = true;
    state.lastNotified = minute;
    return "OK_TO_FIRING";
  }
  const repeat = durationMinutes(alarm.repeatNotificationDuration, Number.POSITIVE_INFINITY);
  if (minute - state.lastNotified < repeat) return undefined;
  state.lastNotified = minute;
  return "REPEAT";
}
