/** Groups metric streams as an MQL query asks and rolls their points up per interval. */
import type { MetricQuery, MqlStatistic } from "./mql";

export interface SeriesPoints {
  dimensions: Record<string, string>;
  metadata: Record<string, string>;
  compartmentId: string;
  points: { time: number; value: number }[];
}

export interface AggregatedSeries {
  dimensions: Record<string, string>;
  metadata: Record<string, string>;
  compartmentId: string;
  datapoints: { timestamp: string; value: number }[];
}

function statistic(values: number[], stat: MqlStatistic): number {
  if (stat === "count") return values.length;
  if (stat === "max") return Math.max(...values);
  if (stat === "min") return Math.min(...values);
  const sum = values.reduce((total, value) => total + value, 0);
  return stat === "sum" ? sum : sum / values.length;
}

/** Buckets start at multiples of the interval since the epoch; each datapoint is stamped with its bucket's start. */
function rollUp(points: { time: number; value: number }[], query: MetricQuery): AggregatedSeries["datapoints"] {
  const buckets = new Map<number, number[]>();
  for (const point of points) {
    const start = Math.floor(point.time / query.intervalMs) * query.intervalMs;
    const bucket = buckets.get(start);
    if (bucket) bucket.push(point.value);
    else buckets.set(start, [point.value]);
  }
  return [...buckets.entries()]
    .sort(([a], [b]) => a - b)
    .map(([start, values]) => ({
      timestamp: new Date(start).toISOString(),
      value: statistic(values, query.statistic),
    }));
}

function groupDimensions(dimensions: Record<string, string>, groupBy: string[]): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of groupBy) {
    const value = dimensions[name];
    if (value !== undefined) kept[name] = value;
  }
  return kept;
}

/**
 * Without groupBy/grouping one result per stream (OCI answers per dimension set); with them one per
 * group, its statistic taken across every point of the group's streams. Series with no points are left out.
 */
export function aggregate(series: SeriesPoints[], query: MetricQuery): AggregatedSeries[] {
  const groups = new Map<string, SeriesPoints>();
  for (const one of series) {
    const dimensions = query.groupBy === undefined ? one.dimensions : groupDimensions(one.dimensions, query.groupBy);
    const sortedDimensions = Object.entries(dimensions).sort(([a], [b]) => a.localeCompare(b));
    const key = JSON.stringify(query.groupBy === undefined ? [one.compartmentId, sortedDimensions] : sortedDimensions);
    const group = groups.get(key);
    if (group) group.points.push(...one.points);
    else groups.set(key, { ...one, dimensions, points: [...one.points] });
  }
  return [...groups.values()]
    .filter((group) => group.points.length > 0)
    .map((group) => ({
      dimensions: group.dimensions,
      metadata: group.metadata,
      compartmentId: group.compartmentId,
      datapoints: rollUp(group.points, query),
    }));
}
