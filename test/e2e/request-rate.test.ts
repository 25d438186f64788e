import { afterEach, describe, expect, it } from "vitest";
import { EXAMPLE_COMPARTMENT_ID, markStreamsFiring, seedFromAlarmMessage } from "../../emulator/seed-from-alarm";
import { type Harness, readFixture, startHarness } from "./harness";

const DEPLOYMENT = "ocid1.datasciencemodeldeployment.oc1.iad.amaaaaaaexamplemodeldeployment0001";
const STREAM = `PredictRequestCount[1m]{resourceId = "${DEPLOYMENT}"}.groupBy(resourceId)`;
/** Cooldowns off: these tests send one alarm after another, seconds apart. */
const NO_COOLDOWN = { SCALE_UP_COOLDOWN_SECONDS: "0", SCALE_DOWN_COOLDOWN_SECONDS: "0" };

/** The v1.5 high-request fixture with another query and value (the key is the query without its threshold). */
function highRequests(expression: string, value: string): string {
  const message = JSON.parse(readFixture("alarm-high-requests-v1.5.json"));
  const [entry] = message.alarmMetaData;
  entry.query = `${expression} > 600`;
  entry.metricValues = [{ [expression]: value }];
  return JSON.stringify(message);
}

/** The low-request alarm's message as Monitoring sends it when it fires: for the alarm the function created. */
function lowRequestsFor(alarmId: string, query: string): string {
  const message = JSON.parse(readFixture("alarm-low-requests.json"));
  const [entry] = message.alarmMetaData;
  entry.id = alarmId;
  entry.query = query;
  return JSON.stringify(message);
}

function results(response: { body: unknown }): Array<Record<string, unknown>> {
  return (response.body as { results: Array<Record<string, unknown>> }).results;
}

function latencyPoints(harness: Harness, milliseconds: number): void {
  const now = Date.now();
  harness.emulator.seedMetricPoints({
    namespace: "oci_datascience_modeldeploy",
    compartmentId: EXAMPLE_COMPARTMENT_ID,
    name: "PredictLatency",
    dimensions: { resourceId: DEPLOYMENT, result: "Success" },
    points: [3, 2, 1].map((minutesAgo) => ({ timestamp: new Date(now - minutesAgo * 60_000), value: milliseconds })),
  });
}

const summarizeCalls = (harness: Harness) =>
  harness.emulator.requests.filter((r) => r.path.endsWith("/metrics/actions/summarizeMetricsData"));
/** The latency guard's reads: a scale-in also reads the deployment's own history (SCALE_IN_STABILIZATION). */
const latencyReads = (harness: Harness) =>
  summarizeCalls(harness).filter((r) => String((r.body as { query?: string }).query).startsWith("PredictLatency"));

