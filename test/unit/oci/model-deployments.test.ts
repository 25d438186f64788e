import type { models } from "oci-datascience";
import { describe, expect, it } from "vitest";
import { updateDetailsFor } from "../../../src/oci/model-deployments";
import type { DeploymentSnapshot } from "../../../src/scalers/deployment-snapshot";
import { snapshotOf } from "../../support/deployment-snapshots";

const MODEL = "ocid1.datasciencemodel.oc1.iad.amaaaaaamodel";

function deployment(overrides: Partial<DeploymentSnapshot> = {}): DeploymentSnapshot {
  return snapshotOf({
    modelId: MODEL,
    instanceCount: 2,
    instanceConfiguration: {
      instanceShapeName: "VM.Standard2.2",
      subnetId: "ocid1.subnet.oc1.iad.aaaaaaaasubnet",
      privateEndpointId: "ocid1.datascienceprivateendpoint.oc1.iad.amaaaaaape",
    },
    freeformTags: { team: "risk" },
    ...overrides,
  });
}

describe("updateDetailsFor", () => {
  it("sends the model id and a FIXED_SIZE policy for an instance change, in the documented wire format", () => {
    const details = updateDetailsFor(deployment(), { instanceCount: 3 });
    expect(JSON.stringify(details)).toBe(
      `{"modelDeploymentConfigurationDetails":{"deploymentType":"SINGLE_MODEL","modelConfigurationDetails":{"modelId":"${MODEL}","scalingPolicy":{"policyType":"FIXED_SIZE","instanceCount":3}}}}`,
    );
  });

  it.each([1, 2, 10])("leaves the instance configuration out of a change to %i instances", (instanceCount) => {
    const details = updateDetailsFor(deployment(), { instanceCount });
    expect(details.modelDeploymentConfigurationDetails).toEqual({
      deploymentType: "SINGLE_MODEL",
      modelConfigurationDetails: { modelId: MODEL, scalingPolicy: { policyType: "FIXED_SIZE", instanceCount } },
    });
  });

  it("keeps subnet and private endpoint on a shape change and sends no scaling policy", () => {
    const details = updateDetailsFor(deployment(), { shapeName: "VM.Standard2.4" });
    expect(details).toEqual({
      modelDeploymentConfigurationDetails: {
        deploymentType: "SINGLE_MODEL",
        modelConfigurationDetails: {
          modelId: MODEL,
          instanceConfiguration: {
            instanceShapeName: "VM.Standard2.4",
            subnetId: "ocid1.subnet.oc1.iad.aaaaaaaasubnet",
            privateEndpointId: "ocid1.datascienceprivateendpoint.oc1.iad.amaaaaaape",
          },
        },
      },
    });
  });

  it("keeps the network access type on a shape change", () => {
    const details = updateDetailsFor(
      deployment({
        instanceConfiguration: {
          instanceShapeName: "VM.Standard2.2",
          networkAccessType: "CUSTOM_NETWORKING" as models.InstanceConfiguration.NetworkAccessType,
        },
      }),
      { shapeName: "VM.Standard2.1" },
    );
    expect(JSON.stringify(details)).toContain(
      '"instanceConfiguration":{"instanceShapeName":"VM.Standard2.1","networkAccessType":"CUSTOM_NETWORKING"}',
    );
  });

  it("drops the flex sizing of the old shape, which the new fixed shape would refuse", () => {
    const flex = deployment({
      instanceConfiguration: {
        instanceShapeName: "VM.Standard.E4.Flex",
        modelDeploymentInstanceShapeConfigDetails: { ocpus: 2, memoryInGBs: 32 },
        subnetId: "ocid1.subnet.oc1.iad.aaaaaaaasubnet",
      },
    });
    const details = updateDetailsFor(flex, { shapeName: "VM.Standard2.4" });
    expect(details.modelDeploymentConfigurationDetails).toMatchObject({
      modelConfigurationDetails: {
        modelId: MODEL,
        instanceConfiguration: { instanceShapeName: "VM.Standard2.4", subnetId: "ocid1.subnet.oc1.iad.aaaaaaaasubnet" },
      },
    });
    expect(JSON.stringify(details)).not.toContain("modelDeploymentInstanceShapeConfigDetails");
  });

  it("builds the instance configuration from the shape alone when the deployment reported none", () => {
    const details = updateDetailsFor(deployment({ instanceConfiguration: undefined }), { shapeName: "VM.Standard2.4" });
    expect(details.modelDeploymentConfigurationDetails).toEqual({
      deploymentType: "SINGLE_MODEL",
      modelConfigurationDetails: { modelId: MODEL, instanceConfiguration: { instanceShapeName: "VM.Standard2.4" } },
    });
  });

  it.each([{ instanceCount: 3 }, { shapeName: "VM.Standard2.4" }])(
    "sends the freeform tags it is given, whole, with the change %o",
    (change) => {
      // freeformTags replaces the deployment's whole map, so the caller's merge is sent as it is.
      const freeformTags = { team: "risk", "autoscale-last-instance-change": "up 2025-01-01T12:00:00.000Z" };
      const details = updateDetailsFor(deployment(), change, freeformTags);
      expect(details.freeformTags).toEqual(freeformTags);
      expect(details.modelDeploymentConfigurationDetails).toEqual(
        updateDetailsFor(deployment(), change).modelDeploymentConfigurationDetails,
      );
    },
  );

  it("sends no freeform tags when given none, leaving the deployment's tags as they are", () => {
    expect(updateDetailsFor(deployment(), { instanceCount: 3 })).not.toHaveProperty("freeformTags");
  });

  it("does not change the snapshot it reads from", () => {
    const snapshot = deployment({
      instanceConfiguration: {
        instanceShapeName: "VM.Standard.E4.Flex",
        modelDeploymentInstanceShapeConfigDetails: { ocpus: 2 },
      },
    });
    const before = structuredClone(snapshot);
    updateDetailsFor(snapshot, { shapeName: "VM.Standard2.4" });
    updateDetailsFor(snapshot, { instanceCount: 5 });
    expect(snapshot).toEqual(before);
  });
});
