import { afterEach, describe, expect, it } from "vitest";
import { EXAMPLE_COMPARTMENT_ID, type SeedOptions, seedFromAlarmMessage } from "../../emulator/seed-from-alarm";
import { ScaleDownAlarmTag } from "../../src/oci/scale-down-alarms";
import { type Harness, readFixture, startHarness } from "./harness";

const FIXTURE = "alarm-compartment-wide-three-deployments.json";
const id = (n: string) => `ocid1.datasciencemodeldeployment.oc1.iad.amaaaaaaexamplemodeldeployment${n}`;
const [PLAIN, CAPPED, OPTED_OUT] = [id("0011"), id("0012"), id("0013")];
const TOPIC = "ocid1.onstopic.oc1.iad.aaaaaaaascalingnews";

/** Three deployments with different shapes and policy tags, all in the one compartment-wide alarm. */
function seedThree(harness: Harness, text: string, seed: SeedOptions = {}): void {
  const { emulator } = harness;
  const common = { compartmentId: EXAMPLE_COMPARTMENT_ID };
  emulator.seedDeployment({
    ...common,
    id: PLAIN,
    shape: "VM.Standard2.1",
    instanceCount: 2,
    // An invalid tag: reported, and the default minimum used.
    freeformTags: { "autoscale-min-instances": "two" },
  });
  emulator.seedDeployment({
    ...common,
    id: CAPPED,
    shape: "VM.Standard.E4.Flex",
    ocpus: 2,
    memoryInGBs: 32,
    instanceCount: 2,
    freeformTags: { "autoscale-max-instances": "3" },
  });
  emulator.seedDeployment({
    ...common,
    id: OPTED_OUT,
    shape: "VM.Standard.A1.Flex",
    instanceCount: 2,
    freeformTags: { "autoscale-enabled": "false" },
  });
  seedFromAlarmMessage(emulator, text, seed);
}