describe("request-rate scaling through the bundled function", () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.stop();
    harness = undefined;
  });

  it("sizes for the request rate, then scales in on the low-request alarm it created when traffic stops", async () => {
    harness = await startHarness(NO_COOLDOWN, { updateDelayMs: null });
    const up = await harness.send("alarm-high-requests-v1.5.json", { deployment: { instanceCount: 1 } });

    // ceil(1500 requests/min / 600 per instance) = 3
    expect(results(up)).toMatchObject([
      { action: "instance-up", outcome: "updated", from: 1, to: 3, scaleDownAlarm: "created" },
    ]);
    expect(results(up)[0]?.reason).toContain("observed 1500 requests/min");
    const low = harness.emulator.getAlarm(results(up)[0]?.scaleDownAlarmId as string);
    // 600 × (3 − 1) × 0.9 = 1080, or no PredictRequestCount at all (no traffic emits none)
    expect(low).toMatchObject({
      displayName: "model_deployment_low_requests",
      query: `${STREAM}.sum() < 1080 || ${STREAM}.absent(72h) == 1`,
      freeformTags: { "autoscale-metric": "PredictRequestCount", "autoscale-deployment-id": DEPLOYMENT },
    });
    expect(summarizeCalls(harness)).toHaveLength(0);

    // The update lands; then traffic stops: the alarm fires on absent(), and its message carries no rate.
    harness.emulator.completeUpdates();
    const text = lowRequestsFor(low?.id as string, low?.query as string);
    markStreamsFiring(harness.emulator, JSON.parse(text));
    const down = await harness.fn.call(text);

    expect(results(down)).toMatchObject([
      { action: "instance-down", outcome: "updated", from: 3, to: 2, scaleDownAlarm: "updated" },
    ]);
    expect(harness.emulator.getAlarm(low?.id as string)?.query).toBe(
      `${STREAM}.sum() < 540 || ${STREAM}.absent(72h) == 1`,
    );
  });

  it.each([
    // 7500 requests in 5 minutes = 1500 a minute: 1 -> 3
    { form: "sum over [5m]", expression: "PredictRequestCount[5m].groupBy(resourceId).sum()", value: "7500", to: 3 },
    // 40 a second = 2400 a minute: 1 -> 4 (MAX_SCALE_UP_STEP 4 allows it)
    { form: "rate() per second", expression: `${STREAM}.rate()`, value: "40", to: 4 },
    // count() counts data points, not requests: one step
    { form: "count(): one step", expression: `${STREAM}.count()`, value: "5000", to: 2 },
  ])("reads $form", async ({ expression, value, to }) => {
    harness = await startHarness({}, { updateDelayMs: null });
    const response = await harness.fn.call(seeded(harness, highRequests(expression, value)));

    expect(results(response)).toMatchObject([{ action: "instance-up", outcome: "updated", from: 1, to }]);
  });

  it("leaves a deployment on OCI's AUTOSCALING policy alone", async () => {
    harness = await startHarness({}, { updateDelayMs: null });
    const policy = { policyType: "AUTOSCALING", isEnabled: true, autoScalingPolicies: [] };
    const response = await harness.send("alarm-high-requests-v1.5.json", { deployment: { scalingPolicy: policy } });

    expect(results(response)).toMatchObject([{ outcome: "skipped", reasonCode: "BuiltInAutoscaling" }]);
    expect(harness.emulator.writes()).toHaveLength(0);
  });

  it("holds a scale-in while PredictLatency is above MAX_LATENCY_MS, and scales in once it is not", async () => {
    harness = await startHarness({ ...NO_COOLDOWN, MAX_LATENCY_MS: "500" }, { updateDelayMs: null });
    latencyPoints(harness, 900);
    const held = await harness.send("alarm-low-requests.json", { deployment: { instanceCount: 3 } });

    expect(results(held)).toMatchObject([{ action: "instance-down", outcome: "skipped", reasonCode: "LatencyGuard" }]);
    expect(results(held)[0]?.reason).toContain("900 ms");
    expect(harness.emulator.writes()).toHaveLength(0);
    expect(latencyReads(harness)).toHaveLength(1);
    expect(latencyReads(harness)[0]?.body).toMatchObject({
      namespace: "oci_datascience_modeldeploy",
      query: `PredictLatency[1m]{resourceId = "${DEPLOYMENT}"}.grouping().mean()`,
    });

    await harness.stop();
    harness = await startHarness({ ...NO_COOLDOWN, MAX_LATENCY_MS: "500" }, { updateDelayMs: null });
    latencyPoints(harness, 200);
    const scaled = await harness.send("alarm-low-requests.json", { deployment: { instanceCount: 3 } });

    expect(results(scaled)).toMatchObject([{ outcome: "updated", from: 3, to: 2 }]);
  });

  it("lets a scale-in through when there is no latency data (no traffic emits none)", async () => {
    harness = await startHarness({ ...NO_COOLDOWN, MAX_LATENCY_MS: "500" }, { updateDelayMs: null });
    const response = await harness.send("alarm-low-requests.json", { deployment: { instanceCount: 3 } });

    expect(results(response)).toMatchObject([{ outcome: "updated", from: 3, to: 2 }]);
    expect(latencyReads(harness)).toHaveLength(1);
  });
});

/** Seeds what the message names (one instance), as harness.send does for a fixture file. */
function seeded(harness: Harness, text: string): string {
  seedFromAlarmMessage(harness.emulator, text, { deployment: { instanceCount: 1 } });
  return text;
}
