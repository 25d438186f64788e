import { describe, expect, it } from "vitest";
import { updateDetailsFor } from "../../../src/oci/model-deployments";
import { snapshot } from "../../support/snapshot";

const MODEL = "ocid1.datasciencemodel.oc1.iad.example";
const SUBNET = "ocid1.subnet.oc1.iad.example";

describe("updateDetailsFor a flex shape", () => {
  it.each([
    {
      name: "an instance count sends only the scaling policy",
      deployment: snapshot(),
      change: { instanceCount: 3 },
      modelConfigurationDetails: { modelId: MODEL, scalingPolicy: { policyType: "FIXED_SIZE", instanceCount: 3 } },
    },
    {
      name: "a fixed shape keeps the subnet",
      deployment: snapshot({ shape: "VM.Standard2.1" }),
      change: { shapeName: "VM.Standard2.2" },
      modelConfigurationDetails: {
        modelId: MODEL,
        instanceConfiguration: { instanceShapeName: "VM.Standard2.2", subnetId: SUBNET },
      },
    },
    {
      name: "a flex step sends the new sizing and keeps the subnet",
      deployment: snapshot({ shape: "VM.Standard.E4.Flex", ocpus: 1, memoryInGBs: 16 }),
      change: { shapeName: "VM.Standard.E4.Flex", flexSize: { ocpus: 2, memoryInGBs: 128 } },
      modelConfigurationDetails: {
        modelId: MODEL,
        instanceConfiguration: {
          instanceShapeName: "VM.Standard.E4.Flex",
          subnetId: SUBNET,
          modelDeploymentInstanceShapeConfigDetails: { ocpus: 2, memoryInGBs: 128 },
        },
      },
    },
  ])("$name", ({ deployment, change, modelConfigurationDetails }) => {
    expect(updateDetailsFor(deployment, change)).toEqual({
      modelDeploymentConfigurationDetails: { deploymentType: "SINGLE_MODEL", modelConfigurationDetails },
    });
  });

  it("keeps a burstable baseline through a flex step", () => {
    const deployment = snapshot({ shape: "VM.Standard.E4.Flex" });
    deployment.instanceConfiguration = {
      instanceShapeName: "VM.Standard.E4.Flex",
      modelDeploymentInstanceShapeConfigDetails: { ocpus: 1, memoryInGBs: 16, cpuBaseline: "BASELINE_1_2" as never },
    };
    const body = updateDetailsFor(deployment, {
      shapeName: "VM.Standard.E4.Flex",
      flexSize: { ocpus: 1, memoryInGBs: 32 },
    });
    expect(JSON.stringify(body)).toContain(
      '"modelDeploymentInstanceShapeConfigDetails":{"ocpus":1,"memoryInGBs":32,"cpuBaseline":"BASELINE_1_2"}',
    );
  });
});
