/** Realistic seeds, and what an update keeps or drops under "merge-fields" (default) and "replace". */
import type { models } from "oci-datascience";
import { describe, expect, it } from "vitest";
import type { EmulatorSuite } from "../../emulator/fixture";
import { rejection, useEmulator } from "../../emulator/fixture";
import { autoscalingPolicy, OCIR_ENVIRONMENT, realisticSeed } from "../../emulator/realistic-seed";
import type { JsonObject, ModelDeployment } from "../../emulator/types";

const merge = useEmulator({ updateDelayMs: null });
const replace = useEmulator({ updateDelayMs: null, updateSemantics: "replace" });

const modelOf = (d: ModelDeployment) => d.modelDeploymentConfigurationDetails.modelConfigurationDetails as JsonObject;

async function updateAndComplete(
  suite: EmulatorSuite,
  d: ModelDeployment,
  config: JsonObject,
): Promise<ModelDeployment> {
  await suite.ds().updateModelDeployment({
    modelDeploymentId: d.id,
    updateModelDeploymentDetails: {
      modelDeploymentConfigurationDetails: {
        deploymentType: "SINGLE_MODEL",
        modelConfigurationDetails: { modelId: modelOf(d).modelId, ...config },
      } as models.UpdateSingleModelDeploymentConfigurationDetails,
    },
  });
  suite.emulator.completeUpdates();
  return (await suite.ds().getModelDeployment({ modelDeploymentId: d.id }))
    .modelDeployment as unknown as ModelDeployment;
}

const FIXED_3 = { scalingPolicy: { policyType: "FIXED_SIZE", instanceCount: 3 } };
const SMALLER_SHAPE = {
  instanceConfiguration: {
    instanceShapeName: "VM.Standard.E4.Flex",
    modelDeploymentInstanceShapeConfigDetails: { ocpus: 1, memoryInGBs: 16 },
  },
};

describe("realistic seeds", () => {
  it("carry private endpoint, bandwidth range, cpu baseline and an OCIR container the SDK deserializes", async () => {
    const d = merge.emulator.seedDeployment(realisticSeed());
    const { modelDeployment } = await merge.ds().getModelDeployment({ modelDeploymentId: d.id });
    expect(modelDeployment.modelDeploymentConfigurationDetails).toEqual({
      deploymentType: "SINGLE_MODEL",
      modelConfigurationDetails: {
        modelId: modelOf(d).modelId,
        instanceConfiguration: {
          instanceShapeName: "VM.Standard.E4.Flex",
          subnetId: "ocid1.subnet.oc1.iad.aaaamodeldeploymentsubnet",
          privateEndpointId: "ocid1.datascienceprivateendpoint.oc1.iad.aaaamodeldeploymentpe",
          modelDeploymentInstanceShapeConfigDetails: { ocpus: 2, memoryInGBs: 32, cpuBaseline: "BASELINE_1_2" },
        },
        scalingPolicy: { policyType: "FIXED_SIZE", instanceCount: 2 },
        bandwidthMbps: 20,
        maximumBandwidthMbps: 40,
      },
      environmentConfigurationDetails: OCIR_ENVIRONMENT,
    });
    expect(modelDeployment.modelDeploymentSystemData).toEqual({
      systemInfraType: "INSTANCE_POOL",
      currentInstanceCount: 2,
    });
  });

  it("AUTOSCALING reports the live count, kept by updates that leave initialInstanceCount alone", async () => {
    const d = merge.emulator.seedDeployment(
      realisticSeed({ scalingPolicy: autoscalingPolicy({ min: 1, initial: 2, max: 6 }), currentInstanceCount: 4 }),
    );
    expect(d.modelDeploymentSystemData).toEqual({ systemInfraType: "INSTANCE_POOL", currentInstanceCount: 4 });
    const coolDown = await updateAndComplete(merge, d, {
      scalingPolicy: autoscalingPolicy({ min: 1, initial: 2, max: 6 }, 900),
    });
    expect(coolDown.modelDeploymentSystemData).toMatchObject({ currentInstanceCount: 4 });
    const narrower = await updateAndComplete(merge, d, {
      scalingPolicy: autoscalingPolicy({ min: 1, initial: 2, max: 3 }),
    });
    expect(narrower.modelDeploymentSystemData).toMatchObject({ currentInstanceCount: 3 });
    const reset = await updateAndComplete(merge, d, {
      scalingPolicy: autoscalingPolicy({ min: 1, initial: 1, max: 3 }),
    });
    expect(reset.modelDeploymentSystemData).toMatchObject({ currentInstanceCount: 1 });
    const fixed = await updateAndComplete(merge, d, FIXED_3);
    expect(fixed.modelDeploymentSystemData).toMatchObject({ currentInstanceCount: 3 });
  });
});

describe('updateSemantics "merge-fields" (default)', () => {
  it("a body with only modelId and scalingPolicy changes nothing else", async () => {
    const d = merge.emulator.seedDeployment(realisticSeed());
    const after = await updateAndComplete(merge, d, FIXED_3);
    const expected = structuredClone(d);
    Object.assign(modelOf(expected), FIXED_3);
    expected.modelDeploymentSystemData = { systemInfraType: "INSTANCE_POOL", currentInstanceCount: 3 };
    expect(after).toEqual(expected);
  });
});

describe('updateSemantics "replace"', () => {
  it("400 InvalidParameter for a model configuration without instanceConfiguration or scalingPolicy", async () => {
    const d = replace.emulator.seedDeployment(realisticSeed());
    for (const partial of [FIXED_3, SMALLER_SHAPE]) {
      const error = await rejection(updateAndComplete(replace, d, partial));
      expect(error).toMatchObject({ statusCode: 400, serviceCode: "InvalidParameter" });
    }
    expect(replace.emulator.getDeployment(d.id)?.deployment).toEqual(d);
  });

  it("a given modelConfigurationDetails replaces the stored one whole; objects not given are kept", async () => {
    const d = replace.emulator.seedDeployment(realisticSeed());
    const after = await updateAndComplete(replace, d, { ...SMALLER_SHAPE, ...FIXED_3 });
    expect(modelOf(after)).toEqual({ modelId: modelOf(d).modelId, ...SMALLER_SHAPE, ...FIXED_3 });
    expect(after.modelDeploymentConfigurationDetails.environmentConfigurationDetails).toEqual(OCIR_ENVIRONMENT);
    expect(after.categoryLogDetails).toEqual(d.categoryLogDetails);
    expect(after.freeformTags).toEqual({ team: "ml" });
  });

  it("a given environmentConfigurationDetails replaces the stored one whole", async () => {
    const d = replace.emulator.seedDeployment(realisticSeed());
    await replace.ds().updateModelDeployment({
      modelDeploymentId: d.id,
      updateModelDeploymentDetails: {
        modelDeploymentConfigurationDetails: {
          deploymentType: "SINGLE_MODEL",
          environmentConfigurationDetails: {
            environmentConfigurationType: "OCIR_CONTAINER",
            image: "iad.ocir.io/t/s:2",
          },
        } as models.UpdateSingleModelDeploymentConfigurationDetails,
      },
    });
    replace.emulator.completeUpdates();
    const after = replace.emulator.getDeployment(d.id)?.deployment;
    expect(after?.modelDeploymentConfigurationDetails.environmentConfigurationDetails).toEqual({
      environmentConfigurationType: "OCIR_CONTAINER",
      image: "iad.ocir.io/t/s:2",
    });
    expect(after && modelOf(after)).toEqual(modelOf(d));
  });
});
