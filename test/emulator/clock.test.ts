/** The emulator's clock: updates finish when clock() reaches accepted + updateDelayMs, on a manual or real clock. */
import type { models } from "oci-datascience";
import { DataScienceClient } from "oci-datascience";
import { describe, expect, it } from "vitest";
import { useEmulator, waitFor } from "../../emulator/fixture";
import { testClientConfiguration } from "../../emulator/sdk-clients";
import { startEmulator } from "../../emulator/server";

const EIGHT_MINUTES = 480_000;
const START = Date.parse("2026-03-01T10:00:00.000Z");
let now = START;
const suite = useEmulator({ clock: () => now, updateDelayMs: EIGHT_MINUTES });

function scaleTo(modelId: string, instanceCount: number): models.UpdateModelDeploymentDetails {
  return {
    modelDeploymentConfigurationDetails: {
      deploymentType: "SINGLE_MODEL",
      modelConfigurationDetails: { modelId, scalingPolicy: { policyType: "FIXED_SIZE", instanceCount } },
    } as models.UpdateSingleModelDeploymentConfigurationDetails,
  };
}

const modelIdOf = (d: { modelDeploymentConfigurationDetails: { [k: string]: unknown } }) =>
  (d.modelDeploymentConfigurationDetails.modelConfigurationDetails as { modelId: string }).modelId;

describe("manual clock", () => {
  it("stamps seeds and work requests with clock() and applies the update once the delay has passed", async () => {
    now = START;
    const d = suite.emulator.seedDeployment({ instanceCount: 1 });
    expect(d.timeCreated).toBe("2026-03-01T10:00:00.000Z");
    const client = suite.ds();
    const { opcWorkRequestId } = await client.updateModelDeployment({
      modelDeploymentId: d.id,
      updateModelDeploymentDetails: scaleTo(modelIdOf(d), 3),
    });
    now += EIGHT_MINUTES / 2;
    const halfway = await client.getWorkRequest({ workRequestId: opcWorkRequestId });
    expect(halfway.workRequest).toMatchObject({ status: "IN_PROGRESS", percentComplete: 50 });
    now += EIGHT_MINUTES / 2 - 1;
    const before = await client.getModelDeployment({ modelDeploymentId: d.id });
    expect(before.modelDeployment.lifecycleState).toBe("UPDATING");
    now += 1;
    const after = await client.getModelDeployment({ modelDeploymentId: d.id });
    expect(after.modelDeployment).toMatchObject({
      lifecycleState: "ACTIVE",
      modelDeploymentSystemData: { currentInstanceCount: 3 },
    });
    expect((await client.getWorkRequest({ workRequestId: opcWorkRequestId })).workRequest).toMatchObject({
      status: "SUCCEEDED",
      percentComplete: 100,
      timeAccepted: "2026-03-01T10:00:00.000Z",
      timeStarted: "2026-03-01T10:00:00.000Z",
      timeFinished: "2026-03-01T10:08:00.000Z",
    });
  });

  it("emulator.getDeployment() also sees the update finish when the clock moves, with no request in between", async () => {
    now = START;
    const d = suite.emulator.seedDeployment();
    await suite.ds().updateModelDeployment({
      modelDeploymentId: d.id,
      updateModelDeploymentDetails: scaleTo(modelIdOf(d), 2),
    });
    expect(suite.emulator.getDeployment(d.id)?.deployment.lifecycleState).toBe("UPDATING");
    now += EIGHT_MINUTES;
    expect(suite.emulator.getDeployment(d.id)?.deployment).toMatchObject({
      lifecycleState: "ACTIVE",
      modelDeploymentSystemData: { currentInstanceCount: 2 },
    });
  });

  it("a late observation still records the due time as timeFinished", async () => {
    now = START;
    const d = suite.emulator.seedDeployment();
    await suite.ds().updateModelDeployment({
      modelDeploymentId: d.id,
      updateModelDeploymentDetails: scaleTo(modelIdOf(d), 2),
    });
    now += 3 * EIGHT_MINUTES;
    const [workRequest] = suite.emulator.workRequests().filter((w) => w.resources[0]?.identifier === d.id);
    expect(workRequest).toMatchObject({ status: "SUCCEEDED", timeFinished: "2026-03-01T10:08:00.000Z" });
  });

  it("completeUpdates() finishes early, at the current clock time", async () => {
    now = START;
    const d = suite.emulator.seedDeployment();
    const { opcWorkRequestId } = await suite.ds().updateModelDeployment({
      modelDeploymentId: d.id,
      updateModelDeploymentDetails: scaleTo(modelIdOf(d), 2),
    });
    now += 60_000;
    suite.emulator.completeUpdates();
    expect(suite.emulator.getDeployment(d.id)?.deployment.lifecycleState).toBe("ACTIVE");
    expect(suite.emulator.workRequests().find((w) => w.id === opcWorkRequestId)?.timeFinished).toBe(
      "2026-03-01T10:01:00.000Z",
    );
  });
});

describe("real clock", () => {
  it("without a clock option the update finishes updateDelayMs of real time later", async () => {
    const emulator = await startEmulator({ publicKeyPem: suite.auth.publicKeyPem, updateDelayMs: 30 });
    try {
      const d = emulator.seedDeployment();
      const client = new DataScienceClient(
        { authenticationDetailsProvider: suite.provider },
        testClientConfiguration(),
      );
      client.endpoint = emulator.url;
      const { opcWorkRequestId } = await client.updateModelDeployment({
        modelDeploymentId: d.id,
        updateModelDeploymentDetails: scaleTo(modelIdOf(d), 2),
      });
      await waitFor(() => emulator.workRequests().some((w) => w.id === opcWorkRequestId && w.status === "SUCCEEDED"));
      const workRequest = emulator.workRequests().find((w) => w.id === opcWorkRequestId);
      const took = Date.parse(workRequest?.timeFinished ?? "") - Date.parse(workRequest?.timeAccepted ?? "");
      expect(took).toBeGreaterThanOrEqual(30);
      expect(emulator.getDeployment(d.id)?.deployment.lifecycleState).toBe("ACTIVE");
    } finally {
      await emulator.close();
    }
  });

  it("with updateDelayMs null the update waits for completeUpdates() whatever the clock says", async () => {
    let manual = START;
    const emulator = await startEmulator({
      publicKeyPem: suite.auth.publicKeyPem,
      updateDelayMs: null,
      clock: () => manual,
    });
    try {
      const d = emulator.seedDeployment();
      const client = new DataScienceClient(
        { authenticationDetailsProvider: suite.provider },
        testClientConfiguration(),
      );
      client.endpoint = emulator.url;
      await client.updateModelDeployment({
        modelDeploymentId: d.id,
        updateModelDeploymentDetails: scaleTo(modelIdOf(d), 2),
      });
      manual += 24 * 3600_000;
      expect(emulator.getDeployment(d.id)?.deployment.lifecycleState).toBe("UPDATING");
      expect(emulator.workRequests()[0]).toMatchObject({ status: "IN_PROGRESS", percentComplete: 0 });
      emulator.completeUpdates();
      expect(emulator.getDeployment(d.id)?.deployment.lifecycleState).toBe("ACTIVE");
    } finally {
      await emulator.close();
    }
  });
});
