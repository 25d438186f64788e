/** refuseScalingPolicyWithOtherChanges: the strict reading of "policy changes on an ACTIVE deployment go alone". */
import * as common from "oci-common";
import type { models } from "oci-datascience";
import { describe, expect, it } from "vitest";
import { rejection, useEmulator } from "../../emulator/fixture";
import { autoscalingPolicy } from "../../emulator/realistic-seed";
import type { JsonObject, ModelDeployment } from "../../emulator/types";

const strict = useEmulator({ updateDelayMs: null, refuseScalingPolicyWithOtherChanges: true });

const modelOf = (d: ModelDeployment) => d.modelDeploymentConfigurationDetails.modelConfigurationDetails as JsonObject;

function update(d: ModelDeployment, config: JsonObject) {
  return strict.ds().updateModelDeployment({
    modelDeploymentId: d.id,
    updateModelDeploymentDetails: {
      modelDeploymentConfigurationDetails: {
        deploymentType: "SINGLE_MODEL",
        modelConfigurationDetails: { modelId: modelOf(d).modelId, ...config },
      } as models.UpdateSingleModelDeploymentConfigurationDetails,
    },
  });
}

describe("refuseScalingPolicyWithOtherChanges", () => {
  const policy = autoscalingPolicy({ min: 1, initial: 2, max: 4 });
  const seed = () => strict.emulator.seedDeployment({ shape: "VM.Standard2.1", scalingPolicy: policy });

  it("refuses a policy, even unchanged, sent beside a shape change (400), and changes nothing", async () => {
    const d = seed();
    const error = await rejection(
      update(d, { instanceConfiguration: { instanceShapeName: "VM.Standard2.2" }, scalingPolicy: policy }),
    );
    expect(error).toBeInstanceOf(common.OciError);
    expect(error).toMatchObject({ statusCode: 400, message: expect.stringContaining("scalingPolicy") });
    expect(strict.emulator.getDeployment(d.id)?.deployment).toEqual(d);
  });

  it("takes the same shape change without the policy, and the policy alone", async () => {
    const d = seed();
    await update(d, { instanceConfiguration: { instanceShapeName: "VM.Standard2.2" } });
    strict.emulator.completeUpdates();
    const changed = { ...policy, coolDownInSeconds: 900 };
    await update(d, { scalingPolicy: changed });
    strict.emulator.completeUpdates();
    const model = modelOf(strict.emulator.getDeployment(d.id)?.deployment as ModelDeployment);
    expect(model).toMatchObject({ instanceConfiguration: { instanceShapeName: "VM.Standard2.2" } });
    expect(model.scalingPolicy).toEqual(changed);
  });

  it("takes a body that re-sends everything as it is (nothing else changes)", async () => {
    const d = seed();
    const { instanceConfiguration, scalingPolicy } = modelOf(d);
    await update(d, { instanceConfiguration, scalingPolicy } as JsonObject);
    expect(strict.emulator.getDeployment(d.id)?.deployment.lifecycleState).toBe("UPDATING");
  });
});
