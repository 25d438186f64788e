/**
 * The figures of one policy's run. Demand and capacity are in instances' worth at 100 % CPU.
 * - instance-hours: billed instances per minute / 60 (during an update, the larger of old and new count);
 * - overload minutes: minutes whose demand exceeds what the serving instances do at 100 %;
 * - unserved demand: the part of all demand above that capacity, in percent;
 * - updates; reversals: updates against the direction of the previous one, within 30 minutes of it;
 * - time to capacity after each rise. Rises belong to the trace, not the policy, so every policy is timed on
 *   the same ones: a rise starts at a minute whose demand needs, for the next 5 minutes without a break,
 *   more instances than any minute of the 30 before it did. Its goal is that need (within the instance
 *   bounds); the time is the minutes until the serving instances reach the goal, or until demand falls back
 *   within what they serve for the next 5 minutes (or what is left of the trace); until the end of the trace if neither happens.
 */
import type { UpdateRecord } from "./plant";

export interface PolicyFigures {
  name: string;
  instanceHours: number;
  overloadMinutes: number;
  unservedPercent: number;
  updates: number;
  reversals: number;
  timeToCapacityP50Minutes: number | null;
  timeToCapacityMaxMinutes: number | null;
}

export interface RunRecord {
  name: string;
  serving: ArrayLike<number>;
  billed: ArrayLike<number>;
  updates: UpdateRecord[];
}

export interface Rise {
  minute: number;
  goal: number;
}

const EPSILON = 1e-9;
const SUSTAIN = 5;
const LOOKBACK = 30;
export const REVERSAL_WINDOW_MINUTES = 30;

export const needOf = (demand: number) => Math.max(0, Math.ceil(demand - EPSILON));

export function risesOf(demand: ArrayLike<number>, bounds: { minInstances: number; maxInstances: number }): Rise[] {
  const need = Array.from(demand, needOf);
  const rises: Rise[] = [];
  for (let t = 1; t + SUSTAIN <= need.length; t++) {
    let sustained = Number.POSITIVE_INFINITY;
    for (let m = t; m < t + SUSTAIN; m++) sustained = Math.min(sustained, need[m] ?? 0);
    let before = 0;
    for (let m = Math.max(0, t - LOOKBACK); m < t; m++) before = Math.max(before, need[m] ?? 0);
    const goal = Math.min(bounds.maxInstances, Math.max(bounds.minInstances, sustained));
    if (sustained > before && goal > Math.min(bounds.maxInstances, before)) rises.push({ minute: t, goal });
  }
  return rises;
}

export function timeToCapacity(rise: Rise, demand: ArrayLike<number>, serving: ArrayLike<number>): number {
  for (let m = rise.minute; m < serving.length; m++) {
    const s = serving[m] ?? 0;
    if (s >= rise.goal) return m - rise.minute;
    let fits = true;
    for (let k = m; fits && k < Math.min(serving.length, m + SUSTAIN); k++) fits = needOf(demand[k] ?? 0) <= s;
    if (fits) return m - rise.minute;
  }
  return serving.length - rise.minute;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function reversalsOf(updates: UpdateRecord[]): number {
  let count = 0;
  for (let i = 1; i < updates.length; i++) {
    const [prev, cur] = [updates[i - 1] as UpdateRecord, updates[i] as UpdateRecord];
    const opposite = Math.sign(cur.to - cur.from) * Math.sign(prev.to - prev.from) < 0;
    if (opposite && cur.minute - prev.minute <= REVERSAL_WINDOW_MINUTES) count++;
  }
  return count;
}

export function figuresOf(run: RunRecord, demand: ArrayLike<number>, rises: Rise[]): PolicyFigures {
  let billed = 0;
  let overload = 0;
  let unserved = 0;
  let total = 0;
  for (let m = 0; m < demand.length; m++) {
    const d = demand[m] ?? 0;
    const s = run.serving[m] ?? 0;
    billed += run.billed[m] ?? 0;
    total += d;
    if (d > s + EPSILON) {
      overload++;
      unserved += d - s;
    }
  }
  const times = rises.map((rise) => timeToCapacity(rise, demand, run.serving));
  return {
    name: run.name,
    instanceHours: round(billed / 60, 2),
    overloadMinutes: overload,
    unservedPercent: total > 0 ? round((100 * unserved) / total, 3) : 0,
    updates: run.updates.length,
    reversals: reversalsOf(run.updates),
    timeToCapacityP50Minutes: median(times),
    timeToCapacityMaxMinutes: times.length ? Math.max(...times) : null,
  };
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
