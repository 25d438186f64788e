/**
 * The subset of the Monitoring Query Language (MQL) the emulator evaluates:
 *   Metric[interval]{dim = "v", dim2 = "w"}.groupBy(dim, ...).statistic()
 *   Metric[interval].grouping().statistic()
 * with statistic mean | max | min | sum | count, the filter and grouping optional. Anything else
 * (other statistics, operators, `=~`, `||`, thresholds, joins) is refused: real OCI understands more.
 */
import { invalidParameter } from "./errors";

export type MqlStatistic = "mean" | "max" | "min" | "sum" | "count";

export interface MetricQuery {
  metric: string;
  /** As written in the query, e.g. "5m". */
  interval: string;
  intervalMs: number;
  filters: Record<string, string>;
  /** undefined: one series per stream; []: grouping() into one series; else groupBy(these). */
  groupBy: string[] | undefined;
  statistic: MqlStatistic;
}

const STATISTICS: MqlStatistic[] = ["mean", "max", "min", "sum", "count"];
const MINUTE_MS = 60_000;
const QUERY_SHAPE =
  /^\s*([A-Za-z][A-Za-z0-9_.]*)\s*\[\s*(\d+[mhd])\s*\]\s*(?:\{(.*)\})?\s*(?:\.\s*(groupBy|grouping)\s*\(([^)]*)\))?\s*\.\s*([A-Za-z]+)\s*\(\s*\)\s*$/s;
const FILTER_TERM = /^\s*([A-Za-z0-9_.-]+)\s*=\s*"((?:[^"\\]|\\.)*)"\s*(,|$)/s;
const DIMENSION_NAME = /^[A-Za-z0-9_.-]+$/;

function notUnderstood(query: string, why: string): Error {
  return invalidParameter(`The OCI emulator does not understand the MQL query "${query}": ${why}.`);
}

/**
 * A duration as MQL intervals and SummarizeMetricsDataDetails.resolution write them:
 * 1m-60m, 1h-24h or 1d. Undefined when out of that range.
 */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+)([mhd])$/.exec(text);
  if (!match) return undefined;
  const amount = Number(match[1]);
  const unit = match[2];
  if (unit === "m" && amount >= 1 && amount <= 60) return amount * MINUTE_MS;
  if (unit === "h" && amount >= 1 && amount <= 24) return amount * 60 * MINUTE_MS;
  if (unit === "d" && amount === 1) return 24 * 60 * MINUTE_MS;
  return undefined;
}

function parseFilters(query: string, text: string): Record<string, string> {
  const filters: Record<string, string> = {};
  let rest = text;
  while (rest.trim() !== "") {
    const term = FILTER_TERM.exec(rest);
    if (!term?.[1] || term[2] === undefined)
      throw notUnderstood(query, 'only dimension filters of the form {name = "value", ...} are supported');
    filters[term[1]] = term[2].replace(/\\(.)/g, "$1");
    rest = rest.slice(term[0].length);
    if (term[3] === "," && rest.trim() === "") throw notUnderstood(query, "a filter list ends with a comma");
  }
  return filters;
}

function parseGroupBy(query: string, kind: string | undefined, args: string | undefined): string[] | undefined {
  if (kind === undefined) return undefined;
  const names = (args ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  if (kind === "grouping") {
    if (names.length > 0) throw notUnderstood(query, "grouping() takes no arguments");
    return [];
  }
  if (names.length === 0 || !names.every((name) => DIMENSION_NAME.test(name)))
    throw notUnderstood(query, "groupBy() needs one or more dimension names");
  return names;
}

export function parseMetricQuery(query: string): MetricQuery {
  const shape = QUERY_SHAPE.exec(query);
  if (!shape?.[1] || !shape[2] || !shape[6])
    throw notUnderstood(query, "the emulator evaluates only Metric[interval]{filters}.groupBy(...).statistic()");
  const intervalMs = parseDuration(shape[2]);
  if (intervalMs === undefined) throw invalidParameter(`Invalid interval [${shape[2]}]: use 1m-60m, 1h-24h or 1d.`);
  const statistic = shape[6] as MqlStatistic;
  if (!STATISTICS.includes(statistic))
    throw notUnderstood(query, `the statistic ${shape[6]}() is not one of ${STATISTICS.join(", ")}`);
  return {
    metric: shape[1],
    interval: shape[2],
    intervalMs,
    filters: parseFilters(query, shape[3] ?? ""),
    groupBy: parseGroupBy(query, shape[4], shape[5]),
    statistic,
  };
}
