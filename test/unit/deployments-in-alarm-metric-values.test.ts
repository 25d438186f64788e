import { describe, expect, it } from "vitest";
import { type AlarmMessage, AlarmMessageSchema } from "../../src/alarm-message";
import { deploymentsInAlarm } from "../../src/deployments-in-alarm";

const A = "ocid1.datasciencemodeldeployment.oc1.iad.amaaaaaaexamplemodeldeployment0001";
const B = "ocid1.datasciencemodeldeployment.oc1.iad.amaaaaaaexamplemodeldeployment0002";
const expr = (id: string) => `CpuUtilization[5m]{resourceId = "${id}"}.mean()`;

function message(metadata: Record<string, unknown>): AlarmMessage {
  return AlarmMessageSchema.parse({
    title: "model_deployment_high_cpu",
    type: "OK_TO_FIRING",
    alarmMetaData: [{ id: "ocid1.alarm.oc1.iad.example", query: "CpuUtilization[5m].mean() > 80", ...metadata }],
  });
}

describe("deploymentsInAlarm with metric values", () => {
  it.each([
    {
      name: "no metric values: no observed utilisation",
      metadata: { dimensions: [{ resourceId: A }] },
      expected: [{ deploymentId: A }],
    },
    {
      name: "a value for the only deployment, expression without resourceId",
      metadata: { dimensions: [{ resourceId: A }], metricValues: [{ "CpuUtilization[5m].mean()": "92.5" }] },
      expected: [{ deploymentId: A, observedUtilization: 92.5 }],
    },
    {
      // Per-instance streams: the deployment's utilisation is their mean.
      name: "per-instance values are averaged per deployment",
      metadata: {
        dimensions: [{ resourceId: A }, { resourceId: A }, { resourceId: B }],
        metricValues: [{ [expr(A)]: "90" }, { [expr(A)]: "100" }, { [expr(B)]: "81" }],
      },
      expected: [
        { deploymentId: A, observedUtilization: 95 },
        { deploymentId: B, observedUtilization: 81 },
      ],
    },
    {
      name: "values naming no deployment in a message naming two are dropped",
      metadata: {
        dimensions: [{ resourceId: A }, { resourceId: B }],
        metricValues: [{ "CpuUtilization[5m].mean()": "90" }, { "CpuUtilization[5m].mean()": "85" }],
      },
      expected: [{ deploymentId: A }, { deploymentId: B }],
    },
    {
      name: "a value that is not a number is ignored",
      metadata: { dimensions: [{ resourceId: A }], metricValues: [{ [expr(A)]: "n/a" }, { [expr(A)]: "" }] },
      expected: [{ deploymentId: A }],
    },
  ])("$name", ({ metadata, expected }) => {
    const targets = deploymentsInAlarm(message(metadata));
    expect(targets).toMatchObject(expected);
    for (const [index, target] of targets.entries()) {
      if (!("observedUtilization" in (expected[index] ?? {}))) expect(target.observedUtilization).toBeUndefined();
    }
  });
});
