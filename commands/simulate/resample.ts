/**
 * Any fixed step to one value per minute. Finer steps are averaged within each minute (a rate per
 * minute stays a rate per minute); coarser steps hold each value until the next row.
 */
import type { Trace } from "./trace";
import type { RawTrace } from "./trace-reader";

const MINUTE = 60_000;

function perMinute(rows: RawTrace["rows"], value: (row: RawTrace["rows"][number]) => number): Float64Array {
  const first = rows[0]?.timeMs ?? 0;
  const last = rows[rows.length - 1]?.timeMs ?? first;
  const step = (rows[1]?.timeMs ?? first + MINUTE) - first;
  const minutes = Math.max(1, Math.floor((last + step - first) / MINUTE));
  const sums = new Float64Array(minutes);
  const counts = new Float64Array(minutes);
  for (const row of rows) {
    const m = Math.floor((row.timeMs - first) / MINUTE);
    if (m >= minutes) continue;
    sums[m] = (sums[m] ?? 0) + value(row);
    counts[m] = (counts[m] ?? 0) + 1;
  }
  let held = 0;
  for (let m = 0; m < minutes; m++) {
    const n = counts[m] ?? 0;
    held = n > 0 ? (sums[m] ?? 0) / n : held;
    sums[m] = held;
  }
  return sums;
}

/** `requestsPerInstance` turns requests per minute into instances' worth; cpu_percent traces need none. */
export function toTrace(raw: RawTrace, name: string, requestsPerInstance?: number): Trace {
  let scale = 1;
  if (raw.loadColumn === "requests_per_minute") {
    if (!(requestsPerInstance && requestsPerInstance > 0)) {
      throw new Error(
        "a requests_per_minute trace needs --requests-per-instance N (requests per minute one instance serves at 100 % CPU)",
      );
    }
    scale = 1 / requestsPerInstance;
  }
  const demand = perMinute(raw.rows, (r) => r.load * scale);
  const trace: Trace = {
    name,
    startMs: raw.rows[0]?.timeMs ?? 0,
    demand,
    loadColumn: raw.loadColumn,
  };
  if (raw.loadColumn === "requests_per_minute") trace.requests = perMinute(raw.rows, (r) => r.load);
  if (raw.hasMemory) trace.memory = perMinute(raw.rows, (r) => r.memory ?? 0);
  const recorded = raw.rows[0]?.instances;
  if (recorded !== undefined) trace.recordedInstances = recorded;
  return trace;
}
