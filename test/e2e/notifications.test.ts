import { afterEach, describe, expect, it } from "vitest";
import { autoscalingPolicy } from "../../emulator/realistic-seed";
import { type Harness, readFixture, startHarness } from "./harness";

const DEPLOYMENT = "ocid1.datasciencemodeldeployment.oc1.iad.amaaaaaaexamplemodeldeployment0001";
const CPU_UP = "test-alarm-scale-cpu-up.json";
const MEM_UP = "test-alarm-scale-mem-up.json";
const TOPIC = "ocid1.onstopic.oc1.iad.aaaaaaaascalingnews";
const NOTIFY = { NOTIFY_TOPIC_ID: TOPIC };

function asRepeat(fixture: string): string {
  return JSON.stringify({ ...JSON.parse(readFixture(fixture)), type: "REPEAT" });
}

describe("change notifications (NOTIFY_TOPIC_ID)", () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.stop();
    harness = undefined;
  });

  it("publishes one readable message per change, and none for its duplicate delivery", async () => {
    harness = await startHarness(NOTIFY, { updateDelayMs: null });

    const first = await harness.send(CPU_UP, { deployment: { displayName: "fraud-model", instanceCount: 2 } });
    const again = await harness.fn.call(readFixture(CPU_UP));

    expect(first.body).toMatchObject({ results: [{ outcome: "updated", from: 2, to: 3, notification: "sent" }] });
    expect(again.body).toMatchObject({ results: [{ reasonCode: "NotActive", notification: "none" }] });
    const published = harness.emulator.publishedMessages(TOPIC);
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({ messageType: "RAW_TEXT", title: "fraud-model scaled up: instances 2 -> 3" });
    const body = published[0]?.body ?? "";
    expect(body).toContain("Model deployment fraud-model was scaled up: instances 2 -> 3.");
    expect(body).toMatch(/^Why: instances 2 -> 3.*\.$/m);
    expect(body).toContain("Alarm: model_deployment_high_cpu (OK_TO_FIRING)");
    expect(body).toContain(
      `Console: https://cloud.oracle.com/data-science/model-deployments/${DEPLOYMENT}?region=us-ashburn-1`,
    );
    expect(body).toMatch(/^Work request: ocid1\.datascienceworkrequest\./m);
    const decisions = harness.fn.logLines().filter((line) => line.event === "decision");
    expect(decisions.map((line) => line.notification)).toEqual(["sent", "none"]);
    expect(decisions[0]?.notificationMessageId).toBe(published[0]?.messageId);
  });

  it("publishes nothing in a dry run", async () => {
    harness = await startHarness({ ...NOTIFY, DRY_RUN: "true" });
    const response = await harness.send(CPU_UP);
    expect(response.body).toMatchObject({ results: [{ outcome: "dry-run" }] });
    expect((response.body as { results: object[] }).results[0]).not.toHaveProperty("notification");
    expect(harness.emulator.publishedMessages()).toEqual([]);
  });

  it("tells a refusal at the limit when the alarm starts firing, not on each REPEAT", async () => {
    harness = await startHarness({ ...NOTIFY, MAX_INSTANCES: "3" });
    const seed = { deployment: { displayName: "fraud-model", instanceCount: 3 } };

    const fired = await harness.send(CPU_UP, seed);
    const repeated = await harness.fn.call(asRepeat(CPU_UP));

    expect(fired.body).toMatchObject({ results: [{ reasonCode: "AtMaxInstances", notification: "sent" }] });
    expect(repeated.body).toMatchObject({ results: [{ reasonCode: "AtMaxInstances", notification: "none" }] });
    const published = harness.emulator.publishedMessages(TOPIC);
    expect(published.map((m) => m.title)).toEqual(["fraud-model not scaled: AtMaxInstances"]);
    expect(published[0]?.body).toContain("What to do: raise MAX_INSTANCES");
  });

  it("tells nobody of a refusal when the alarm named is not firing (a hand-made or replayed message)", async () => {
    harness = await startHarness({ ...NOTIFY, MAX_INSTANCES: "3" });
    const response = await harness.send(CPU_UP, { deployment: { instanceCount: 3 }, firing: false });
    expect(response.body).toMatchObject({ results: [{ reasonCode: "AtMaxInstances", notification: "none" }] });
    expect(harness.emulator.publishedMessages()).toEqual([]);
  });

  it("scales anyway, warns and logs a failure when publishing fails; never a 502", async () => {
    harness = await startHarness(NOTIFY);
    harness.emulator.faults.add({ method: "POST", path: "/messages", status: 500 });

    const response = await harness.send(CPU_UP);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      results: [
        { outcome: "updated", notification: "failed", warnings: [expect.stringContaining("was not published")] },
      ],
    });
    // Not retried after a 500: it may have been published.
    expect(harness.emulator.requests.filter((r) => r.path.endsWith("/messages"))).toHaveLength(1);
    const failure = harness.fn.logLines().find((line) => line.event === "failure");
    expect(failure).toMatchObject({ message: expect.stringContaining("notification"), topicId: TOPIC });
    expect(harness.fn.logLines().find((line) => line.event === "decision")).toMatchObject({ notification: "failed" });
  });

  it("retries a throttled publish and publishes once", async () => {
    harness = await startHarness(NOTIFY);
    harness.emulator.faults.add({ method: "POST", path: "/messages", status: 429 });
    const response = await harness.send(CPU_UP);
    expect(response.body).toMatchObject({ results: [{ outcome: "updated", notification: "sent" }] });
    const attempts = harness.emulator.requests.filter((r) => r.path.endsWith("/messages"));
    expect(attempts.map((r) => r.status)).toEqual([429, 202]);
    expect(harness.emulator.publishedMessages(TOPIC)).toHaveLength(1);
  });

  it("tells a shape change of a deployment on OCI's AUTOSCALING policy, with the count OCI runs", async () => {
    harness = await startHarness(NOTIFY);
    const seed = {
      displayName: "fraud-model",
      shape: "VM.Standard2.2",
      scalingPolicy: autoscalingPolicy({ min: 1, initial: 2, max: 6 }),
      currentInstanceCount: 4,
    };
    const response = await harness.send(MEM_UP, { deployment: seed });
    expect(response.body).toMatchObject({ results: [{ outcome: "updated", notification: "sent" }] });
    const [message] = harness.emulator.publishedMessages(TOPIC);
    expect(message?.title).toBe("fraud-model scaled up: shape VM.Standard2.2 -> VM.Standard2.4");
    expect(message?.body).toContain("Instances: 4, moved by OCI's AUTOSCALING policy (left as it is).");
  });

  it("tells an update OCI refused, on every delivery", async () => {
    harness = await startHarness(NOTIFY, { updateSemantics: "replace", refuseScalingPolicyWithOtherChanges: true });
    const seed = { displayName: "fraud-model", scalingPolicy: autoscalingPolicy({ min: 1, initial: 1, max: 2 }) };

    const fired = await harness.send(MEM_UP, { deployment: seed });
    const repeated = await harness.fn.call(asRepeat(MEM_UP));

    for (const response of [fired, repeated])
      expect(response.body).toMatchObject({ results: [{ reasonCode: "UpdateRefused", notification: "sent" }] });
    const published = harness.emulator.publishedMessages(TOPIC);
    expect(published.map((m) => m.title)).toEqual([
      "fraud-model not scaled: UpdateRefused",
      "fraud-model not scaled: UpdateRefused",
    ]);
    expect(published[0]?.body).toContain("What to do: OCI refused the update");
  });
});
