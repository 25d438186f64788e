/**
 * UpdateModelDeploymentDetails: validation (400 InvalidParameter) and OCI's update semantics.
 * Top-level fields given replace the old ones (a given freeformTags map replaces the whole map).
 * Inside modelConfigurationDetails / infrastructureConfigurationDetails / modelGroupConfigurationDetails
 * each given field replaces that field, so an instanceConfiguration without subnetId drops the subnet.
 */

import { isFlexShape, systemDataFor } from "./deployment-seed";
import { invalidParameter } from "./errors";
import { clone, isJsonObject } from "./json";
import type { Json, JsonObject, ModelDeployment } from "./types";

const FIELDWISE_SECTIONS = [
  "modelConfigurationDetails",
  "infrastructureConfigurationDetails",
  "modelGroupConfigurationDetails",
];
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

function validateConfiguration(value: Json | undefined, currentType: string): void {
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
  validateInstanceConfiguration(infra.instanceConfiguration, `${infraName}.instanceConfiguration`);
  validateScalingPolicy(infra.scalingPolicy, `${infraName}.scalingPolicy`);
}

/** Throws ApiError(400) unless `body` is a valid update for `current`. */
export function validateUpdate(current: ModelDeployment, body: Json | undefined): JsonObject {
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
  );
  return body;
}

/** Returns the deployment with a validated update applied (the input is not modified). */
export function applyUpdate(current: ModelDeployment, update: JsonObject): ModelDeployment {
  const next = clone(current);
  for (const field of ["displayName", "description", "freeformTags", "definedTags"]) {
    if (update[field] !== undefined) next[field] = clone(update[field]);
  }
  if (isJsonObject(update.categoryLogDetails)) {
    next.categoryLogDetails = { ...(next.categoryLogDetails ?? {}), ...clone(update.categoryLogDetails) };
  }
  const configUpdate = update.modelDeploymentConfigurationDetails;
  if (isJsonObject(configUpdate)) {
    const config = next.modelDeploymentConfigurationDetails;
    for (const section of FIELDWISE_SECTIONS) {
      const given = configUpdate[section];
      if (!isJsonObject(given)) continue;
      const old = config[section];
      config[section] = { ...(isJsonObject(old) ? old : {}), ...clone(given) };
    }
    if (isJsonObject(configUpdate.environmentConfigurationDetails)) {
      config.environmentConfigurationDetails = clone(configUpdate.environmentConfigurationDetails);
    }
    next.modelDeploymentSystemData = systemDataFor(config);
  }
  return next;
}
