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

/**
 * A bucket's values as they are added: enough for every statistic, without keeping the values. The sum starts
 * from 0 as a sum over an array does (so a lone -0 sums to 0).
 */
interface Bucket {
  count: number;
  sum: number;
  min: number;
  max: number;
}

function statistic(bucket: Bucket, stat: MqlStatistic): number {
  if (stat === "count") return bucket.count;
  if (stat === "max") return bucket.max;
  if (stat === "min") return bucket.min;
  return stat === "sum" ? bucket.sum : bucket.sum / bucket.count;
}

type Point = { time: number; value: number };

/**
 * Buckets start at multiples of the interval since the epoch; each datapoint is stamped with its bucket's start.
 * The values of a bucket are summed in the order the streams and their points come (a 7-day read of ten
 * instances is 100,800 points: no array per bucket, and each bucket's timestamp written once: see timestamps).
 */
function rollUp(
  streams: Point[][],
  query: MetricQuery,
  stamp: (start: number) => string,
): AggregatedSeries["datapoints"] {
  if (streams.length === 1) {
    const inOrder = rollUpInOrder(streams[0] as Point[], query, stamp);
    if (inOrder) return inOrder;
  }
  const buckets = new Map<number, Bucket>();
  const interval = query.intervalMs;
  for (const points of streams) {
    for (const { time, value } of points) {
      const start = Math.floor(time / interval) * interval;
      const bucket = buckets.get(start);
      if (bucket) add(bucket, value);
      else buckets.set(start, { count: 1, sum: 0 + value, min: value, max: value });
    }
  }
  return [...buckets.entries()]
    .sort(([a], [b]) => a - b)
    .map(([start, bucket]) => ({ timestamp: stamp(start), value: statistic(bucket, query.statistic) }));
}

function add(bucket: Bucket, value: number): void {
  bucket.count++;
  bucket.sum += value;
  if (value < bucket.min) bucket.min = value;
  if (value > bucket.max) bucket.max = value;
}

/**
 * One stream whose points are oldest first (as the store keeps them): each bucket is a run of points, so one
 * pass, no map and no sort. Undefined when a point comes before the one ahead of it.
 */
function rollUpInOrder(
  points: Point[],
  query: MetricQuery,
  stamp: (start: number) => string,
): AggregatedSeries["datapoints"] | undefined {
  const datapoints: AggregatedSeries["datapoints"] = [];
  const interval = query.intervalMs;
  let bucket: Bucket | undefined;
  let bucketStart = Number.NEGATIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const { time, value } of points) {
    if (time < last) return undefined;
    last = time;
    const start = Math.floor(time / interval) * interval;
    if (bucket && start === bucketStart) add(bucket, value);
    else {
      if (bucket) datapoints.push({ timestamp: stamp(bucketStart), value: statistic(bucket, query.statistic) });
      bucket = { count: 1, sum: 0 + value, min: value, max: value };
      bucketStart = start;
    }
  }
  if (bucket) datapoints.push({ timestamp: stamp(bucketStart), value: statistic(bucket, query.statistic) });
  return datapoints;
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
 * A bucket start's ISO timestamp, each written once and kept: every group of a read has the same buckets, and
 * reads of a sliding window (a forecast tick each hour over 7 days) the same ones again. At most `keep` are
 * kept; past that the cache starts over.
 */
export function timestamps(keep = 50_000): (start: number) => string {
  const written = new Map<number, string>();
  return (start) => {
    let iso = written.get(start);
    if (iso === undefined) {
      if (written.size >= keep) written.clear();
      iso = new Date(start).toISOString();
      written.set(start, iso);
    }
    return iso;
  };
}

/**
 * Without groupBy/grouping one result per stream (OCI answers per dimension set); with them one per
 * group, its statistic taken across every point of the group's streams. Series with no points are left out.
 */
export function aggregate(
  series: SeriesPoints[],
  query: MetricQuery,
  stamp: (start: number) => string = timestamps(),
): AggregatedSeries[] {
  const groups = new Map<string, { first: SeriesPoints; dimensions: Record<string, string>; streams: Point[][] }>();
  for (const one of series) {
    const dimensions = query.groupBy === undefined ? one.dimensions : groupDimensions(one.dimensions, query.groupBy);
    const sortedDimensions = Object.entries(dimensions).sort(([a], [b]) => a.localeCompare(b));
    const key = JSON.stringify(query.groupBy === undefined ? [one.compartmentId, sortedDimensions] : sortedDimensions);
    const group = groups.get(key);
    if (group) group.streams.push(one.points);
    else groups.set(key, { first: one, dimensions, streams: [one.points] });
  }
  return [...groups.values()]
    .filter((group) => group.streams.some((points) => points.length > 0))
    .map(({ first, dimensions, streams }) => ({
      dimensions,
      metadata: first.metadata,
      compartmentId: first.compartmentId,
      datapoints: rollUp(streams, query, stamp),
    }));
}
