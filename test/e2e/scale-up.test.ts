import { afterEach, describe, expect, it } from "vitest";
import { EXAMPLE_TOPIC_ID, seedFromAlarmMessage } from "../../emulator/seed-from-alarm";
import { type Harness, readFixture, startHarness } from "./harness";

const DEPLOYMENT = "ocid1.datasciencemodeldeployment.oc1.iad.amaaaaaaexamplemodeldeployment0001";

describe("the bundled function behind the FDK socket", () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.stop();
    harness = undefined;
  });

  it("scales the original high-CPU test alarm up by one instance and creates the low-CPU alarm", async () => {
    harness = await startHarness({}, { updateDelayMs: null });
    const { emulator } = harness;
    seedFromAlarmMessage(emulator, readFixture("test-alarm-scale-cpu-up.json"), {
      deployment: { instanceCount: 1, freeformTags: { team: "ml-platform", "cost-center": "42" } },
    });
    const etagBefore = emulator.getDeployment(DEPLOYMENT)?.etag;
    const seededTags = emulator.getDeployment(DEPLOYMENT)?.deployment.freeformTags;
    expect(Object.keys(seededTags ?? {}).length).toBeGreaterThan(0);
    const response = await harness.send("test-alarm-scale-cpu-up.json");

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: "ok",
      title: "model_deployment_high_cpu",
      type: "OK_TO_FIRING",
      results: [
        {
          deploymentId: DEPLOYMENT,
          action: "instance-up",
          outcome: "updated",
          from: 1,
          to: 2,
          reasonCode: "ScaledUp",
          scaleDownAlarm: "created",
        },
      ],
    });

    const writes = emulator.writes();
    const puts = writes.filter((r) => r.method === "PUT");
    expect(puts).toHaveLength(1);
    const [put] = puts;
    expect(put?.path).toBe(`/20190101/modelDeployments/${DEPLOYMENT}`);
    expect(put?.signatureValid).toBe(true);
    expect(etagBefore).toBeTruthy();
    expect(put?.headers["if-match"]).toBe(etagBefore);
    // The whole configuration as read, with exactly the one change (see test/e2e/whole-updates.test.ts).
    const seeded = emulator.getDeployment(DEPLOYMENT)?.deployment.modelDeploymentConfigurationDetails as unknown as {
      modelConfigurationDetails: Record<string, unknown>;
      environmentConfigurationDetails: unknown;
    };
    expect(put?.body).toEqual({
      modelDeploymentConfigurationDetails: {
        deploymentType: "SINGLE_MODEL",
        modelConfigurationDetails: {
          ...seeded.modelConfigurationDetails,
          scalingPolicy: { policyType: "FIXED_SIZE", instanceCount: 2 },
        },
        environmentConfigurationDetails: seeded.environmentConfigurationDetails,
      },
      // The user's tags are kept; the function adds its record of the change (cooldown, delivery).
      freeformTags: {
        ...seededTags,
        "autoscale-last-instance-change": expect.stringMatching(/^up \d{4}-\d\d-\d\dT/),
        "autoscale-last-alarm": "12345678-1234-4321-1234-123456789012@1657320300000",
      },
    });

    const posts = writes.filter((r) => r.method === "POST");
    expect(posts).toHaveLength(1);
    expect(posts[0]?.path).toBe("/20180401/alarms");
    expect(posts[0]?.body).toMatchObject({
      displayName: "model_deployment_low_cpu",
      destinations: [EXAMPLE_TOPIC_ID],
      // LOW_CPU_THRESHOLD=auto at 2 instances: 60 × 1/2 × (1 − 0.1).
      query: `CpuUtilization[5m]{resourceId = "${DEPLOYMENT}"}.groupBy(resourceId).mean() < 27`,
      repeatNotificationDuration: "PT5M",
      isEnabled: true,
    });
    expect(writes).toHaveLength(2);
    expect(emulator.requests.every((r) => r.signatureValid)).toBe(true);
    expect(emulator.getDeployment(DEPLOYMENT)?.deployment.lifecycleState).toBe("UPDATING");
  });

  it("changes nothing when the same alarm arrives again while the deployment is UPDATING", async () => {
    harness = await startHarness({}, { updateDelayMs: null });
    const first = await harness.send("test-alarm-scale-cpu-up.json", { deployment: { instanceCount: 1 } });
    expect(first.body).toMatchObject({ results: [{ outcome: "updated" }] });
    harness.emulator.clearRequests();

    const again = await harness.send("test-alarm-scale-cpu-up.json");

    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: "ok", results: [{ outcome: "skipped", reasonCode: "NotActive" }] });
    expect(harness.emulator.writes()).toHaveLength(0);
    // A REPEAT while updating costs one read and nothing else.
    expect(harness.emulator.requests).toHaveLength(1);
  });

  it("applies the change once the update completes and reports it in the log", async () => {
    harness = await startHarness({}, { updateDelayMs: 20 });
    await harness.send("test-alarm-scale-cpu-up.json", { deployment: { instanceCount: 3 } });
    await new Promise((r) => setTimeout(r, 100));

    const stored = harness.emulator.getDeployment(DEPLOYMENT)?.deployment;
    expect(stored?.lifecycleState).toBe("ACTIVE");
    expect(JSON.stringify(stored?.modelDeploymentConfigurationDetails)).toContain('"instanceCount":4');
    const decision = harness.fn.logLines().find((l) => l.event === "decision");
    expect(decision).toMatchObject({
      deploymentId: DEPLOYMENT,
      action: "instance-up",
      from: 3,
      to: 4,
      outcome: "updated",
      alarmId: "ocid1.alarm.oc1.iad.aaaaaaaaexamplehighcpualarm0001",
      dedupeKey: "12345678-1234-4321-1234-123456789012",
      opcWorkRequestId: expect.stringMatching(/^ocid1\.datascienceworkrequest\./),
    });
  });
});
