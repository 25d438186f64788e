/**
 * The demo's sample day as a simulator trace: one model deployment on VM.Standard2.1, from 06:00 on a Monday
 * to midnight, then the same day again on Tuesday (from midnight): the second morning is the one a forecast
 * from the first can be ready for.
 * CPU demand is in instances' worth at 100 % CPU (3.3 = three and a third instances busy); memory is the
 * utilization on the starting shape (the model and its caches, whatever the instance count).
 */
import type { Trace } from "../simulate/trace";

/** [minute of the day, value] points, linearly interpolated. */
export type Curve = readonly (readonly [number, number])[];

/** "08:20 3.3, 09:00 3.7" -> [[500, 3.3], [540, 3.7]] */
function curve(points: string): Curve {
  return points.split(",").map((point) => {
    const [time = "", value = ""] = point.trim().split(/\s+/);
    const [hours = 0, minutes = 0] = time.split(":").map(Number);
    return [hours * 60 + minutes, Number(value)] as const;
  });
}

export const DAY_START = 6 * 60;
export const DAY_END = 24 * 60;
export const DAY_MINUTES = 24 * 60;
/** Days the demo plays: Monday from 06:00, then Tuesday whole. */
export const DEMO_DAYS = 2;
/** Minute 0 of the trace: 06:00 on a Monday. */
const START_MS = Date.parse("2026-03-02T06:00:00Z");

export const SAMPLE_DAY = {
  name: "fraud-scoring",
  // A morning surge far faster than one instance at a time, a peak of nearly four instances' worth, a fall
  // at lunch; evening traffic from 18:30 to 21:30.
  cpuDemand: curve(
    "00:00 0.15, 06:00 0.3, 08:00 0.45, 08:20 3.3, 08:35 3.65, 08:50 2.9, 12:00 2.8, 12:30 0.2, 18:00 0.4, 18:30 1.7, 21:00 1.6, 21:30 0.15, 24:00 0.15",
  ),
  // An afternoon batch job loads a large feature cache: 95 % of VM.Standard2.1's memory for two hours.
  memoryPercent: curve("00:00 40, 06:00 40, 14:00 40, 14:20 95, 16:30 95, 16:50 40, 24:00 40"),
};

export function valueAt(points: Curve, minute: number): number {
  const after = points.findIndex(([m]) => m >= minute);
  if (after <= 0) return (points[after === 0 ? 0 : points.length - 1] as readonly [number, number])[1];
  const [m0, v0] = points[after - 1] as readonly [number, number];
  const [m1, v1] = points[after] as readonly [number, number];
  return v0 + ((v1 - v0) * (minute - m0)) / (m1 - m0);
}

/**
 * The days, one value per minute, as `npm run simulate` reads a trace with a `memory_percent` column: the
 * first from 06:00, each further one whole.
 */
export function sampleDayTrace(days = DEMO_DAYS): Trace {
  const minutes = DAY_END - DAY_START + (days - 1) * DAY_MINUTES;
  const at = (points: Curve) =>
    Float64Array.from({ length: minutes }, (_, m) => valueAt(points, (DAY_START + m) % DAY_MINUTES));
  return {
    name: SAMPLE_DAY.name,
    startMs: START_MS,
    demand: at(SAMPLE_DAY.cpuDemand),
    memory: at(SAMPLE_DAY.memoryPercent),
    loadColumn: "cpu_percent",
  };
}

/** "08:25" for minute 505 of the day (and of any later day). */
export function clock(minuteOfDay: number): string {
  const hours = Math.floor(minuteOfDay / 60) % 24;
  return `${String(hours).padStart(2, "0")}:${String(minuteOfDay % 60).padStart(2, "0")}`;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** "Tue 07:00" for a minute of the demo's trace. */
export function dayClock(traceMinute: number): string {
  const day = new Date(START_MS + traceMinute * 60_000).getUTCDay();
  return `${WEEKDAYS[day]} ${clock(DAY_START + traceMinute)}`;
}

/** The trace's minute of a day's time: `traceMinute(1, 8 * 60)` is Tuesday 08:00. */
export function traceMinute(day: number, minuteOfDay: number): number {
  return day * DAY_MINUTES + minuteOfDay - DAY_START;
}
