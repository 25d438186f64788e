/**
 * How a validated UpdateModelDeploymentDetails combines with the stored deployment. Top-level fields given
 * replace the old ones (a given freeformTags map replaces the whole map) and a given
 * environmentConfigurationDetails replaces the old one whole. Inside modelConfigurationDetails /
 * infrastructureConfigurationDetails / modelGroupConfigurationDetails:
 * - "merge-fields": each given field replaces that field, so an instanceConfiguration without subnetId
 *   drops the subnet but an absent instanceConfiguration is kept;
 * - "replace": the given object replaces the stored one whole.
 */
import { clone, isJsonObject } from "./json";
import { initialInstanceCountOf, systemDataFor } from "./system-data";
import type { JsonObject, ModelDeployment, UpdateSemantics } from "./types";

const CONFIGURATION_SECTIONS = [
  "modelConfigurationDetails",
  "infrastructureConfigurationDetails",
  "modelGroupConfigurationDetails",
];

/** A user's update resets OCI's autoscaler only when it changes initialInstanceCount. */
function liveCountAfter(before: ModelDeployment, afterConfig: JsonObject): number | undefined {
  const initialBefore = initialInstanceCountOf(before.modelDeploymentConfigurationDetails);
  if (initialBefore === undefined || initialBefore !== initialInstanceCountOf(afterConfig)) return undefined;
  const live = before.modelDeploymentSystemData;
  return isJsonObject(live) && typeof live.currentInstanceCount === "number" ? live.currentInstanceCount : undefined;
}

/** Returns the deployment with a validated update applied (the input is not modified). */
export function applyUpdate(current: ModelDeployment, update: JsonObject, semantics: UpdateSemantics): ModelDeployment {
  const next = clone(current);
  for (const field of ["displayName", "description", "freeformTags", "definedTags"]) {
    if (update[field] !== undefined) next[field] = clone(update[field]);
  }
  if (isJsonObject(update.categoryLogDetails)) {
    const old = semantics === "replace" ? {} : (next.categoryLogDetails ?? {});
    next.categoryLogDetails = { ...old, ...clone(update.categoryLogDetails) };
  }
  const configUpdate = update.modelDeploymentConfigurationDetails;
  if (isJsonObject(configUpdate)) {
    const config = next.modelDeploymentConfigurationDetails;
    for (const section of CONFIGURATION_SECTIONS) {
      const given = configUpdate[section];
      if (!isJsonObject(given)) continue;
      const old = config[section];
      config[section] = semantics === "replace" ? clone(given) : { ...(isJsonObject(old) ? old : {}), ...clone(given) };
    }
    if (isJsonObject(configUpdate.environmentConfigurationDetails)) {
      config.environmentConfigurationDetails = clone(configUpdate.environmentConfigurationDetails);
    }
    next.modelDeploymentSystemData = systemDataFor(config, liveCountAfter(current, config));
  }
  return next;
}
