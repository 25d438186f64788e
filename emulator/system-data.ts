/**
 * modelDeploymentSystemData as OCI reports it (SDK InstancePoolModelDeploymentSystemData and
 * ManagedComputeClusterModelDeploymentSystemData): systemInfraType and the live currentInstanceCount.
 */
import { isJsonObject } from "./json";
import type { JsonObject } from "./types";

/** Where the instance settings live: modelConfigurationDetails, or infrastructureConfigurationDetails. */
export function infrastructureOf(config: JsonObject): JsonObject | undefined {
  const holder =
    config.deploymentType === "SINGLE_MODEL"
      ? config.modelConfigurationDetails
      : config.infrastructureConfigurationDetails;
  return isJsonObject(holder) ? holder : undefined;
}

function autoscalingBounds(policy: JsonObject): { min: number; initial: number; max: number } | undefined {
  const first = Array.isArray(policy.autoScalingPolicies) ? policy.autoScalingPolicies[0] : undefined;
  if (!isJsonObject(first)) return undefined;
  const { minimumInstanceCount: min, initialInstanceCount: initial, maximumInstanceCount: max } = first;
  if (typeof min !== "number" || typeof initial !== "number" || typeof max !== "number") return undefined;
  return { min, initial, max };
}

/** The AUTOSCALING policy's initialInstanceCount, or undefined for any other policy. */
export function initialInstanceCountOf(config: JsonObject): number | undefined {
  const policy = infrastructureOf(config)?.scalingPolicy;
  return isJsonObject(policy) && policy.policyType === "AUTOSCALING" ? autoscalingBounds(policy)?.initial : undefined;
}

/**
 * FIXED_SIZE runs instanceCount instances. Under AUTOSCALING OCI's autoscaler moves the count between the
 * minimum and the maximum: liveCount (clamped to them) when known, else initialInstanceCount.
 */
export function systemDataFor(config: JsonObject, liveCount?: number): JsonObject {
  const policy = infrastructureOf(config)?.scalingPolicy;
  let count: number | undefined;
  if (isJsonObject(policy)) {
    if (typeof policy.instanceCount === "number") count = policy.instanceCount;
    const bounds = autoscalingBounds(policy);
    if (bounds)
      count = liveCount === undefined ? bounds.initial : Math.min(bounds.max, Math.max(bounds.min, liveCount));
  }
  const systemInfraType = config.deploymentType === "SINGLE_MODEL_FLEX" ? "MANAGED_COMPUTE_CLUSTER" : "INSTANCE_POOL";
  return count === undefined ? { systemInfraType } : { systemInfraType, currentInstanceCount: count };
}
