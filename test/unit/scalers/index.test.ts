import { describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config";
import { ScalingAction } from "../../../src/decision";
import type { DeploymentSnapshot } from "../../../src/deployment-snapshot";
import { SCALERS } from "../../../src/scalers";

const deployment: DeploymentSnapshot = {
  id: "ocid1.datasciencemodeldeployment.oc1.iad.amaaaaaa1",
  displayName: "fraud-model",
  compartmentId: "ocid1.compartment.oc1..aaaaaaaa1",
  lifecycleState: "ACTIVE",
  deploymentType: "SINGLE_MODEL",
  modelId: "ocid1.datasciencemodel.oc1.iad.amaaaaaa1",
  scalingPolicyType: "FIXED_SIZE",
  instanceCount: 2,
  instanceConfiguration: { instanceShapeName: "VM.Standard2.4" },
  freeformTags: {},
  etag: "etag-1",
};

describe("SCALERS", () => {
  it.each([
    [ScalingAction.InstanceUp, { instanceCount: 3 }],
    [ScalingAction.InstanceDown, { instanceCount: 1 }],
    [ScalingAction.ShapeUp, { shapeName: "VM.Standard2.8" }],
    [ScalingAction.ShapeDown, { shapeName: "VM.Standard2.2" }],
  ])("maps %s to the scaler that makes that change", (action, change) => {
    expect(SCALERS[action](deployment, loadConfig({}), {})).toMatchObject({ kind: "change", action, change });
  });
});
