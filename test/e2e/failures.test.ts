import { afterEach, describe, expect, it } from "vitest";
import { seedFromAlarmMessage } from "../../emulator/seed-from-alarm";
import { type Harness, readFixture, startHarness } from "./harness";

const DEPLOYMENT = "ocid1.datasciencemodeldeployment.oc1.iad.amaaaaaaexamplemodeldeployment0001";
const CPU_UP = "test-alarm-scale-cpu-up.json";

describe("the bundled function when OCI or its configuration is not as expected", () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.stop();
    harness = undefined;
  });

  it("fails the invocation (502) when OCI keeps answering 503, so Notifications delivers again", async () => {
    harness = await startHarness({ OCI_MAX_ATTEMPTS: "3" });
    harness.emulator.faults.add({
      method: "GET",
      path: "/modelDeployments/",
      status: 503,
      times: Number.POSITIVE_INFINITY,
    });

    const response = await harness.send(CPU_UP);

    expect(response.status).toBe(502);
    expect(harness.emulator.requests.filter((r) => r.method === "GET")).toHaveLength(3);
    expect(harness.emulator.writes()).toHaveLength(0);
    expect(harness.fn.logLines()).toContainEqual(
      expect.objectContaining({ event: "failure", deploymentId: DEPLOYMENT, reason: expect.stringContaining("503") }),
    );
    expect(harness.fn.exited()).toBe(false);
  });

  it("never writes the resource principal token, the private key or a signature to a log line or a response", async () => {
    harness = await startHarness();
    harness.emulator.faults.add({ method: "GET", path: "/alarms/", status: 401, times: 1 });
    harness.emulator.faults.add({ method: "GET", path: "/modelDeployments/", status: 503, times: 1 });
    const answers = [await harness.send(CPU_UP), await harness.send(CPU_UP), await harness.fn.call("{not json")];

    const everything = [...harness.fn.output, ...answers.map((a) => a.text)].join("\n");
    const keyBody = harness.auth.privateKeyPem.split("\n").filter((l) => l && !l.startsWith("-----"));
    expect(everything).not.toContain(harness.auth.rpst);
    expect(everything).not.toContain(harness.auth.rpst.split(".")[1] as string);
    for (const line of keyBody) expect(everything).not.toContain(line);
    expect(everything).not.toMatch(/Signature version=|keyId=/);
  });

  it("still scales, and says so, when OCI refuses the state tags together with the change", async () => {
    harness = await startHarness({}, { refuseTagsWithConfigurationChange: true, updateDelayMs: 0 });

    const response = await harness.send(CPU_UP, { deployment: { freeformTags: { team: "risk" } } });

    expect(response.body).toMatchObject({
      results: [
        {
          outcome: "updated",
          to: 2,
          warnings: [expect.stringContaining("no cooldown or duplicate check will hold")],
        },
      ],
    });
    const puts = harness.emulator.writes().filter((w) => w.method === "PUT");
    expect(puts.map((p) => p.status)).toEqual([400, 202]);
    expect(puts[1]?.body).not.toHaveProperty("freeformTags");
    await new Promise((r) => setTimeout(r, 50));
    expect(harness.emulator.getDeployment(DEPLOYMENT)?.deployment.freeformTags).toEqual({ team: "risk" });
  });

  it("retries a throttled read and then scales", async () => {
    harness = await startHarness();
    harness.emulator.faults.add({ method: "GET", path: "/modelDeployments/", status: 429, times: 1 });

    const response = await harness.send(CPU_UP);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ results: [{ outcome: "updated" }] });
  });

  it("decides and reports but writes nothing in a dry run", async () => {
    harness = await startHarness({ DRY_RUN: "true" });

    const response = await harness.send(CPU_UP);

    expect(response.body).toMatchObject({
      status: "ok",
      dryRun: true,
      results: [{ outcome: "dry-run", from: 1, to: 2, scaleDownAlarmPlan: "ensure", scaleDownAlarm: "none" }],
    });
    expect(harness.emulator.writes()).toHaveLength(0);
  });

  it("answers every call with the configuration error, names the variable, and touches nothing", async () => {
    harness = await startHarness({ MAX_INSTANCES: "ten" });

    for (let i = 0; i < 2; i++) {
      const response = await harness.send(CPU_UP);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ status: "rejected", reason: expect.stringContaining("MAX_INSTANCES") });
    }
    expect(harness.emulator.requests).toHaveLength(0);
    expect(harness.fn.exited()).toBe(false);
  });

  it("leaves a deployment on OCI's built-in AUTOSCALING policy alone", async () => {
    harness = await startHarness();
    seedFromAlarmMessage(harness.emulator, readFixture(CPU_UP), {
      deployment: {
        scalingPolicy: {
          policyType: "AUTOSCALING",
          coolDownInSeconds: 600,
          isEnabled: true,
          autoScalingPolicies: [
            {
              autoScalingPolicyType: "THRESHOLD",
              minimumInstanceCount: 1,
              maximumInstanceCount: 4,
              initialInstanceCount: 1,
              rules: [],
            },
          ],
        },
      },
    });

    const response = await harness.send(CPU_UP);

    expect(response.body).toMatchObject({ results: [{ outcome: "skipped", reasonCode: "BuiltInAutoscaling" }] });
    expect(harness.emulator.writes()).toHaveLength(0);
  });

  it("skips a deployment OCI does not know (or the function may not read)", async () => {
    harness = await startHarness();
    seedFromAlarmMessage(harness.emulator, readFixture(CPU_UP));
    harness.emulator.purgeDeployment(DEPLOYMENT);

    const response = await harness.fn.call(readFixture(CPU_UP));

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ results: [{ outcome: "skipped", reasonCode: "NotFoundOrNotAuthorized" }] });
    expect(harness.emulator.writes()).toHaveLength(0);
  });

  it("refuses to scale for an alarm that does not exist", async () => {
    harness = await startHarness();
    harness.emulator.seedDeployment({ id: DEPLOYMENT });

    // No alarm is seeded: GET /alarms/{id} answers 404.
    const response = await harness.fn.call(readFixture(CPU_UP));

    expect(response.body).toMatchObject({
      results: [
        { outcome: "skipped", reasonCode: "AlarmNotVerified", reason: expect.stringContaining("does not exist") },
      ],
    });
    expect(harness.emulator.writes()).toHaveLength(0);
  });
});
