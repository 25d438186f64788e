import { afterEach, describe, expect, it } from "vitest";
import { seedFromAlarmMessage } from "../../emulator/seed-from-alarm";
import { type Harness, readFixture, startHarness } from "./harness";

const DEPLOYMENT = "ocid1.datasciencemodeldeployment.oc1.iad.amaaaaaaexamplemodeldeployment0001";

/** The v1.5 fixture with another title and observed value. */
function withValue(title: string, value: string): string {
  const message = JSON.parse(readFixture("alarm-v1.5-metric-values.json"));
  message.title = title;
  const [entry] = message.alarmMetaData;
  entry.metricValues = entry.metricValues.map((v: Record<string, string>) =>
    Object.fromEntries(Object.keys(v).map((k) => [k, value])),
  );
  return JSON.stringify(message);
}

/** The v1.5 fixture re-aimed at another query: its one stream as `dimensions`, its value keyed by the query without the threshold. */
function withQuery(query: string, dimensions: Record<string, string>, value: string): string {
  const message = JSON.parse(readFixture("alarm-v1.5-metric-values.json"));
  const [entry] = message.alarmMetaData;
  entry.query = query;
  entry.dimensions = [dimensions];
  entry.metricValues = [{ [query.replace(/\s*>\s*[\d.]+$/, "")]: value }];
  return JSON.stringify(message);
}

describe("load-proportional instance steps through the bundled function", () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.stop();
    harness = undefined;
  });

  it("adds as many instances as the observed CPU needs for the target", async () => {
    harness = await startHarness({}, { updateDelayMs: null });
    const response = await harness.send("alarm-v1.5-metric-values.json", { deployment: { instanceCount: 3 } });

    // ceil(3 × 92.31 / 60) = ceil(4.62) = 5
    expect(response.body).toMatchObject({
      results: [{ action: "instance-up", outcome: "updated", from: 3, to: 5, reasonCode: "ScaledUp" }],
    });
    expect((response.body as { results: Array<{ reason: string }> }).results[0]?.reason).toContain("observed 92.31%");
  });

  it("removes as many as the load allows, within MAX_SCALE_DOWN_STEP, on a low-CPU alarm", async () => {
    harness = await startHarness({ MAX_SCALE_DOWN_STEP: "10" }, { updateDelayMs: null });
    const text = withValue("model_deployment_low_cpu", "12");
    seedFromAlarmMessage(harness.emulator, text, { deployment: { instanceCount: 6 } });
    const response = await harness.fn.call(text);

    // ceil(6 × 12 / 60) = ceil(1.2) = 2
    expect(response.body).toMatchObject({ results: [{ action: "instance-down", outcome: "updated", from: 6, to: 2 }] });
    const put = harness.emulator.writes().find((r) => r.method === "PUT" && r.path.includes("/modelDeployments/"));
    expect(JSON.stringify(put?.body)).toContain('"instanceCount":2');
  });

  it("takes one step on a max(): the hottest instance is not the deployment's load", async () => {
    harness = await startHarness({}, { updateDelayMs: null });
    // One instance of four at 95 % (mean 54 %): read as the mean it would be ceil(4 × 95 / 60) = 7.
    const text = withQuery(`CpuUtilization[1m]{resourceId = "${DEPLOYMENT}"}.grouping().max() > 80`, {}, "95");
    seedFromAlarmMessage(harness.emulator, text, { deployment: { instanceCount: 4 } });
    const response = await harness.fn.call(text);

    expect(response.body).toMatchObject({
      results: [{ action: "instance-up", outcome: "updated", from: 4, to: 5, reasonCode: "ScaledUp" }],
    });
  });

  it("changes nothing when the observed CPU is within the tolerance of the target", async () => {
    harness = await startHarness({ TARGET_CPU_UTILIZATION: "85" }, { updateDelayMs: null });
    const response = await harness.send("alarm-v1.5-metric-values.json", { deployment: { instanceCount: 2 } });

    expect(response.body).toMatchObject({ results: [{ outcome: "skipped", reasonCode: "WithinTolerance" }] });
    expect(harness.emulator.writes()).toHaveLength(0);
    expect(harness.emulator.getDeployment(DEPLOYMENT)?.deployment.lifecycleState).toBe("ACTIVE");
  });
});
