/** UpdateModelDeploymentDetails validation (400 InvalidParameter); update-semantics.ts applies it. */

import { isFlexShape } from "./deployment-seed";
import { invalidParameter } from "./errors";
import { isJsonObject } from "./json";
import type { Json, JsonObject, ModelDeployment, UpdateSemantics } from "./types";

/**
 * What a whole stored object needs, per the create models: ModelConfigurationDetails and
 * InstancePoolInfrastructureConfigurationDetails require instanceConfiguration,
 * ManagedComputeClusterModelDeployInfrastructureConfigDetails requires computeTargetId. scalingPolicy is
 * optional in all three SDK models; what OCI stores without one is undocumented, so the emulator refuses
 * to leave a deployment without one rather than invent a default.
 */
const REQUIRED_WHEN_REPLACED: Record<string, string[]> = {
  modelConfigurationDetails: ["instanceConfiguration", "scalingPolicy"],
  INSTANCE_POOL: ["instanceConfiguration", "scalingPolicy"],
  MANAGED_COMPUTE_CLUSTER: ["computeTargetId", "scalingPolicy"],
};
const INFRASTRUCTURE_TYPE: Record<string, string> = {
  MODEL_GROUP: "INSTANCE_POOL",
  SINGLE_MODEL_FLEX: "MANAGED_COMPUTE_CLUSTER",
};

const isPositiveInt = (v: Json | undefined): v is number => typeof v === "number" && Number.isInteger(v) && v >= 1;

function objectOrThrow(value: Json | undefined, name: string): JsonObject | undefined {
  if (value === undefined) return undefined;
  if (!isJsonObject(value)) throw invalidParameter(`${name} must be an object.`);
  return value;
}

function validateStringMap(value: Json | undefined, name: string): void {
  const map = objectOrThrow(value, name);
  if (map && !Object.values(map).every((v) => typeof v === "string"))
    throw invalidParameter(`${name} values must be strings.`);
}

function validateInstanceConfiguration(value: Json | undefined, name: string): void {
  const config = objectOrThrow(value, name);
  if (!config) return;
  if (typeof config.instanceShapeName !== "string" || config.instanceShapeName === "") {
    throw invalidParameter(`${name}.instanceShapeName is required.`);
  }
  const shapeConfig = objectOrThrow(
    config.modelDeploymentInstanceShapeConfigDetails,
    `${name}.modelDeploymentInstanceShapeConfigDetails`,
  );
  if (isFlexShape(config.instanceShapeName) && !(typeof shapeConfig?.ocpus === "number" && shapeConfig.ocpus > 0)) {
    throw invalidParameter(
      `Flex shape ${config.instanceShapeName} requires modelDeploymentInstanceShapeConfigDetails.ocpus.`,
    );
  }
  if (
    shapeConfig?.memoryInGBs !== undefined &&
    !(typeof shapeConfig.memoryInGBs === "number" && shapeConfig.memoryInGBs > 0)
  ) {
    throw invalidParameter(`${name}.modelDeploymentInstanceShapeConfigDetails.memoryInGBs must be a positive number.`);
  }
}

function validateScalingPolicy(value: Json | undefined, name: string): void {
  const policy = objectOrThrow(value, name);
  if (!policy) return;
  if (policy.policyType === "FIXED_SIZE") {
    if (!isPositiveInt(policy.instanceCount)) throw invalidParameter(`${name}.instanceCount must be an integer >= 1.`);
    return;
  }
  if (policy.policyType !== "AUTOSCALING")
    throw invalidParameter(`${name}.policyType must be FIXED_SIZE or AUTOSCALING.`);
  const policies = policy.autoScalingPolicies;
  if (!Array.isArray(policies) || policies.length === 0)
    throw invalidParameter(`${name}.autoScalingPolicies is required.`);
  for (const p of policies) {
    const ok =
      isJsonObject(p) &&
      p.autoScalingPolicyType === "THRESHOLD" &&
      isPositiveInt(p.minimumInstanceCount) &&
      isPositiveInt(p.maximumInstanceCount) &&
      isPositiveInt(p.initialInstanceCount) &&
      p.minimumInstanceCount <= p.initialInstanceCount &&
      p.initialInstanceCount <= p.maximumInstanceCount;
    if (!ok)
      throw invalidParameter(`${name}.autoScalingPolicies entries must be THRESHOLD with min <= initial <= max.`);
  }
}

function requireWholeObject(infra: JsonObject, infraName: string): void {
  const key = infraName === "modelConfigurationDetails" ? infraName : String(infra.infrastructureType);
  for (const field of REQUIRED_WHEN_REPLACED[key] ?? []) {
    if (infra[field] === undefined)
      throw invalidParameter(`${infraName}.${field} is required: the given object replaces the stored one.`);
  }
}

function validateConfiguration(value: Json | undefined, currentType: string, semantics: UpdateSemantics): void {
  const config = objectOrThrow(value, "modelDeploymentConfigurationDetails");
  if (!config) return;
  if (config.deploymentType !== currentType) {
    throw invalidParameter(`deploymentType must be ${currentType} for this model deployment.`);
  }
  const model = objectOrThrow(config.modelConfigurationDetails, "modelConfigurationDetails");
  if (model && (typeof model.modelId !== "string" || model.modelId === "")) {
    throw invalidParameter("modelConfigurationDetails.modelId is required.");
  }
  const group = objectOrThrow(config.modelGroupConfigurationDetails, "modelGroupConfigurationDetails");
  if (group && typeof group.modelGroupId !== "string")
    throw invalidParameter("modelGroupConfigurationDetails.modelGroupId is required.");
  objectOrThrow(config.environmentConfigurationDetails, "environmentConfigurationDetails");

  const infra =
    currentType === "SINGLE_MODEL"
      ? model
      : objectOrThrow(config.infrastructureConfigurationDetails, "infrastructureConfigurationDetails");
  const infraName = currentType === "SINGLE_MODEL" ? "modelConfigurationDetails" : "infrastructureConfigurationDetails";
  if (!infra) return;
  const expectedInfraType = INFRASTRUCTURE_TYPE[currentType];
  if (expectedInfraType && infra.infrastructureType !== expectedInfraType) {
    throw invalidParameter(`${infraName}.infrastructureType must be ${expectedInfraType}.`);
  }
  if (semantics === "replace") requireWholeObject(infra, infraName);
  validateInstanceConfiguration(infra.instanceConfiguration, `${infraName}.instanceConfiguration`);
  validateScalingPolicy(infra.scalingPolicy, `${infraName}.scalingPolicy`);
}

/** Throws ApiError(400) unless `body` is a valid update for `current`. */
export function validateUpdate(
  current: ModelDeployment,
  body: Json | undefined,
  semantics: UpdateSemantics = "merge-fields",
): JsonObject {
  if (!isJsonObject(body)) throw invalidParameter("The request body must be an UpdateModelDeploymentDetails object.");
  for (const field of ["displayName", "description"]) {
    if (body[field] !== undefined && typeof body[field] !== "string")
      throw invalidParameter(`${field} must be a string.`);
  }
  validateStringMap(body.freeformTags, "freeformTags");
  objectOrThrow(body.definedTags, "definedTags");
  objectOrThrow(body.categoryLogDetails, "categoryLogDetails");
  validateConfiguration(
    body.modelDeploymentConfigurationDetails,
    current.modelDeploymentConfigurationDetails.deploymentType,
    semantics,
  );
  return body;
}
