import { describe, expect, it } from "vitest";
import { routeForTitle } from "../../../src/message/alarm-routing";
import { scaleDownAlarmName, scaleDownAlarmQuery } from "../../../src/oci/scale-down-alarms";
import { loadConfig } from "../../../src/policy/config";
import { autoLowRequestsThreshold, scaleDownThreshold } from "../../../src/run/scale-down-thresholds";
import { decideInstanceDown, decideInstanceUp } from "../../../src/scalers";
import { snapshot } from "../../support/snapshot";

const config = loadConfig({ TARGET_REQUESTS_PER_INSTANCE: "600", MAX_INSTANCES: "10", MAX_SCALE_DOWN_STEP: "3" });
const MD = "ocid1.datasciencemodeldeployment.oc1.iad.amaaaaaa1";

describe("routeForTitle: request alarms are instance actions on PredictRequestCount", () => {
  it.each([
    ["model_deployment_high_requests", { action: "instance-up", metric: "PredictRequestCount" }],
    ["model_deployment_low_requests", { action: "instance-down", metric: "PredictRequestCount" }],
    ["model_deployment_high_cpu", { action: "instance-up", metric: "CpuUtilization" }],
    ["model_deployment_low_mem", { action: "shape-down", metric: "MemoryUtilization" }],
  ])("%s", (title, route) => {
    expect(routeForTitle(title, config)).toEqual(route);
  });

  it("follows HIGH_REQUESTS_ALARM_NAME / LOW_REQUESTS_ALARM_NAME, which must differ from the others", () => {
    const custom = loadConfig({ HIGH_REQUESTS_ALARM_NAME: "md-rps-high", LOW_REQUESTS_ALARM_NAME: "md-rps-low" });
    expect(routeForTitle("md-rps-high", custom)).toEqual({ action: "instance-up", metric: "PredictRequestCount" });
    expect(routeForTitle("model_deployment_high_requests", custom)).toBeUndefined();
    expect(() => loadConfig({ HIGH_REQUESTS_ALARM_NAME: "model_deployment_high_cpu" })).toThrow(/must differ/);
  });
});

describe("instance scalers on a request rate: desired = ceil(rate / TARGET_REQUESTS_PER_INSTANCE)", () => {
  it.each([
    { name: "1 instance at 1500/min needs 3", decide: decideInstanceUp, count: 1, rate: 1500, expected: { to: 3 } },
    // ceil(6100 / 600) = 11, capped by MAX_SCALE_UP_STEP 4
    {
      name: "a surge is capped by MAX_SCALE_UP_STEP",
      decide: decideInstanceUp,
      count: 2,
      rate: 6100,
      expected: { to: 6 },
    },
    // 1250 / (2 × 600) = 1.04: inside the 10 % band
    {
      name: "within tolerance nothing changes",
      decide: decideInstanceUp,
      count: 2,
      rate: 1250,
      expected: { reason: "WithinTolerance" },
    },
    {
      name: "a high alarm below the target disagrees",
      decide: decideInstanceUp,
      count: 4,
      rate: 1000,
      expected: { reason: "MetricDisagrees" },
    },
    // ceil(700 / 600) = 2, within MAX_SCALE_DOWN_STEP 3
    { name: "low traffic takes 5 to 2", decide: decideInstanceDown, count: 5, rate: 700, expected: { to: 2 } },
    // no traffic: ceil(0) = 0, at most 3 fewer, never below MIN_INSTANCES
    { name: "no traffic steps down by the step", decide: decideInstanceDown, count: 5, rate: 0, expected: { to: 2 } },
    { name: "without a value, one step", decide: decideInstanceDown, count: 5, rate: undefined, expected: { to: 4 } },
  ])("$name", ({ decide, count, rate, expected }) => {
    const signal = rate === undefined ? {} : { observedRequestsPerMinute: rate };
    expect(decide(snapshot({ instanceCount: count }), config, signal)).toMatchObject(expected);
  });

  it("says what it observed in requests", () => {
    const decision = decideInstanceUp(snapshot({ instanceCount: 1 }), config, { observedRequestsPerMinute: 1500 });
    expect(decision.message).toBe("instances 1 -> 3 (observed 1500 requests/min, target 600 per instance)");
  });

  it("leaves a deployment on OCI's AUTOSCALING policy alone", () => {
    const builtIn = snapshot({ scalingPolicyType: "AUTOSCALING", instanceCount: undefined });
    const decision = decideInstanceUp(builtIn, config, { observedRequestsPerMinute: 6000 });
    expect(decision).toMatchObject({ kind: "no-change", reason: "BuiltInAutoscaling" });
  });
});

describe("the low request alarm", () => {
  it.each([
    // 600 × (n − 1) × 0.9
    { n: 2, threshold: 540 },
    { n: 3, threshold: 1080 },
    { n: 10, threshold: 4860 },
    { n: 1, threshold: 0 },
  ])("at $n instances fires below $threshold requests/min", ({ n, threshold }) => {
    expect(autoLowRequestsThreshold(n, config)).toBe(threshold);
  });

  it("is set for the count a change lands on, whatever LOW_CPU_THRESHOLD says", () => {
    const fixedCpu = loadConfig({ LOW_CPU_THRESHOLD: "10" });
    const change = { change: { instanceCount: 4 } };
    expect(scaleDownThreshold("PredictRequestCount", change, snapshot({ instanceCount: 2 }), fixedCpu)).toBe(1620);
  });

  it("fires below the threshold or when no request was counted at all, with its own display name", () => {
    expect(scaleDownAlarmQuery("PredictRequestCount", MD, 540)).toBe(
      `PredictRequestCount[1m]{resourceId = "${MD}"}.groupBy(resourceId).sum() < 540 || ` +
        `PredictRequestCount[1m]{resourceId = "${MD}"}.groupBy(resourceId).absent(72h) == 1`,
    );
    expect(scaleDownAlarmName("PredictRequestCount", config)).toBe("model_deployment_low_requests");
  });
});
