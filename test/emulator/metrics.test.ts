/** SummarizeMetricsData over seeded points, driven by the real OCI SDK. */
import type { models } from "oci-monitoring";
import { describe, expect, it } from "vitest";
import { rejection, useEmulator } from "../../emulator/fixture";

const suite = useEmulator({ clock: () => Date.parse("2026-03-01T11:00:00Z") });
const namespace = "oci_datascience_modeldeploy";
const md1 = "ocid1.datasciencemodeldeployment.oc1.iad.md1";
const md2 = "ocid1.datasciencemodeldeployment.oc1.iad.md2";
let compartmentCounter = 0;

/** Seeds per-minute CpuUtilization from 10:00 for three instances (two of md1, one of md2). */
function seedCpu(): string {
  const compartmentId = `ocid1.compartment.oc1..metrics${++compartmentCounter}`;
  const minutes = (values: number[]) =>
    values.map((value, i) => ({ timestamp: new Date(Date.parse("2026-03-01T10:00:00Z") + i * 60_000), value }));
  const seed = (dimensions: Record<string, string>, values: number[]) =>
    suite.emulator.seedMetricPoints({
      namespace,
      compartmentId,
      name: "CpuUtilization",
      dimensions,
      points: minutes(values),
      metadata: { unit: "percent" },
    });
  seed({ resourceId: md1, instanceId: "a" }, [10, 20, 30, 40, 50, 60]);
  seed({ resourceId: md1, instanceId: "b" }, [30, 40, 50, 60, 70, 80]);
  seed({ resourceId: md2, instanceId: "c" }, [90, 90, 90, 90, 90, 90]);
  return compartmentId;
}

async function summarize(
  compartmentId: string,
  details: Partial<models.SummarizeMetricsDataDetails>,
  compartmentIdInSubtree?: boolean,
) {
  const response = await suite.mon().summarizeMetricsData({
    compartmentId,
    compartmentIdInSubtree,
    summarizeMetricsDataDetails: {
      namespace,
      query: "",
      startTime: new Date("2026-03-01T10:00:00Z"),
      endTime: new Date("2026-03-01T11:00:00Z"),
      ...details,
    },
  });
  return response.items;
}

const values = (data: models.MetricData | undefined) => data?.aggregatedDatapoints.map((p) => p.value);

describe("SummarizeMetricsData", () => {
  it("without grouping answers one MetricData per stream", async () => {
    const compartmentId = seedCpu();
    const items = await summarize(compartmentId, { query: `CpuUtilization[1m]{resourceId = "${md1}"}.mean()` });
    expect(items).toHaveLength(2);
    expect(items[0]).toEqual({
      namespace,
      compartmentId,
      name: "CpuUtilization",
      dimensions: { resourceId: md1, instanceId: "a" },
      metadata: { unit: "percent" },
      resolution: "1m",
      aggregatedDatapoints: [10, 20, 30, 40, 50, 60].map((value, i) => ({
        timestamp: new Date(Date.parse("2026-03-01T10:00:00Z") + i * 60_000).toISOString(),
        value,
      })),
    });
    expect(values(items[1])).toEqual([30, 40, 50, 60, 70, 80]);
    expect(suite.emulator.requests.at(-1)).toMatchObject({
      path: "/20180401/metrics/actions/summarizeMetricsData",
      query: { compartmentId },
    });
  });

  it("groupBy and grouping() take the statistic across the group's streams, per epoch-aligned interval", async () => {
    const compartmentId = seedCpu();
    const byDeployment = await summarize(compartmentId, { query: "CpuUtilization[5m].groupBy(resourceId).max()" });
    expect(byDeployment.map((d) => d.dimensions)).toEqual([{ resourceId: md1 }, { resourceId: md2 }]);
    expect(byDeployment[0]?.aggregatedDatapoints).toEqual([
      { timestamp: "2026-03-01T10:00:00.000Z", value: 70 },
      { timestamp: "2026-03-01T10:05:00.000Z", value: 80 },
    ]);
    const all = await summarize(compartmentId, { query: "CpuUtilization[1h].grouping().mean()" });
    expect(all).toHaveLength(1);
    expect(all[0]?.dimensions).toEqual({});
    expect(all[0]?.resolution).toBe("1h");
    expect(values(all[0])).toEqual([(210 + 330 + 540) / 18]);
  });

  it("evaluates mean, max, min, sum and count", async () => {
    const compartmentId = seedCpu();
    const filter = `{resourceId = "${md1}", instanceId = "a"}`;
    const stat = async (name: string) =>
      values((await summarize(compartmentId, { query: `CpuUtilization[1h]${filter}.${name}()` }))[0]);
    expect(await stat("mean")).toEqual([35]);
    expect(await stat("max")).toEqual([60]);
    expect(await stat("min")).toEqual([10]);
    expect(await stat("sum")).toEqual([210]);
    expect(await stat("count")).toEqual([6]);
  });

  it("includes startTime and excludes endTime; other compartments and namespaces are not read", async () => {
    const compartmentId = seedCpu();
    const items = await summarize(compartmentId, {
      query: `CpuUtilization[1m]{instanceId = "a"}.mean()`,
      startTime: new Date("2026-03-01T10:01:00Z"),
      endTime: new Date("2026-03-01T10:03:00Z"),
      resolution: "1m",
    });
    expect(values(items[0])).toEqual([20, 30]);
    expect(await summarize("ocid1.compartment.oc1..empty", { query: "CpuUtilization[1m].mean()" })).toEqual([]);
    const fromTenancy = await summarize(
      "ocid1.tenancy.oc1..t",
      { query: "CpuUtilization[1h].grouping().count()" },
      true,
    );
    expect(values(fromTenancy[0])).toEqual([18 * compartmentCounter]);
    expect(suite.emulator.requests.at(-1)?.query).toEqual({
      compartmentId: "ocid1.tenancy.oc1..t",
      compartmentIdInSubtree: "true",
    });
    expect(
      await summarize(compartmentId, { namespace: "oci_computeagent", query: "CpuUtilization[1m].mean()" }),
    ).toEqual([]);
  });

  it("400 InvalidParameter for MQL the emulator does not understand, and for a resolution unlike the interval", async () => {
    const compartmentId = seedCpu();
    for (const query of [
      "CpuUtilization[1m].mean() > 80",
      "CpuUtilization[1m].percentile(0.9)",
      'CpuUtilization[1m]{resourceId =~ "ocid1.*"}.mean()',
      "CpuUtilization[1m].rate()",
      "CpuUtilization.mean()",
    ]) {
      const error = await rejection(summarize(compartmentId, { query }));
      expect(error).toMatchObject({ statusCode: 400, serviceCode: "InvalidParameter" });
      expect((error as Error).message).toMatch(/emulator does not understand/);
    }
    expect(await rejection(summarize(compartmentId, { query: "CpuUtilization[90m].mean()" }))).toMatchObject({
      statusCode: 400,
    });
    const sliding = summarize(compartmentId, { query: "CpuUtilization[5m].mean()", resolution: "1m" });
    expect(await rejection(sliding)).toMatchObject({ statusCode: 400, message: expect.stringMatching(/resolution/) });
  });
});
