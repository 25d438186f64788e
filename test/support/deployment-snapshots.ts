import type { DeploymentSnapshot } from "../../src/scalers/deployment-snapshot";

/** An ACTIVE single-model FIXED_SIZE deployment snapshot, as the scalers receive it; tests override what they vary. */
export function snapshotOf(overrides: Partial<DeploymentSnapshot> = {}): DeploymentSnapshot {
  return {
    id: "ocid1.datasciencemodeldeployment.oc1.iad.amaaaaaa1",
    displayName: "fraud-model",
    compartmentId: "ocid1.compartment.oc1..aaaaaaaa1",
    lifecycleState: "ACTIVE",
    deploymentType: "SINGLE_MODEL",
    modelId: "ocid1.datasciencemodel.oc1.iad.amaaaaaa1",
    scalingPolicyType: "FIXED_SIZE",
    instanceCount: 1,
    currentInstanceCount: undefined,
    instanceConfiguration: { instanceShapeName: "VM.Standard2.1" },
    modelConfiguration: undefined,
    environmentConfiguration: undefined,
    freeformTags: {},
    etag: "etag-1",
    ...overrides,
  };
}
