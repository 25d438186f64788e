import type { models } from "oci-datascience";
import { describe, expect, it } from "vitest";
import { updateDetailsFor } from "../../src/oci/model-deployments";
import { updateAttempts } from "../../src/run/update-attempts";
import { snapshotOf } from "../support/deployment-snapshots";

const AUTOSCALING: models.AutoScalingPolicy = {
  policyType: "AUTOSCALING",
  coolDownInSeconds: 600,
  isEnabled: true,
  autoScalingPolicies: [],
};

describe("updateAttempts", () => {
  it("drops the re-sent policy before the state tags, for shape changes only", () => {
    expect(updateAttempts({ shapeName: "VM.Standard2.2" }, true)).toEqual([
      { tags: true, scalingPolicy: true },
      { tags: true, scalingPolicy: false },
      { tags: false, scalingPolicy: true },
      { tags: false, scalingPolicy: false },
    ]);
    // An instance change is the policy: it always goes.
    expect(updateAttempts({ instanceCount: 3 }, true)).toEqual([
      { tags: true, scalingPolicy: true },
      { tags: false, scalingPolicy: true },
    ]);
    expect(updateAttempts({ shapeName: "VM.Standard2.2" }, false)).toHaveLength(2);
  });
});

describe("updateDetailsFor withoutScalingPolicy", () => {
  const deployment = snapshotOf({
    scalingPolicyType: "AUTOSCALING",
    instanceCount: undefined,
    modelConfiguration: {
      modelId: "ocid1.datasciencemodel.oc1.iad.amaaaaaa1",
      instanceConfiguration: { instanceShapeName: "VM.Standard2.1" },
      scalingPolicy: AUTOSCALING,
    },
  });
  const modelDetails = (withoutScalingPolicy: boolean, change: object) =>
    (
      updateDetailsFor(deployment, change as never, undefined, { withoutScalingPolicy })
        .modelDeploymentConfigurationDetails as { modelConfigurationDetails: Record<string, unknown> }
    ).modelConfigurationDetails;

  it("re-sends the policy as read unless told to leave it out", () => {
    expect(modelDetails(false, { shapeName: "VM.Standard2.2" }).scalingPolicy).toBe(AUTOSCALING);
    expect(modelDetails(true, { shapeName: "VM.Standard2.2" })).not.toHaveProperty("scalingPolicy");
  });

  it("always sends the policy of an instance change", () => {
    expect(modelDetails(true, { instanceCount: 2 }).scalingPolicy).toEqual({
      policyType: "FIXED_SIZE",
      instanceCount: 2,
    });
  });
});
