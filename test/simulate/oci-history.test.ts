import type { models } from "oci-monitoring";
import { describe, expect, it } from "vitest";
import { historyToRaw, readHistory } from "../../commands/simulate/oci-history";
import { toTrace } from "../../commands/simulate/resample";
import { startLocalOci } from "../../emulator/local-oci";
import { createOciClients } from "../../src/oci/clients";
import { loadConfig } from "../../src/policy/config";

const COMPARTMENT = "ocid1.compartment.oc1..history";
const from = Date.parse("2026-03-02T00:00:00Z");
const at = (m: number) => new Date(from + m * 60_000);
const stream = (dimensions: Record<string, string>, values: number[]): models.MetricData => ({
  namespace: "oci_datascience_modeldeploy",
  compartmentId: "ocid1.compartment.oc1..x",
  name: "CpuUtilization",
  dimensions,
  aggregatedDatapoints: values.map((value, m) => ({ timestamp: at(m), value })),
});

describe("--oci: a deployment's history as a trace", () => {
  it("sums the instances' CPU per minute into load, and counts the instances that reported", () => {
    const cpu = [stream({ instanceId: "a" }, [50, 80, 20]), stream({ instanceId: "b" }, [70, 60])];
    const memory = [stream({}, [30, 31, 32])];
    const { raw, minutesWithoutCpu, perInstance } = historyToRaw(cpu, memory, 5, from, from + 4 * 60_000);
    expect(perInstance).toBe(true);
    expect(raw.rows.map((r) => [r.load, r.instances, r.memory])).toEqual([
      [1.2, 2, 30],
      [1.4, 2, 31],
      [0.2, 1, 32],
      [0, 1, 0],
    ]);
    expect(minutesWithoutCpu).toBe(1);
    expect(Array.from(toTrace(raw, "h").demand)).toEqual([1.2, 1.4, 0.2, 0]);
  });

  it("without instanceId streams, takes the deployment's current count for the whole history", () => {
    const { raw, perInstance } = historyToRaw([stream({ resourceId: "d" }, [40, 40])], [], 3, from, from + 2 * 60_000);
    expect(perInstance).toBe(false);
    expect(raw.rows.map((r) => [Math.round(r.load * 1000) / 1000, r.instances])).toEqual([
      [1.2, 3],
      [1.2, 3],
    ]);
  });

  it("reads SummarizeMetricsData from the emulator with the real SDK clients", async () => {
    const oci = await startLocalOci();
    try {
      Object.assign(process.env, oci.auth.env);
      const clients = createOciClients(loadConfig(oci.functionEnv));
      const deployment = oci.emulator.seedDeployment({ compartmentId: COMPARTMENT, instanceCount: 2 });
      const now = Date.parse("2026-03-02T03:00:00Z");
      const start = now - 120 * 60_000;
      const minutes = Array.from({ length: 120 }, (_, m) => new Date(start + m * 60_000));
      // Two instances for the first hour at 50 % and 70 %, then one of them alone at 90 %.
      const instance = (id: string, value: (m: number) => number | undefined) =>
        oci.emulator.seedMetricPoints({
          namespace: "oci_datascience_modeldeploy",
          compartmentId: COMPARTMENT,
          name: "CpuUtilization",
          dimensions: { resourceId: deployment.id, instanceId: id },
          points: minutes.flatMap((timestamp, m) => {
            const v = value(m);
            return v === undefined ? [] : [{ timestamp, value: v }];
          }),
        });
      instance("a", (m) => (m < 60 ? 50 : 90));
      instance("b", (m) => (m < 60 ? 70 : undefined));
      // Requests in the first hour only: PredictRequestCount has no point without traffic.
      oci.emulator.seedMetricPoints({
        namespace: "oci_datascience_modeldeploy",
        compartmentId: COMPARTMENT,
        name: "PredictRequestCount",
        dimensions: { resourceId: deployment.id },
        points: minutes.slice(0, 60).map((timestamp) => ({ timestamp, value: 100 })),
      });

      const history = await readHistory(clients, deployment.id, 2 / 24, now);

      expect(history.instancesFrom).toBe("instanceId streams");
      expect(history.minutesWithoutCpu).toBe(0);
      const demand = Array.from(history.trace.demand);
      expect(demand).toHaveLength(120);
      expect(demand[0]).toBeCloseTo(1.2);
      expect(demand[119]).toBeCloseTo(0.9);
      // The trace carries them for `this`, which replays them into its own emulator's Monitoring.
      expect([history.trace.requests?.[0], history.trace.requests?.[59], history.trace.requests?.[60]]).toEqual([
        100, 100, 0,
      ]);
      const requests = oci.emulator.requests.filter((r) => r.path.endsWith("/summarizeMetricsData"));
      expect(requests.every((r) => r.signatureValid)).toBe(true);
      expect(requests.map((r) => (r.body as { query: string }).query)).toContain(
        `CpuUtilization[1m]{resourceId = "${deployment.id}"}.groupBy(instanceId).mean()`,
      );
    } finally {
      await oci.close();
    }
  });
});
