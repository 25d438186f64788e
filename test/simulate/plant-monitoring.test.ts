import { describe, expect, it } from "vitest";
import { alarmMessage, queryWithoutThreshold } from "../../commands/simulate/alarm-message";
import { AlarmEvaluator, parseQuery, windowValue } from "../../commands/simulate/monitoring";
import { Plant } from "../../commands/simulate/plant";

describe("plant", () => {
  it("CPU per minute is the load over the serving instances' capacity, at most 100 %", () => {
    const plant = new Plant(Float64Array.from([1, 3, 0.5]), 2, 10);
    expect([0, 1, 2].map((m) => plant.advance(m))).toEqual([50, 100, 25]);
  });

  it("an update keeps the deployment UPDATING for the update time; the new count serves only at its end", () => {
    const plant = new Plant(new Float64Array(20).fill(3), 2, 5);
    plant.advance(0);
    plant.advance(1);
    expect(plant.submit(4)).toBe(true);
    expect(plant.lifecycleState).toBe("UPDATING");
    // A second update while UPDATING is refused, as OCI answers 409.
    expect(plant.submit(5)).toBe(false);
    for (let m = 2; m <= 6; m++) plant.advance(m);
    expect(plant.serving).toBe(4);
    expect(plant.lastActiveMinute).toBe(6);
    expect(Array.from(plant.servingByMinute.slice(0, 7))).toEqual([2, 2, 2, 2, 2, 2, 4]);
    // Old and new instances are both billed while the update runs.
    expect(Array.from(plant.billedByMinute.slice(0, 7))).toEqual([2, 4, 4, 4, 4, 4, 4]);
    expect(plant.updates).toEqual([{ minute: 1, from: 2, to: 4, doneMinute: 6 }]);
  });

  it("a scale-in keeps the old instances serving (zero downtime) until the update ends", () => {
    const plant = new Plant(new Float64Array(5).fill(1), 3, 2);
    plant.advance(0);
    plant.submit(1);
    plant.advance(1);
    expect(plant.serving).toBe(3);
    plant.advance(2);
    expect(plant.serving).toBe(1);
  });

  it("a change that keeps the count (a shape change) still makes the deployment UPDATING", () => {
    const plant = new Plant(new Float64Array(5).fill(1), 2, 2);
    plant.advance(0);
    expect(plant.submit(2)).toBe(false);
    expect(plant.submit(2, true)).toBe(true);
    expect(plant.lifecycleState).toBe("UPDATING");
  });
});

describe("monitoring evaluation", () => {
  it("parses the queries of setup, the function and the peers", () => {
    expect(parseQuery('CpuUtilization[5m]{resourceId = "ocid1.x"}.groupBy(resourceId).mean() > 80')).toEqual({
      metric: "CpuUtilization",
      windowMinutes: 5,
      resourceId: "ocid1.x",
      statistic: "mean",
      above: true,
      threshold: 80,
      expression: 'CpuUtilization[5m]{resourceId = "ocid1.x"}.groupBy(resourceId).mean()',
    });
    expect(parseQuery("CpuUtilization[1m].grouping().max() < 10.5")?.threshold).toBe(10.5);
    expect(parseQuery("CpuUtilization[1m].rate() > 1")).toBeUndefined();
  });

  it("takes the window's statistic over the minutes ending now", () => {
    const series = [10, 20, 30, 40, 50, 60];
    expect(windowValue(series, 5, 5, "mean")).toBe(40);
    expect(windowValue(series, 1, 5, "mean")).toBe(15);
    expect(windowValue(series, 5, 3, "max")).toBe(60);
    expect(windowValue(series, 5, 3, "min")).toBe(40);
  });

  it("fires after the pending duration, repeats at its interval while breaching, and clears", () => {
    const alarm = {
      id: "a",
      query: "CpuUtilization[1m].grouping().mean() > 80",
      pendingDuration: "PT3M",
      repeatNotificationDuration: "PT5M",
    };
    const cpu = [90, 90, 90, 90, 90, 90, 90, 90, 90, 50, 50];
    const evaluator = new AlarmEvaluator();
    const sent = cpu.map((_, m) => evaluator.evaluate(alarm, () => cpu, m)?.type ?? "-");
    expect(sent).toEqual(["-", "-", "OK_TO_FIRING", "-", "-", "-", "-", "REPEAT", "-", "FIRING_TO_OK", "-"]);
  });

  it("PT1M fires at the first breaching evaluation; no repeat interval means no repeats; disabled alarms never fire", () => {
    const query = "CpuUtilization[1m].grouping().mean() < 10";
    const cpu = [5, 5, 5];
    const evaluator = new AlarmEvaluator();
    expect(
      cpu.map((_, m) => evaluator.evaluate({ id: "b", query, pendingDuration: "PT1M" }, () => cpu, m)?.type),
    ).toEqual(["OK_TO_FIRING", undefined, undefined]);
    expect(new AlarmEvaluator().evaluate({ id: "c", query, isEnabled: false }, () => cpu, 0)).toBeUndefined();
  });
});

describe("alarm message (OCI's real format)", () => {
  const alarm = {
    id: "ocid1.alarm.oc1.iad.aaaa",
    displayName: "model_deployment_high_cpu",
    severity: "WARNING",
    namespace: "oci_datascience_modeldeploy",
    query: "CpuUtilization[5m].groupBy(resourceId).mean() > 80",
  };
  const streams = [
    { dimensions: { resourceId: "ocid1.datasciencemodeldeployment.oc1.iad.a" }, value: 95.2 },
    { dimensions: { resourceId: "ocid1.datasciencemodeldeployment.oc1.iad.b" }, value: 81 },
  ];

  it("one metricValues entry per dimensions entry, in order, keyed by the query without its threshold, values as strings", () => {
    const message = alarmMessage(alarm, "OK_TO_FIRING", streams, new Date("2026-03-02T08:00:00Z"));
    expect(message.version).toBe(1.5);
    const [meta] = message.alarmMetaData as Record<string, unknown>[];
    expect(meta?.dimensions).toEqual(streams.map((s) => s.dimensions));
    expect(meta?.metricValues).toEqual([
      { "CpuUtilization[5m].groupBy(resourceId).mean()": "95.20" },
      { "CpuUtilization[5m].groupBy(resourceId).mean()": "81.00" },
    ]);
    expect(meta?.status).toBe("FIRING");
    expect(message.timestampEpochMillis).toBe(Date.parse("2026-03-02T08:00:00Z"));
  });

  it("keeps the query's own filter in the key, and FIRING_TO_OK lists no streams", () => {
    expect(queryWithoutThreshold('CpuUtilization[5m]{resourceId = "x"}.groupBy(resourceId).mean() < 10.5')).toBe(
      'CpuUtilization[5m]{resourceId = "x"}.groupBy(resourceId).mean()',
    );
    const [meta] = alarmMessage(alarm, "FIRING_TO_OK", streams, new Date()).alarmMetaData as Record<string, unknown>[];
    expect(meta).toMatchObject({ status: "OK", dimensions: [], metricValues: [], totalMetricsFiring: 0 });
  });

  it("repeats of one firing episode share the dedupeKey; deliveries differ by timestamp", () => {
    const start = Date.parse("2026-03-02T08:00:00Z");
    const first = alarmMessage(alarm, "OK_TO_FIRING", streams, new Date(start), start);
    const repeat = alarmMessage(alarm, "REPEAT", streams, new Date(start + 300_000), start);
    expect(repeat.dedupeKey).toBe(first.dedupeKey);
    expect(repeat.timestampEpochMillis).not.toBe(first.timestampEpochMillis);
  });
});
