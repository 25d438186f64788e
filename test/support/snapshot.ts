import type { DeploymentSnapshot } from "../../src/scalers/deployment-snapshot";

/** An ACTIVE FIXED_SIZE single-model deployment, as the scalers see it, with the given fields changed. */
export function snapshot(
  overrides: Partial<DeploymentSnapshot> & { shape?: string; ocpus?: number; memoryInGBs?: number } = {},
): DeploymentSnapshot {
  const { shape = "VM.Standard2.1", ocpus, memoryInGBs, ...rest } = overrides;
  const sizing = ocpus !== undefined || memoryInGBs !== undefined ? { ocpus, memoryInGBs } : undefined;
  return {
    id: "ocid1.datasciencemodeldeployment.oc1.iad.amaaaaaaexamplemodeldeployment0001",
    displayName: "example",
    compartmentId: "ocid1.compartment.oc1..example",
    lifecycleState: "ACTIVE",
    deploymentType: "SINGLE_MODEL",
    modelId: "ocid1.datasciencemodel.oc1.iad.example",
    scalingPolicyType: "FIXED_SIZE",
    instanceCount: 1,
    currentInstanceCount: undefined,
    instanceConfiguration: {
      instanceShapeName: shape,
      subnetId: "ocid1.subnet.oc1.iad.example",
      ...(sizing ? { modelDeploymentInstanceShapeConfigDetails: sizing } : {}),
    },
    modelConfiguration: undefined,
    environmentConfiguration: undefined,
    freeformTags: {},
    etag: "etag-1",
    ...rest,
  };
}
