/** Builds realistic ModelDeployment JSON from the short SeedDeployment description. */
import { newOcid } from "./ids";
import { clone } from "./json";
import { systemDataFor } from "./system-data";
import type { JsonObject, ModelDeployment, SeedDeployment } from "./types";

export const DEPLOYMENT_TYPES = ["SINGLE_MODEL", "MODEL_GROUP", "SINGLE_MODEL_FLEX"] as const;

const DEFAULT_COMPARTMENT = "ocid1.compartment.oc1..test";
const DEFAULT_FLEX_OCPUS = 1;
const DEFAULT_FLEX_MEMORY_GB = 16;

export function isFlexShape(shape: string): boolean {
  return shape.endsWith(".Flex");
}

function instanceConfiguration(seed: SeedDeployment): JsonObject {
  const shape = seed.shape ?? "VM.Standard2.1";
  const config: JsonObject = { instanceShapeName: shape };
  if (seed.subnetId) config.subnetId = seed.subnetId;
  if (seed.privateEndpointId) config.privateEndpointId = seed.privateEndpointId;
  if (isFlexShape(shape) || seed.ocpus !== undefined || seed.memoryInGBs !== undefined) {
    const shapeConfig: JsonObject = {
      ocpus: seed.ocpus ?? DEFAULT_FLEX_OCPUS,
      memoryInGBs: seed.memoryInGBs ?? DEFAULT_FLEX_MEMORY_GB,
    };
    if (seed.cpuBaseline) shapeConfig.cpuBaseline = seed.cpuBaseline;
    config.modelDeploymentInstanceShapeConfigDetails = shapeConfig;
  }
  return config;
}

function scalingPolicy(seed: SeedDeployment): JsonObject {
  return seed.scalingPolicy
    ? clone(seed.scalingPolicy)
    : { policyType: "FIXED_SIZE", instanceCount: seed.instanceCount ?? 1 };
}

function configurationDetails(
  seed: SeedDeployment,
  modelId: string,
): ModelDeployment["modelDeploymentConfigurationDetails"] {
  const deploymentType = seed.deploymentType ?? "SINGLE_MODEL";
  const environmentConfigurationDetails = seed.environmentConfigurationDetails
    ? clone(seed.environmentConfigurationDetails)
    : { environmentConfigurationType: "DEFAULT", environmentVariables: {} };
  const bandwidth: JsonObject = { bandwidthMbps: seed.bandwidthMbps ?? 10 };
  if (seed.maximumBandwidthMbps !== undefined) bandwidth.maximumBandwidthMbps = seed.maximumBandwidthMbps;
  switch (deploymentType) {
    case "MODEL_GROUP":
      return {
        deploymentType,
        modelGroupConfigurationDetails: { modelGroupId: newOcid("datasciencemodelgroup") },
        infrastructureConfigurationDetails: {
          infrastructureType: "INSTANCE_POOL",
          instanceConfiguration: instanceConfiguration(seed),
          scalingPolicy: scalingPolicy(seed),
          ...bandwidth,
        },
        environmentConfigurationDetails,
      };
    case "SINGLE_MODEL_FLEX":
      return {
        deploymentType,
        modelConfigurationDetails: { modelId },
        infrastructureConfigurationDetails: {
          infrastructureType: "MANAGED_COMPUTE_CLUSTER",
          computeTargetId: newOcid("computecluster"),
          modelDeploymentResourceConfiguration: {
            resourceRequestConfiguration: {
              ocpus: seed.ocpus ?? DEFAULT_FLEX_OCPUS,
              memoryInGBs: seed.memoryInGBs ?? DEFAULT_FLEX_MEMORY_GB,
            },
          },
          scalingPolicy: scalingPolicy(seed),
        },
        environmentConfigurationDetails,
      };
    default:
      return {
        deploymentType,
        modelConfigurationDetails: {
          modelId,
          instanceConfiguration: instanceConfiguration(seed),
          scalingPolicy: scalingPolicy(seed),
          ...bandwidth,
        },
        environmentConfigurationDetails,
      };
  }
}

export function buildDeployment(seed: SeedDeployment, now: number): ModelDeployment {
  const id = seed.id ?? newOcid("datasciencemodeldeployment");
  const modelId = seed.modelId ?? newOcid("datasciencemodel");
  const modelDeploymentConfigurationDetails = configurationDetails(seed, modelId);
  return {
    id,
    displayName: seed.displayName ?? `model-deployment-${id.slice(-6)}`,
    description: "Seeded by the OCI emulator",
    compartmentId: seed.compartmentId ?? DEFAULT_COMPARTMENT,
    projectId: newOcid("datascienceproject"),
    createdBy: "ocid1.user.oc1..test",
    timeCreated: new Date(now).toISOString(),
    modelDeploymentUrl: `https://modeldeployment.us-ashburn-1.oci.customer-oci.com/${id}`,
    lifecycleState: seed.lifecycleState ?? "ACTIVE",
    lifecycleDetails: "Model Deployment is Active.",
    modelDeploymentConfigurationDetails,
    modelDeploymentSystemData: systemDataFor(modelDeploymentConfigurationDetails, seed.currentInstanceCount),
    categoryLogDetails: {
      access: { logId: newOcid("log"), logGroupId: newOcid("loggroup") },
      predict: { logId: newOcid("log"), logGroupId: newOcid("loggroup") },
    },
    freeformTags: seed.freeformTags ?? {},
    definedTags: seed.definedTags ?? {},
  };
}
