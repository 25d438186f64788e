import { describe, expect, it } from "vitest";
import { type AlarmMessage, AlarmMessageSchema } from "../../src/message/alarm-message";
import { deploymentsInAlarm } from "../../src/message/deployments-in-alarm";
import type { ScalingMetric } from "../../src/results/decision";

const A = "ocid1.datasciencemodeldeployment.oc1.iad.amaaaaaaexamplemodeldeployment0001";
const B = "ocid1.datasciencemodeldeployment.oc1.iad.amaaaaaaexamplemodeldeployment0002";
const C = "ocid1.datasciencemodeldeployment.oc1.iad.amaaaaaaexamplemodeldeployment0003";
const INSTANCE = (n: number) => `ocid1.datasciencemodeldeploymentinstance.oc1.iad.amaaaaaainstance${n}`;
const GROUPED = "CpuUtilization[5m].groupBy(resourceId).mean()";

function message(query: string, metadata: Record<string, unknown>): AlarmMessage {
  return AlarmMessageSchema.parse({
    title: "model_deployment_high_cpu",
    type: "OK_TO_FIRING",
    alarmMetaData: [{ id: "ocid1.alarm.oc1.iad.example", query, ...metadata }],
  });
}

/** Every entry keyed by the query without its threshold, in the order of dimensions: as OCI sends them. */
const values = (key: string, ...texts: string[]) => texts.map((text) => ({ [key]: text }));

