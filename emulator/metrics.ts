/**
 * SummarizeMetricsData over seeded raw points. Request: SummarizeMetricsDataRequest (query
 * compartmentId, compartmentIdInSubtree) with body SummarizeMetricsDataDetails (namespace,
 * resourceGroup, query, startTime, endTime, resolution); answer: an array of MetricData
 * (namespace, resourceGroup, compartmentId, name, dimensions, metadata, resolution,
 * aggregatedDatapoints: AggregatedDatapoint[] of { timestamp, value }).
 */
import { invalidParameter } from "./errors";
import { isJsonObject } from "./json";
import { aggregate, type SeriesPoints, timestamps } from "./metric-aggregation";
import type { MetricPointsSeed } from "./monitoring-types";
import { type MetricQuery, parseDuration, parseMetricQuery } from "./mql";
import type { Json, JsonObject } from "./types";

interface MetricStream {
  namespace: string;
  compartmentId: string;
  name: string;
  resourceGroup: string | undefined;
  dimensions: Record<string, string>;
  metadata: Record<string, string>;
  /** Oldest first, so a window is found by binary search, not by reading every point. */
  points: { time: number; value: number }[];
}

/** Index of the first point at or after `time` in points sorted by time. */
function firstAtOrAfter(points: MetricStream["points"], time: number): number {
  let low = 0;
  let high = points.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((points[middle]?.time ?? 0) < time) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Dropping old points costs a copy of the rest: done only once this many (or half the stream) are due. */
const DROP_BATCH = 1024;

/** SummarizeMetricsDataDetails.startTime: "Default value: the timestamp 3 hours before the call was sent." */
const DEFAULT_RANGE_MS = 3 * 60 * 60_000;

function streamKey(s: MetricPointsSeed | MetricStream): string {
  const dimensions = Object.entries(s.dimensions).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([s.namespace, s.compartmentId, s.name, s.resourceGroup ?? null, dimensions]);
}

function optionalTime(details: JsonObject, field: string): number | undefined {
  const value = details[field];
  if (value === undefined) return undefined;
  const time = typeof value === "string" ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) throw invalidParameter(`${field} must be an RFC 3339 timestamp.`);
  return time;
}

function optionalString(details: JsonObject, field: string): string | undefined {
  const value = details[field];
  if (value !== undefined && typeof value !== "string") throw invalidParameter(`${field} must be a string.`);
  return value;
}

interface SummarizeRequest {
  details: JsonObject;
  query: MetricQuery;
  resolution: string | undefined;
  startTime: number;
  endTime: number;
}

function parseRequest(body: Json | undefined, now: number): SummarizeRequest {
  if (!isJsonObject(body)) throw invalidParameter("The request body must be a SummarizeMetricsDataDetails object.");
  for (const field of ["namespace", "query"]) {
    if (typeof body[field] !== "string" || body[field] === "") throw invalidParameter(`${field} is required.`);
  }
  const query = parseMetricQuery(body.query as string);
  const resolution = optionalString(body, "resolution");
  optionalString(body, "resourceGroup");
  if (resolution !== undefined) {
    const resolutionMs = parseDuration(resolution);
    if (resolutionMs === undefined) throw invalidParameter("resolution must be 1m-60m, 1h-24h or 1d.");
    if (resolutionMs > query.intervalMs) throw invalidParameter("resolution must not exceed the query interval.");
    if (resolutionMs !== query.intervalMs)
      throw invalidParameter("The OCI emulator evaluates only a resolution equal to the query interval.");
  }
  const endTime = optionalTime(body, "endTime") ?? now;
  const startTime = optionalTime(body, "startTime") ?? endTime - DEFAULT_RANGE_MS;
  if (startTime >= endTime) throw invalidParameter("startTime must be before endTime.");
  return { details: body, query, resolution, startTime, endTime };
}

export class MetricStore {
  private readonly streams = new Map<string, MetricStream>();
  private readonly stamp = timestamps();

  /**
   * `retentionMs`: points older than this on `clock` may be dropped as new ones are seeded (undefined: every
   * point is kept). OCI keeps metric data far longer; a long simulation needs only its function's window.
   */
  constructor(
    private readonly clock: () => number,
    private readonly retentionMs?: number,
  ) {}

  seed(seed: MetricPointsSeed): void {
    const key = streamKey(seed);
    const stream = this.streams.get(key) ?? {
      namespace: seed.namespace,
      compartmentId: seed.compartmentId,
      name: seed.name,
      resourceGroup: seed.resourceGroup,
      dimensions: { ...seed.dimensions },
      metadata: { ...seed.metadata },
      points: [],
    };
    for (const point of seed.points) {
      const time = new Date(point.timestamp).getTime();
      if (Number.isNaN(time)) throw new Error(`seedMetricPoints: bad timestamp ${String(point.timestamp)}`);
      if (!Number.isFinite(point.value)) throw new Error(`seedMetricPoints: bad value ${point.value}`);
      const last = stream.points[stream.points.length - 1];
      if (!last || last.time <= time) stream.points.push({ time, value: point.value });
      else stream.points.splice(firstAtOrAfter(stream.points, time + 1), 0, { time, value: point.value });
    }
    if (this.retentionMs !== undefined) {
      const old = firstAtOrAfter(stream.points, this.clock() - this.retentionMs);
      if (old >= DROP_BATCH || old > stream.points.length / 2) stream.points.splice(0, old);
    }
    if (seed.metadata) stream.metadata = { ...stream.metadata, ...seed.metadata };
    this.streams.set(key, stream);
  }

  /** POST /metrics/actions/summarizeMetricsData. */
  summarize(params: Record<string, string>, body: Json | undefined): JsonObject[] {
    const { compartmentId } = params;
    if (!compartmentId) throw invalidParameter("compartmentId is required.");
    const inSubtree = params.compartmentIdInSubtree === "true";
    const request = parseRequest(body, this.clock());
    const { details, query } = request;
    const resourceGroup = details.resourceGroup as string | undefined;
    // The emulator knows no compartment tree: in-subtree reads every compartment, as from the tenancy.
    const matching = [...this.streams.values()].filter(
      (s) =>
        s.namespace === details.namespace &&
        (inSubtree || s.compartmentId === compartmentId) &&
        s.name === query.metric &&
        s.resourceGroup === resourceGroup &&
        Object.entries(query.filters).every(([key, value]) => s.dimensions[key] === value),
    );
    const series: SeriesPoints[] = matching.map((s) => ({
      dimensions: s.dimensions,
      metadata: s.metadata,
      compartmentId: s.compartmentId,
      points: s.points.slice(firstAtOrAfter(s.points, request.startTime), firstAtOrAfter(s.points, request.endTime)),
    }));
    return aggregate(series, query, this.stamp).map((result) => ({
      namespace: details.namespace as string,
      ...(resourceGroup === undefined ? {} : { resourceGroup }),
      compartmentId: query.groupBy === undefined ? result.compartmentId : compartmentId,
      name: query.metric,
      dimensions: result.dimensions,
      metadata: result.metadata,
      resolution: request.resolution ?? query.interval,
      aggregatedDatapoints: result.datapoints,
    }));
  }
}
