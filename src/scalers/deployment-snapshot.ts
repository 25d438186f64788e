import type { models } from "oci-datascience";

/** What the scalers need to know about a model deployment, read once per invocation. */
export interface DeploymentSnapshot {
  id: string;
  displayName: string;
  compartmentId: string;
  lifecycleState: string;
  deploymentType: string | undefined;
  modelId: string | undefined;
  /** FIXED_SIZE, AUTOSCALING, or undefined when the deployment has none. */
  scalingPolicyType: string | undefined;
  instanceCount: number | undefined;
  /**
   * The instances running now, as OCI reports them (modelDeploymentSystemData.currentInstanceCount): under
   * AUTOSCALING the only count there is, since OCI's autoscaler moves it. Reported, never written.
   */
  currentInstanceCount: number | undefined;
  instanceConfiguration: models.InstanceConfiguration | undefined;
  /** The whole model configuration and environment as read: an update re-sends them with one change. */
  modelConfiguration: models.ModelConfigurationDetails | undefined;
  environmentConfiguration: EnvironmentConfiguration | undefined;
  freeformTags: Record<string, string>;
  etag: string | undefined;
}

export type EnvironmentConfiguration = NonNullable<
  models.SingleModelDeploymentConfigurationDetails["environmentConfigurationDetails"]
>;

type AnyConfigurationDetails = NonNullable<models.ModelDeployment["modelDeploymentConfigurationDetails"]>;

/** Model configuration of a SINGLE_MODEL deployment; other types keep theirs elsewhere. */
function singleModelConfiguration(
  details: AnyConfigurationDetails | undefined,
): models.ModelConfigurationDetails | undefined {
  if (details?.deploymentType !== "SINGLE_MODEL" || !("modelConfigurationDetails" in details)) return undefined;
  return details.modelConfigurationDetails as models.ModelConfigurationDetails;
}

export function toSnapshot(deployment: models.ModelDeployment, etag: string | undefined): DeploymentSnapshot {
  const details = deployment.modelDeploymentConfigurationDetails;
  const modelConfiguration = singleModelConfiguration(details);
  const policy = modelConfiguration?.scalingPolicy;
  return {
    id: deployment.id,
    displayName: deployment.displayName,
    compartmentId: deployment.compartmentId,
    lifecycleState: String(deployment.lifecycleState),
    deploymentType: details?.deploymentType,
    modelId: modelConfiguration?.modelId,
    scalingPolicyType: policy?.policyType,
    instanceCount: policy && "instanceCount" in policy ? policy.instanceCount : undefined,
    currentInstanceCount: liveInstanceCount(deployment.modelDeploymentSystemData),
    instanceConfiguration: modelConfiguration?.instanceConfiguration,
    modelConfiguration,
    environmentConfiguration:
      details && "environmentConfigurationDetails" in details
        ? (details.environmentConfigurationDetails as EnvironmentConfiguration | undefined)
        : undefined,
    freeformTags: { ...(deployment.freeformTags ?? {}) },
    etag,
  };
}

/** Both system data models (InstancePool..., ManagedComputeCluster...) carry currentInstanceCount. */
function liveInstanceCount(systemData: models.ModelDeployment["modelDeploymentSystemData"]): number | undefined {
  const count = systemData?.currentInstanceCount;
  return typeof count === "number" && Number.isInteger(count) && count >= 0 ? count : undefined;
}
