/**
 * What the demo's second day is for: the forecast tick that scaled the deployment out before Tuesday's 08:00
 * surge, from Monday's history, and the morning's overload on each day (the function's run).
 */
import type { ThisDecision } from "../simulate/policies/this";
import { FORECAST_TICK } from "../simulate/policies/this";
import type { SimulationResult } from "../simulate/run";
import { DEMO_DAYS, dayClock, traceMinute } from "./sample-day";

const SURGE = 8 * 60;
/** The morning whose overload is counted: from the surge until 10:00. */
const MORNING_END = 10 * 60;

export interface SecondMorning {
  /** The first forecast tick on the last day that scaled out before the surge, if any. */
  readyTick?: ThisDecision;
  /** Overload minutes of the function's run, 08:00-10:00, per day. */
  morningOverload: number[];
}

export function secondMorning(timeline: ThisDecision[], simulation: SimulationResult): SecondMorning {
  const lastDay = DEMO_DAYS - 1;
  const readyTick = timeline.find(
    (d) =>
      d.type === FORECAST_TICK &&
      d.result.outcome === "updated" &&
      d.minute >= traceMinute(lastDay, 0) &&
      d.minute < traceMinute(lastDay, SURGE),
  );
  const serving = simulation.runs[0]?.serving ?? new Uint16Array();
  const { demand } = simulation.trace;
  const morningOverload = Array.from({ length: DEMO_DAYS }, (_, day) => {
    let minutes = 0;
    for (let m = traceMinute(day, SURGE); m < traceMinute(day, MORNING_END); m++)
      if ((demand[m] ?? 0) > (serving[m] ?? 0) + 1e-9) minutes++;
    return minutes;
  });
  return { ...(readyTick ? { readyTick } : {}), morningOverload };
}

/** The demo's closing lines on the second morning. */
export function secondMorningLines({ readyTick, morningOverload }: SecondMorning, updateMinutes: number): string[] {
  const ready = readyTick
    ? `the forecast tick at ${dayClock(readyTick.minute)} scaled out ${readyTick.result.from} → ${readyTick.result.to} from Monday's history, serving ${dayClock(readyTick.minute + updateMinutes)}, before the 08:00 surge.`
    : "no forecast tick scaled out before the 08:00 surge.";
  const overload = morningOverload.map((minutes, day) => `${dayClock(traceMinute(day, SURGE)).slice(0, 3)} ${minutes}`);
  return [`Tuesday morning: ${ready}`, `Overload minutes 08:00-10:00 (this): ${overload.join(", ")}.`];
}

/** The mark on the timeline's line of that tick. */
export const READY_MARK = "  ◀ ready before the surge";
