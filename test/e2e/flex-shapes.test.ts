import { afterEach, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./harness";

const DEPLOYMENT = "ocid1.datasciencemodeldeployment.oc1.iad.amaaaaaaexamplemodeldeployment0001";
const SUBNET = "ocid1.subnet.oc1.iad.aaaaaaaaexamplesubnet0001";

describe("flex shapes through the bundled function", () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.stop();
    harness = undefined;
  });

  it("doubles a flex deployment's memory on high memory, keeping its subnet", async () => {
    harness = await startHarness({}, { updateDelayMs: null });
    const response = await harness.send("test-alarm-scale-mem-up.json", {
      deployment: { shape: "VM.Standard.E4.Flex", ocpus: 1, memoryInGBs: 64, subnetId: SUBNET },
    });

    expect(response.body).toMatchObject({
      status: "ok",
      results: [
        {
          action: "shape-up",
          outcome: "updated",
          from: "VM.Standard.E4.Flex 1 OCPU 64 GB",
          to: "VM.Standard.E4.Flex 2 OCPU 128 GB",
          reasonCode: "ScaledUp",
          scaleDownAlarm: "created",
        },
      ],
    });
    const put = harness.emulator.writes().find((r) => r.method === "PUT");
    expect(put?.body).toMatchObject({
      modelDeploymentConfigurationDetails: {
        modelConfigurationDetails: {
          instanceConfiguration: {
            instanceShapeName: "VM.Standard.E4.Flex",
            subnetId: SUBNET,
            modelDeploymentInstanceShapeConfigDetails: { ocpus: 2, memoryInGBs: 128 },
          },
        },
      },
    });
    harness.emulator.completeUpdates();
    const stored = harness.emulator.getDeployment(DEPLOYMENT)?.deployment.modelDeploymentConfigurationDetails;
    expect(stored).toMatchObject({
      modelConfigurationDetails: {
        instanceConfiguration: {
          subnetId: SUBNET,
          modelDeploymentInstanceShapeConfigDetails: { ocpus: 2, memoryInGBs: 128 },
        },
      },
    });
  });

  it("halves memory on low memory and deletes the low-memory alarm at the floor", async () => {
    harness = await startHarness({ MIN_MEMORY_GB: "16" }, { updateDelayMs: null });
    const response = await harness.send("alarm-low-mem.json", {
      deployment: { shape: "VM.Standard.A1.Flex", ocpus: 1, memoryInGBs: 32 },
    });

    expect(response.body).toMatchObject({
      results: [
        {
          action: "shape-down",
          outcome: "updated",
          to: "VM.Standard.A1.Flex 1 OCPU 16 GB",
          scaleDownAlarm: "deleted",
        },
      ],
    });
  });

  it("says so when memory is already at MAX_MEMORY_GB", async () => {
    harness = await startHarness({ MAX_MEMORY_GB: "64" }, { updateDelayMs: null });
    const response = await harness.send("test-alarm-scale-mem-up.json", {
      deployment: { shape: "VM.Standard3.Flex", ocpus: 1, memoryInGBs: 64 },
    });

    expect(response.body).toMatchObject({ results: [{ outcome: "skipped", reasonCode: "AtMaxMemory" }] });
    expect(harness.emulator.writes()).toHaveLength(0);
  });
});
