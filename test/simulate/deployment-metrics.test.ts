/** `this` keeps the simulated deployment's metric history in the emulator's Monitoring, read with the real SDK. */
import type { models } from "oci-monitoring";
import { describe, expect, it } from "vitest";
import { cpuPercent, DEFAULT_ASSUMPTIONS } from "../../commands/simulate/assumptions";
import { NAMESPACE } from "../../commands/simulate/policies/deployment-metrics";
import { observedThisPolicy } from "../../commands/simulate/policies/this";
import type { FunctionOnEmulator } from "../../commands/simulate/policies/this-emulator";
import { runPolicy } from "../../commands/simulate/run";
import type { Trace } from "../../commands/simulate/trace";
import { createOciClients } from "../../src/oci/clients";
import { loadConfig } from "../../src/policy/config";

const START = Date.parse("2026-03-02T08:00:00Z");
const MINUTES = 150;
const REQUESTS_PER_INSTANCE = 100;

/** 50 rpm, none in minutes 100-109, then 180 rpm: the last hour is served by 1, then 2, then 3 instances. */
function requests(m: number): number {
  if (m >= 100 && m < 110) return 0;
  return m < 110 ? 50 : 180;
}

function trace(): Trace {
  const perMinute = Float64Array.from({ length: MINUTES }, (_, m) => requests(m));
  return {
    name: "t",
    startMs: START,
    demand: perMinute.map((r) => r / REQUESTS_PER_INSTANCE),
    requests: perMinute,
    memory: Float64Array.from({ length: MINUTES }, (_, m) => 20 + (m % 7)),
    loadColumn: "requests_per_minute",
  };
}

/** SummarizeMetricsData over the last hour of the run, as the function would ask it. */
async function lastHour(fn: FunctionOnEmulator, query: string): Promise<models.MetricData[]> {
  const { monitoring } = createOciClients(loadConfig(fn.oci.functionEnv));
  const endTime = new Date(START + MINUTES * 60_000);
  const response = await monitoring.summarizeMetricsData({
    compartmentId: fn.compartmentId,
    summarizeMetricsDataDetails: {
      namespace: NAMESPACE,
      query: query.replace("<id>", fn.deploymentId),
      startTime: new Date(endTime.getTime() - 60 * 60_000),
      endTime,
      resolution: "1m",
    },
  });
  return response.items;
}

/** Minute of the run → value, summed over the series (one per instance for groupBy(instanceId)). */
function byMinute(items: models.MetricData[]): Map<number, number> {
  const sums = new Map<number, number>();
  for (const item of items) {
    for (const p of item.aggregatedDatapoints) {
      const m = (new Date(p.timestamp).getTime() - START) / 60_000;
      sums.set(m, (sums.get(m) ?? 0) + p.value);
    }
  }
  return sums;
}

describe("this: the deployment's metric history in the emulator's Monitoring", () => {
  it("answers SummarizeMetricsData over the last hour with the plant's load, memory and requests", async () => {
    const read: Record<string, models.MetricData[]> = {};
    const policy = observedThisPolicy({
      beforeClose: async (fn) => {
        read.cpu = await lastHour(fn, 'CpuUtilization[1m]{resourceId = "<id>"}.groupBy(instanceId).mean()');
        read.memory = await lastHour(fn, 'MemoryUtilization[1m]{resourceId = "<id>"}.grouping().mean()');
        read.requests = await lastHour(fn, 'PredictRequestCount[1m]{resourceId = "<id>"}.grouping().sum()');
      },
    });
    const t = trace();
    const assumptions = { ...DEFAULT_ASSUMPTIONS, updateMinutes: 10 };
    const run = await runPolicy(policy, { trace: t, assumptions, initialInstances: 1, config: {} });

    const hour = Array.from({ length: 60 }, (_, i) => MINUTES - 60 + i);
    // The load of a minute: the instances serving × their CPU / 100 (capped at what they serve).
    const load = byMinute(read.cpu ?? []);
    for (const m of hour) {
      const serving = run.serving[m] ?? 0;
      expect((load.get(m) ?? 0) / 100, `minute ${m}`).toBeCloseTo(
        (serving * cpuPercent(t.demand[m] ?? 0, serving)) / 100,
        9,
      );
    }
    expect(new Set(read.cpu?.map((s) => s.dimensions.instanceId)).size).toBe(
      Math.max(...hour.map((m) => run.serving[m] ?? 0)),
    );
    expect([...byMinute(read.memory ?? [])]).toEqual(hour.map((m) => [m, t.memory?.[m]]));
    // PredictRequestCount is not emitted in minutes without requests (100-109).
    expect([...byMinute(read.requests ?? [])]).toEqual(
      hour.filter((m) => requests(m) > 0).map((m) => [m, requests(m)]),
    );
  });
});
