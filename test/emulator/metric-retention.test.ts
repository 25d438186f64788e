/** The metric store's order and retention: what lets a simulation seed two months of minutes. */
import { describe, expect, it } from "vitest";
import { MetricStore } from "../../emulator/metrics";

const namespace = "oci_datascience_modeldeploy";
const compartmentId = "ocid1.compartment.oc1..retention";
const T0 = Date.parse("2026-03-01T00:00:00Z");
const at = (minute: number) => new Date(T0 + minute * 60_000);

function store(now: { ms: number }, retentionMs?: number) {
  const metrics = new MetricStore(() => now.ms, retentionMs);
  const seed = (minutes: number[]) =>
    metrics.seed({
      namespace,
      compartmentId,
      name: "CpuUtilization",
      dimensions: { resourceId: "md" },
      points: minutes.map((m) => ({ timestamp: at(m), value: m })),
    });
  const read = (from: number, to: number) =>
    metrics
      .summarize(
        { compartmentId },
        {
          namespace,
          query: "CpuUtilization[1m].grouping().max()",
          startTime: at(from).toISOString(),
          endTime: at(to).toISOString(),
        },
      )
      .flatMap((d) => (d.aggregatedDatapoints as { value: number }[]).map((p) => p.value));
  return { seed, read };
}

describe("MetricStore: order and retention", () => {
  it("answers points seeded out of order in time order, within the window", () => {
    const { seed, read } = store({ ms: T0 });
    seed([5, 1, 3]);
    seed([2, 4, 0]);
    expect(read(1, 5)).toEqual([1, 2, 3, 4]);
  });

  it("drops points older than the retention once enough are due, and keeps the rest", () => {
    const now = { ms: T0 };
    const { seed, read } = store(now, 60 * 60_000);
    seed(Array.from({ length: 3000 }, (_, m) => m));
    expect(read(0, 3)).toEqual([0, 1, 2]);
    now.ms = at(3000).getTime();
    seed([3000]);
    expect(read(0, 3)).toEqual([]);
    expect(read(2940, 3001)).toHaveLength(61);
  });
});
