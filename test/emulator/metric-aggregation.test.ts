/** aggregate(): the roll-up without an array per bucket answers what taking each statistic over the values does. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregate, type SeriesPoints } from "../../emulator/metric-aggregation";
import { parseMetricQuery } from "../../emulator/mql";

/** The statistic over a bucket's values, as OCI's docs define it, in the order the values come. */
function reference(series: SeriesPoints[], query: string) {
  const q = parseMetricQuery(query);
  const groups = new Map<string, number[][]>();
  for (const one of series) {
    const key =
      q.groupBy === undefined
        ? JSON.stringify(one.dimensions)
        : JSON.stringify(q.groupBy.map((d) => one.dimensions[d]));
    const buckets = groups.get(key) ?? [];
    groups.set(key, buckets);
    for (const p of one.points) {
      const start = Math.floor(p.time / q.intervalMs) * q.intervalMs;
      const bucket = buckets[start / 60_000] ?? [];
      bucket.push(p.value);
      buckets[start / 60_000] = bucket;
    }
  }
  const stat = (v: number[]) => {
    const sum = v.reduce((t, x) => t + x, 0);
    return { count: v.length, max: Math.max(...v), min: Math.min(...v), sum, mean: sum / v.length }[q.statistic];
  };
  return [...groups.values()]
    .map((buckets) =>
      buckets.flatMap((values, minute) =>
        values ? [{ timestamp: new Date(minute * 60_000).toISOString(), value: stat(values) }] : [],
      ),
    )
    .filter((d) => d.length > 0);
}

const point = fc.record({
  time: fc.integer({ min: 0, max: 600 }).map((m) => m * 60_000 + 17),
  value: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
});
const stream = (instance: string, sorted: boolean) =>
  fc.array(point, { maxLength: 40 }).map((points) => ({
    dimensions: { resourceId: "d", instanceId: instance },
    metadata: {},
    compartmentId: "c",
    points: sorted ? [...points].sort((a, b) => a.time - b.time) : points,
  }));

describe("aggregate", () => {
  it.each(["mean", "max", "min", "sum", "count"])(
    "%s, per instance, grouped and per stream, points in order or not",
    (statistic) => {
      fc.assert(
        fc.property(fc.boolean(), stream("i1", true), stream("i2", true), stream("i3", false), (five, a, b, c) => {
          const interval = five ? "5m" : "1m";
          for (const shape of [".groupBy(instanceId)", ".grouping()", ""]) {
            const query = `CpuUtilization[${interval}]{resourceId = "d"}${shape}.${statistic}()`;
            const got = aggregate([a, b, c], parseMetricQuery(query)).map((r) => r.datapoints);
            expect(got).toEqual(reference([a, b, c], query));
          }
        }),
        { numRuns: 60 },
      );
    },
  );
});