describe("deploymentsInAlarm with metric values as OCI sends them", () => {
  it.each([
    {
      name: "a compartment-wide grouped alarm: values pair with dimensions by position",
      query: `${GROUPED} > 80`,
      metadata: {
        dimensions: [{ resourceId: A }, { resourceId: B }, { resourceId: C }],
        metricValues: values(GROUPED, "95.2", "99.1", "85.4"),
      },
      expected: [
        { deploymentId: A, observedUtilization: 95.2 },
        { deploymentId: B, observedUtilization: 99.1 },
        { deploymentId: C, observedUtilization: 85.4 },
      ],
    },
    {
      name: "a per-deployment grouped alarm",
      query: `CpuUtilization[5m]{resourceId = "${A}"}.groupBy(resourceId).mean() > 80`,
      metadata: {
        dimensions: [{ resourceId: A }],
        metricValues: values(`CpuUtilization[5m]{resourceId = "${A}"}.groupBy(resourceId).mean()`, "92.5"),
      },
      expected: [{ deploymentId: A, observedUtilization: 92.5 }],
    },
    {
      // One instance at 95 % of four would otherwise read as a deployment at 95 %: 4 -> 7.
      name: "per-instance streams list only the firing instances: no utilization, one step",
      query: `CpuUtilization[5m]{resourceId = "${A}"}.mean() > 80`,
      metadata: {
        dimensions: [{ resourceId: A, instanceId: INSTANCE(1) }],
        metricValues: values(`CpuUtilization[5m]{resourceId = "${A}"}.mean()`, "95"),
      },
      expected: [{ deploymentId: A, unusedValues: "per-instance streams (no groupBy(resourceId)): one step taken" }],
    },
    {
      // The docs' own grouped example: four streams of one resource, none naming an instance.
      name: "several streams of one deployment are its instances, whatever their dimensions",
      query: "CpuUtilization[1m].mean() > 90",
      metadata: {
        dimensions: [{ resourceId: A, shape: "x" }, { resourceId: A }, { resourceId: A }],
        metricValues: values("CpuUtilization[1m].mean()", "92", "95", "93"),
      },
      expected: [{ deploymentId: A, unusedValues: "per-instance streams (no groupBy(resourceId)): one step taken" }],
    },
    {
      name: "a stream without instanceId is the whole deployment even without groupBy",
      query: `CpuUtilization[5m]{resourceId = "${A}"}.mean() > 80`,
      metadata: {
        dimensions: [{ resourceId: A }],
        metricValues: values(`CpuUtilization[5m]{resourceId = "${A}"}.mean()`, "88"),
      },
      expected: [{ deploymentId: A, observedUtilization: 88 }],
    },
    {
      name: "grouping(): no resourceId in dimensions, the deployment named in the query and the key",
      query: `CpuUtilization[5m]{resourceId = "${A}"}.grouping().mean() > 80`,
      metadata: {
        dimensions: [{}],
        metricValues: values(`CpuUtilization[5m]{resourceId = "${A}"}.grouping().mean()`, "91"),
      },
      expected: [{ deploymentId: A, observedUtilization: 91 }],
    },
    {
      // One instance at 95 % of four (mean 54 %) is the deployment's max(): read as its mean, 4 -> 7.
      name: "a max() of the whole deployment is its hottest instance, not its load: one step",
      query: `CpuUtilization[1m]{resourceId = "${A}"}.grouping().max() > 80`,
      metadata: {
        dimensions: [{}],
        metricValues: values(`CpuUtilization[1m]{resourceId = "${A}"}.grouping().max()`, "95"),
      },
      expected: [{ deploymentId: A, unusedValues: "statistic max() is not the deployment's mean: one step taken" }],
    },
    {
      name: "lists of different lengths: only a resourceId named in the key attributes a value",
      query: `${GROUPED} > 80`,
      metadata: {
        dimensions: [{ resourceId: A }, { resourceId: B }],
        metricValues: values(GROUPED, "90"),
      },
      expected: [{ deploymentId: A }, { deploymentId: B }],
    },
    ...["max()", "min()", "percentile(0.9)", "sum()", "count()", "rate()", "absent()"].map((call) => ({
      name: `${call} of a grouped stream is not the deployment's mean: one step`,
      query: `CpuUtilization[5m].groupBy(resourceId).${call} > 1`,
      metadata: {
        dimensions: [{ resourceId: A }],
        metricValues: values(`CpuUtilization[5m].groupBy(resourceId).${call}`, "70"),
      },
      expected: [
        {
          deploymentId: A,
          unusedValues: `statistic ${call.replace(/\(.*/, "")}() is not the deployment's mean: one step taken`,
        },
      ],
    })),
    {
      name: "another metric's value is not used for CPU",
      query: "MemoryUtilization[5m].groupBy(resourceId).mean() > 80",
      metadata: {
        dimensions: [{ resourceId: A }],
        metricValues: values("MemoryUtilization[5m].groupBy(resourceId).mean()", "97"),
      },
      expected: [{ deploymentId: A, unusedValues: "the alarm's metric is MemoryUtilization, not CpuUtilization" }],
    },
    {
      name: "values are clamped to 0-100",
      query: `${GROUPED} > 80`,
      metadata: {
        dimensions: [{ resourceId: A }, { resourceId: B }],
        metricValues: values(GROUPED, "100000", "-3"),
      },
      expected: [
        { deploymentId: A, observedUtilization: 100 },
        { deploymentId: B, observedUtilization: 0 },
      ],
    },
    {
      name: "a value that is not a number is not used",
      query: `${GROUPED} > 80`,
      metadata: { dimensions: [{ resourceId: A }], metricValues: values(GROUPED, "n/a") },
      expected: [{ deploymentId: A, unusedValues: 'value "n/a" is not a number' }],
    },
    {
      name: "a numeric value is read as the number",
      query: `${GROUPED} > 80`,
      metadata: { dimensions: [{ resourceId: A }], metricValues: [{ [GROUPED]: 95.2 }] },
      expected: [{ deploymentId: A, observedUtilization: 95.2 }],
    },
    {
      // The null is dropped but its entry keeps its place, so B's value still pairs with B.
      name: "a null value is dropped: that deployment takes one step, the others are read",
      query: `${GROUPED} > 80`,
      metadata: {
        dimensions: [{ resourceId: A }, { resourceId: B }],
        metricValues: [{ [GROUPED]: null }, { [GROUPED]: "90" }],
      },
      expected: [{ deploymentId: A }, { deploymentId: B, observedUtilization: 90 }],
    },
    {
      name: "upper-case OCIDs are read lower-cased",
      query: `${GROUPED} > 80`,
      metadata: { dimensions: [{ resourceId: A.toUpperCase() }], metricValues: values(GROUPED, "90") },
      expected: [{ deploymentId: A, observedUtilization: 90 }],
    },
  ])("$name", ({ query, metadata, expected }) => {
    expect(deploymentsInAlarm(message(query, metadata), "CpuUtilization")).toEqual(
      expected.map((e) => ({ firingAlarmId: "ocid1.alarm.oc1.iad.example", ...e })),
    );
  });

  it("a memory action reads memory values", () => {
    const metric: ScalingMetric = "MemoryUtilization";
    const key = "MemoryUtilization[5m].groupBy(resourceId).mean()";
    const targets = deploymentsInAlarm(
      message(`${key} > 80`, { dimensions: [{ resourceId: A }], metricValues: values(key, "93") }),
      metric,
    );
    expect(targets).toMatchObject([{ deploymentId: A, observedUtilization: 93 }]);
  });
});
