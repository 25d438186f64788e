/**
 * OCI Monitoring's alarm evaluation, once a minute: each alarm's query over its own window and statistic
 * (`CpuUtilization[5m]{resourceId = "…"}.groupBy(resourceId).mean() > 80`), then its state machine:
 * OK_TO_FIRING once the condition has held for the pending duration (PT1M: at the first breaching
 * evaluation; PT5M: at the fifth in a row), REPEAT every repeat interval while it holds, FIRING_TO_OK when
 * it stops. An alarm starts OK when first seen (a new alarm's pending time starts at its creation).
 */

import { durationMinutes as minutesOf } from "../../src/message/deployment-selection";

export type Statistic = "mean" | "max" | "min";

export interface ParsedQuery {
  metric: string;
  windowMinutes: number;
  resourceId?: string;
  statistic: Statistic;
  above: boolean;
  threshold: number;
  /** The query without its condition: the key of every `metricValues` entry in a message. */
  expression: string;
}

const QUERY =
  /^(\w+)\[(\d+)m\](\{\s*resourceId\s*=\s*"([^"]+)"\s*\})?((?:\.groupBy\(resourceId\)|\.grouping\(\))?)\.(mean|max|min)\(\)\s*([<>])\s*(-?[\d.]+)$/;

export function parseQuery(query: string): ParsedQuery | undefined {
  const m = QUERY.exec(query.trim());
  if (!m) return undefined;
  const condition = /\s*[<>]=?\s*-?[\d.]+$/;
  return {
    metric: m[1] as string,
    windowMinutes: Number(m[2]),
    ...(m[4] ? { resourceId: m[4] } : {}),
    statistic: m[6] as Statistic,
    above: m[7] === ">",
    threshold: Number(m[8]),
    expression: query.trim().replace(condition, ""),
  };
}

/** Minutes in an ISO-8601 duration (the function's own reader); `fallback` when absent. */
export function durationMinutes(iso: string | undefined, fallback: number): number {
  return minutesOf(iso) ?? fallback;
}

/** The statistic of `series` over the `window` minutes ending at `minute` (fewer at the start). */
export function windowValue(series: ArrayLike<number>, minute: number, window: number, statistic: Statistic): number {
  const from = Math.max(0, minute - window + 1);
  let sum = 0;
  let max = Number.NEGATIVE_INFINITY;
  let min = Number.POSITIVE_INFINITY;
  for (let m = from; m <= minute; m++) {
    const v = series[m] ?? 0;
    sum += v;
    if (v > max) max = v;
    if (v < min) min = v;
  }
  if (statistic === "max") return max;
  if (statistic === "min") return min;
  return sum / (minute - from + 1);
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
  /** The statistic's value for the stream (the deployment). */
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
    const value = windowValue(data, minute, parsed.windowMinutes, parsed.statistic);
    const breached = parsed.above ? value > parsed.threshold : value < parsed.threshold;
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