describe("one compartment-wide alarm for many deployments", () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.stop();
    harness = undefined;
  });

  it("decides for each deployment by its own load, shape and tags", async () => {
    harness = await startHarness({}, { updateDelayMs: null });
    const text = readFixture(FIXTURE);
    seedThree(harness, text);

    const response = await harness.fn.call(text);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: "ok",
      results: [
        // ceil(2 × 95.2 / 60) = 4
        {
          deploymentId: PLAIN,
          outcome: "updated",
          from: 2,
          to: 4,
          scaleDownAlarm: "created",
          warnings: [expect.stringContaining('autoscale-min-instances="two" ignored')],
        },
        // ceil(2 × 99.1 / 60) = 4, but the deployment's own maximum is 3
        { deploymentId: CAPPED, outcome: "updated", from: 2, to: 3, scaleDownAlarm: "created" },
        { deploymentId: OPTED_OUT, outcome: "skipped", reasonCode: "AutoscaleDisabled", scaleDownAlarm: "none" },
      ],
    });
    const puts = harness.emulator.writes().filter((r) => r.method === "PUT");
    expect(puts.map((r) => r.path.split("/").pop()).sort()).toEqual([PLAIN, CAPPED].sort());
    const lowAlarms = harness.emulator.alarms().filter((a) => a.displayName === "model_deployment_low_cpu");
    expect(lowAlarms.map((a) => a.freeformTags[ScaleDownAlarmTag.Deployment]).sort()).toEqual([PLAIN, CAPPED].sort());
    expect(harness.emulator.getDeployment(OPTED_OUT)?.deployment.lifecycleState).toBe("ACTIVE");
  });

  it("scales each shape its own way on a compartment-wide memory alarm", async () => {
    harness = await startHarness({}, { updateDelayMs: null });
    const message = JSON.parse(readFixture(FIXTURE));
    message.title = "model_deployment_high_mem";
    message.alarmMetaData[0].query = "MemoryUtilization[5m].groupBy(resourceId).mean() > 80";
    const text = JSON.stringify(message);
    seedThree(harness, text);

    const response = await harness.fn.call(text);

    expect(response.body).toMatchObject({
      results: [
        { deploymentId: PLAIN, action: "shape-up", from: "VM.Standard2.1", to: "VM.Standard2.2" },
        {
          deploymentId: CAPPED,
          action: "shape-up",
          from: "VM.Standard.E4.Flex 2 OCPU 32 GB",
          to: "VM.Standard.E4.Flex 2 OCPU 64 GB",
        },
        { deploymentId: OPTED_OUT, outcome: "skipped", reasonCode: "AutoscaleDisabled" },
      ],
    });
  });

  it("answers for the others when one deployment cannot be read", async () => {
    harness = await startHarness({ MAX_PARALLEL_DEPLOYMENTS: "1" }, { updateDelayMs: null });
    const text = readFixture(FIXTURE);
    seedThree(harness, text);
    harness.emulator.purgeDeployment(PLAIN);

    const response = await harness.fn.call(text);

    expect(response.body).toMatchObject({
      status: "ok",
      results: [
        { deploymentId: PLAIN, outcome: "skipped", reasonCode: "NotFoundOrNotAuthorized" },
        { deploymentId: CAPPED, outcome: "updated", to: 3 },
        { deploymentId: OPTED_OUT, reasonCode: "AutoscaleDisabled" },
      ],
    });
  });

  it("past MAX_DEPLOYMENTS_PER_MESSAGE decides a window and defers the rest to the next REPEAT", async () => {
    harness = await startHarness({ MAX_DEPLOYMENTS_PER_MESSAGE: "2" }, { updateDelayMs: null });
    const message = JSON.parse(readFixture(FIXTURE));
    message.type = "REPEAT";
    // The alarm repeats every minute: successive REPEATs, successive slots.
    seedThree(harness, JSON.stringify(message), { repeatNotificationDuration: "PT1M" });
    const decided = new Set<string>();
    for (const minute of [0, 1]) {
      message.timestampEpochMillis = 1_657_320_300_000 + minute * 60_000;
      const response = await harness.fn.call(JSON.stringify(message));
      const results = (response.body as { results: Array<{ deploymentId: string; reasonCode: string }> }).results;
      expect(results).toHaveLength(3);
      const deferred = results.filter((r) => r.reasonCode === "DeferredTooMany");
      expect(deferred).toHaveLength(1);
      for (const r of results.filter((r) => r.reasonCode !== "DeferredTooMany")) decided.add(r.deploymentId);
    }
    expect([...decided].sort()).toEqual([PLAIN, CAPPED, OPTED_OUT].sort());
  });

  it("past MAX_DEPLOYMENTS_PER_MESSAGE decides every deployment when the alarm sends no REPEAT", async () => {
    harness = await startHarness({ MAX_DEPLOYMENTS_PER_MESSAGE: "2" }, { updateDelayMs: null });
    const text = readFixture(FIXTURE);
    // No repeatNotificationDuration (OCI's default): a deployment deferred now would never be decided.
    seedThree(harness, text);

    const response = await harness.fn.call(text);

    expect(response.body).toMatchObject({
      status: "ok",
      results: [
        { deploymentId: PLAIN, outcome: "updated", from: 2, to: 4 },
        { deploymentId: CAPPED, outcome: "updated", from: 2, to: 3 },
        { deploymentId: OPTED_OUT, outcome: "skipped", reasonCode: "AutoscaleDisabled" },
      ],
    });
  });

  it("past MAX_DEPLOYMENTS_PER_MESSAGE keeps the bound when the firing alarm cannot be read (nothing could be written)", async () => {
    harness = await startHarness({ MAX_DEPLOYMENTS_PER_MESSAGE: "2" }, { updateDelayMs: null });
    const text = readFixture(FIXTURE);
    seedThree(harness, text);
    harness.emulator.faults.add({ method: "GET", path: "/alarms/", status: 404, times: Number.POSITIVE_INFINITY });

    const response = await harness.fn.call(text);

    const results = (response.body as { results: Array<{ reasonCode: string }> }).results;
    expect(results.filter((r) => r.reasonCode === "DeferredTooMany")).toHaveLength(1);
    expect(
      harness.emulator.requests.filter((r) => r.method === "GET" && r.path.includes("/modelDeployments/")),
    ).toHaveLength(2);
    expect(harness.emulator.writes().filter((w) => w.status !== 0 && w.method !== "POST")).toHaveLength(0);
  });

  it("without REPEATs reports, logs and tells people of the deployments the deadline left undecided", async () => {
    const config = { MAX_DEPLOYMENTS_PER_MESSAGE: "2", OCI_REQUEST_TIMEOUT_SECONDS: "5", NOTIFY_TOPIC_ID: TOPIC };
    harness = await startHarness(config, { updateDelayMs: null });
    const text = readFixture(FIXTURE);
    seedThree(harness, text);
    // Answer due 3.5 s from now (Fn-Deadline less the answer margin): less than one 5 s request time-out, so
    // no deployment is started; nothing waits for real time to pass.
    const deadline = new Date(Date.now() + 5_000);

    const response = await harness.fn.call(text, { "Fn-Deadline": deadline.toISOString() });

    const undecided = { outcome: "skipped", reasonCode: "NotDecidedBeforeDeadline", notification: "sent" };
    expect(response.body).toMatchObject({
      status: "ok",
      results: [PLAIN, CAPPED, OPTED_OUT].map((deploymentId) => ({ deploymentId, ...undecided })),
    });
    expect(harness.emulator.writes().filter((w) => w.method === "PUT")).toEqual([]);
    const decisions = harness.fn.logLines().filter((line) => line.event === "decision");
    expect(decisions).toEqual(
      [PLAIN, CAPPED, OPTED_OUT].map((deploymentId) => expect.objectContaining({ deploymentId, ...undecided })),
    );
    const published = harness.emulator.publishedMessages(TOPIC);
    expect(published).toHaveLength(1);
    expect(published[0]?.title).toBe("3 model deployment(s) not decided: NotDecidedBeforeDeadline");
    for (const id of [PLAIN, CAPPED, OPTED_OUT]) expect(published[0]?.body).toContain(id);
    expect(decisions[0]?.notificationMessageId).toBe(published[0]?.messageId);
  });
});
