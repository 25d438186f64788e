/**
 * Requests per minute from one `metricValues` entry of a `PredictRequestCount` alarm.
 *
 * The entry's key is the alarm's expression without its threshold (FIELD-NOTES), so the key says which
 * statistic over which interval produced the value. Monitoring docs, "Selecting the Statistic for a Query"
 * (https://docs.oracle.com/en-us/iaas/Content/Monitoring/Tasks/query-metric-statistic.htm): Sum "returns all
 * values added together per interval", Count "the number of observations received", Mean "Sum divided by
 * Count", Rate "the per-interval average rate of change. The unit is per-second".
 * - `.sum()` over `[Nm]` / `[Nh]` / `[1d]`: the requests in that window, so per minute = value / minutes.
 * - `.rate()`: per second, so per minute = value × 60.
 * - `.count()` counts the metric's data points, not requests; `.mean()` (and max, min, percentile) is the
 *   requests of one data point, and how often a deployment emits points is not published: none of them is
 *   the deployment's request rate.
 * - `absent()`, and a joined query (`… || …`, `… && …`: which part the value belongs to is not documented),
 *   give no rate.
 */
export type RequestRate = { perMinute: number } | { unused: string };

const INTERVAL = /^\s*PredictRequestCount\s*\[\s*(\d+)\s*([mhd])\s*\]/;
const LAST_CALL = /\.\s*([A-Za-z]+)\s*\([^()]*\)\s*$/;
const MINUTES_PER_UNIT: Record<string, number> = { m: 1, h: 60, d: 1440 };

export function requestsPerMinute(expression: string, value: number): RequestRate {
  if (/\|\||&&/.test(expression)) return { unused: "a joined query's value cannot be attributed to one of its parts" };
  const interval = INTERVAL.exec(expression);
  if (!interval) return { unused: "the expression is not PredictRequestCount[interval]…" };
  if (!Number.isFinite(value) || value < 0) return { unused: `value ${value} is not a request count` };
  const statistic = LAST_CALL.exec(expression)?.[1];
  if (statistic === "sum") {
    const minutes = Number(interval[1]) * (MINUTES_PER_UNIT[interval[2] as string] ?? Number.NaN);
    if (!(minutes > 0)) return { unused: `interval ${interval[1]}${interval[2]} is not understood` };
    return { perMinute: value / minutes };
  }
  if (statistic === "rate") return { perMinute: value * 60 };
  return {
    unused: `statistic ${statistic ?? "unknown"}() of PredictRequestCount is not a request rate (sum() or rate() is)`,
  };
}
