import { describe, expect, it } from "vitest";
import { type AlarmMessage, AlarmMessageSchema } from "../../../src/message/alarm-message";
import { deploymentsInAlarm } from "../../../src/message/deployments-in-alarm";
import { requestsPerMinute } from "../../../src/message/request-rate";

const A = "ocid1.datasciencemodeldeployment.oc1.iad.amaaaaaaexamplemodeldeployment0001";
const B = "ocid1.datasciencemodeldeployment.oc1.iad.amaaaaaaexamplemodeldeployment0002";
const ONE = `PredictRequestCount[1m]{resourceId = "${A}"}.groupBy(resourceId)`;

describe("requestsPerMinute: the forms of PredictRequestCount values that are a request rate", () => {
  it.each([
    { expression: `${ONE}.sum()`, value: 1500, expected: { perMinute: 1500 } },
    // 7500 requests in 5 minutes
    { expression: "PredictRequestCount[5m].groupBy(resourceId).sum()", value: 7500, expected: { perMinute: 1500 } },
    { expression: "PredictRequestCount[1h].groupBy(resourceId).sum()", value: 6000, expected: { perMinute: 100 } },
    { expression: "PredictRequestCount[1d].grouping().sum()", value: 1440, expected: { perMinute: 1 } },
    // rate() is per second (docs, "Selecting the Statistic for a Query")
    { expression: "PredictRequestCount[5m].groupBy(resourceId).rate()", value: 25, expected: { perMinute: 1500 } },
    { expression: `${ONE}.sum()`, value: 0, expected: { perMinute: 0 } },
  ])("$expression = $value", ({ expression, value, expected }) => {
    expect(requestsPerMinute(expression, value)).toEqual(expected);
  });

  it.each([
    // count() counts data points, mean() is one data point's requests: neither is the deployment's rate.
    { expression: `${ONE}.count()`, why: /count\(\) of PredictRequestCount is not a request rate/ },
    { expression: `${ONE}.mean()`, why: /mean\(\)/ },
    { expression: `${ONE}.max()`, why: /max\(\)/ },
    { expression: `${ONE}.absent()`, why: /absent\(\)/ },
    { expression: `${ONE}.sum() < 540 || ${ONE}.absent()`, why: /joined query/ },
    { expression: "CpuUtilization[1m].sum()", why: /not PredictRequestCount/ },
  ])("$expression gives no rate", ({ expression, why }) => {
    const rate = requestsPerMinute(expression, 10);
    expect(rate).toMatchObject({ unused: expect.stringMatching(why) });
  });

  it("refuses a negative value", () => {
    expect(requestsPerMinute(`${ONE}.sum()`, -1)).toMatchObject({ unused: expect.any(String) });
  });
});

function message(query: string, metadata: Record<string, unknown>): AlarmMessage {
  return AlarmMessageSchema.parse({
    title: "model_deployment_high_requests",
    type: "OK_TO_FIRING",
    alarmMetaData: [{ id: "ocid1.alarm.oc1.iad.example", query, ...metadata }],
  });
}

describe("deploymentsInAlarm for PredictRequestCount", () => {
  it.each([
    {
      name: "a compartment-wide alarm: per-deployment sums paired with dimensions by position",
      query: "PredictRequestCount[5m].groupBy(resourceId).sum() > 3000",
      metadata: {
        dimensions: [{ resourceId: A }, { resourceId: B }],
        metricValues: [
          { "PredictRequestCount[5m].groupBy(resourceId).sum()": "9000" },
          { "PredictRequestCount[5m].groupBy(resourceId).sum()": "4000" },
        ],
      },
      expected: [
        { deploymentId: A, observedRequestsPerMinute: 1800 },
        { deploymentId: B, observedRequestsPerMinute: 800 },
      ],
    },
    {
      // A stream per instance lists only the firing ones: their sum is not the deployment's.
      name: "per-instance streams are not the deployment's rate",
      query: `PredictRequestCount[1m]{resourceId = "${A}"}.sum() > 600`,
      metadata: {
        dimensions: [
          { resourceId: A, instanceId: "i1" },
          { resourceId: A, instanceId: "i2" },
        ],
        metricValues: [
          { [`PredictRequestCount[1m]{resourceId = "${A}"}.sum()`]: "700" },
          { [`PredictRequestCount[1m]{resourceId = "${A}"}.sum()`]: "650" },
        ],
      },
      expected: [{ deploymentId: A, unusedValues: "per-instance streams (no groupBy(resourceId)): one step taken" }],
    },
    {
      name: "a CPU value is no request rate",
      query: "CpuUtilization[5m].groupBy(resourceId).mean() > 80",
      metadata: {
        dimensions: [{ resourceId: A }],
        metricValues: [{ "CpuUtilization[5m].groupBy(resourceId).mean()": "95" }],
      },
      expected: [{ deploymentId: A, unusedValues: "the alarm's metric is CpuUtilization, not PredictRequestCount" }],
    },
  ])("$name", ({ query, metadata, expected }) => {
    expect(deploymentsInAlarm(message(query, metadata), "PredictRequestCount")).toEqual(
      expected.map((e) => ({ firingAlarmId: "ocid1.alarm.oc1.iad.example", ...e })),
    );
  });
});
