/**
 * OCI asks that scaling policy changes on an ACTIVE deployment be submitted alone (FIELD-NOTES), and does not
 * say whether a policy re-sent unchanged beside another change counts as one. The strict reading, which
 * `refuseScalingPolicyWithOtherChanges` models: any update that carries a scalingPolicy and changes
 * anything else in the configuration is refused.
 */
import { isDeepStrictEqual } from "node:util";
import { clone, isJsonObject } from "./json";
import { infrastructureOf } from "./system-data";
import type { JsonObject, ModelDeployment, UpdateSemantics } from "./types";
import { applyUpdate } from "./update-semantics";

/** True when `update` carries a scalingPolicy and would also change some other part of the configuration. */
export function policyWithOtherChanges(
  current: ModelDeployment,
  update: JsonObject,
  semantics: UpdateSemantics,
): boolean {
  const given = update.modelDeploymentConfigurationDetails;
  if (!isJsonObject(given) || !isJsonObject(infrastructureOf(given)?.scalingPolicy)) return false;
  const before = current.modelDeploymentConfigurationDetails;
  const after = clone(applyUpdate(current, update, semantics).modelDeploymentConfigurationDetails);
  const afterInfra = infrastructureOf(after);
  const beforeInfra = infrastructureOf(before);
  // Everything but the policy itself: is anything else different?
  if (afterInfra && beforeInfra?.scalingPolicy !== undefined) afterInfra.scalingPolicy = beforeInfra.scalingPolicy;
  else if (afterInfra) delete afterInfra.scalingPolicy;
  return !isDeepStrictEqual(after, before);
}
