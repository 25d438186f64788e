import type * as common from "oci-common";
import type { DataScienceClient, models } from "oci-datascience";
import type { DeploymentChange } from "../decision";
import { type DeploymentSnapshot, toSnapshot } from "../deployment-snapshot";

export interface DeploymentRead {
  snapshot: DeploymentSnapshot;
  opcRequestId: string;
}

export async function readDeployment(
  client: DataScienceClient,
  modelDeploymentId: string,
  retryConfiguration: common.RetryConfiguration,
): Promise<DeploymentRead> {
  const response = await client.getModelDeployment({ modelDeploymentId, retryConfiguration });
  return { snapshot: toSnapshot(response.modelDeployment, response.etag), opcRequestId: response.opcRequestId };
}

/**
 * The update body: `modelId` (required by the API) plus only the part that changes. A new shape keeps the
 * rest of the instance configuration (subnet, private endpoint: OCI drops what the body leaves out). A flex
 * step sends the new OCPUs and memory over the old sizing (so a burstable cpuBaseline stays); a move to a
 * fixed shape drops the flex sizing, which fixed shapes refuse.
 */
export function updateDetailsFor(
  deployment: DeploymentSnapshot,
  change: DeploymentChange,
  freeformTags?: Record<string, string>,
): models.UpdateModelDeploymentDetails {
  const modelConfigurationDetails: models.UpdateModelConfigurationDetails = { modelId: deployment.modelId ?? "" };
  if ("instanceCount" in change) {
    const scalingPolicy: models.FixedSizeScalingPolicy = {
      policyType: "FIXED_SIZE",
      instanceCount: change.instanceCount,
    };
    modelConfigurationDetails.scalingPolicy = scalingPolicy;
  } else {
    const { modelDeploymentInstanceShapeConfigDetails: oldSizing, ...kept } = deployment.instanceConfiguration ?? {
      instanceShapeName: change.shapeName,
    };
    modelConfigurationDetails.instanceConfiguration = {
      ...kept,
      instanceShapeName: change.shapeName,
      ...(change.flexSize ? { modelDeploymentInstanceShapeConfigDetails: { ...oldSizing, ...change.flexSize } } : {}),
    };
  }
  const configuration: models.UpdateSingleModelDeploymentConfigurationDetails = {
    deploymentType: "SINGLE_MODEL",
    modelConfigurationDetails,
  };
  // freeformTags replaces the whole map, so the caller passes the user's tags merged with ours.
  return freeformTags
    ? { modelDeploymentConfigurationDetails: configuration, freeformTags }
    : { modelDeploymentConfigurationDetails: configuration };
}

export interface UpdateAccepted {
  opcRequestId: string;
  opcWorkRequestId: string;
}

/** Sends the change with If-Match set to the ETag just read, so a concurrent change makes this one fail (412). */
export async function updateDeployment(
  client: DataScienceClient,
  deployment: DeploymentSnapshot,
  change: DeploymentChange,
  freeformTags: Record<string, string> | undefined,
  retryConfiguration: common.RetryConfiguration,
): Promise<UpdateAccepted> {
  const response = await client.updateModelDeployment({
    modelDeploymentId: deployment.id,
    updateModelDeploymentDetails: updateDetailsFor(deployment, change, freeformTags),
    ifMatch: deployment.etag,
    retryConfiguration,
  });
  return { opcRequestId: response.opcRequestId, opcWorkRequestId: response.opcWorkRequestId };
}
