import type * as common from "oci-common";
import type { DataScienceClient, models } from "oci-datascience";
import type { DeploymentChange } from "../results/decision";
import { type DeploymentSnapshot, type EnvironmentConfiguration, toSnapshot } from "../scalers/deployment-snapshot";

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

export interface UpdateParts {
  /**
   * Leave the scaling policy out of a shape change (an instance change is a policy change and always sends
   * it). Only for when OCI refused the policy alongside the change: see update-attempts.ts.
   */
  withoutScalingPolicy?: boolean;
}

/**
 * The update body: the deployment's current configuration, as just read, with exactly one change. OCI does
 * not document whether an update keeps or resets nested fields it leaves out (FIELD-NOTES; Oracle's ADS sends
 * the whole configuration), so nothing is left out: instance configuration (subnet, private endpoint, flex
 * sizing), scaling policy, bandwidth and the environment all go back as they were. A flex step sends the
 * new OCPUs and memory over the old sizing (so a burstable cpuBaseline stays); a move to a fixed shape drops
 * the flex sizing, which fixed shapes refuse.
 */
export function updateDetailsFor(
  deployment: DeploymentSnapshot,
  change: DeploymentChange,
  freeformTags?: Record<string, string>,
  parts: UpdateParts = {},
): models.UpdateModelDeploymentDetails {
  const current = deployment.modelConfiguration;
  const sendPolicy = current?.scalingPolicy && !parts.withoutScalingPolicy;
  const modelConfigurationDetails: models.UpdateModelConfigurationDetails = {
    modelId: deployment.modelId ?? "",
    ...(current?.instanceConfiguration ? { instanceConfiguration: current.instanceConfiguration } : {}),
    ...(sendPolicy ? { scalingPolicy: current.scalingPolicy } : {}),
    ...(current?.bandwidthMbps !== undefined ? { bandwidthMbps: current.bandwidthMbps } : {}),
    ...(current?.maximumBandwidthMbps !== undefined ? { maximumBandwidthMbps: current.maximumBandwidthMbps } : {}),
  };
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
  const environment = environmentForUpdate(deployment.environmentConfiguration);
  const configuration: models.UpdateSingleModelDeploymentConfigurationDetails = {
    deploymentType: "SINGLE_MODEL",
    modelConfigurationDetails,
    ...(environment ? { environmentConfigurationDetails: environment } : {}),
  };
  // freeformTags replaces the whole map, so the caller passes the user's tags merged with ours.
  return freeformTags
    ? { modelDeploymentConfigurationDetails: configuration, freeformTags }
    : { modelDeploymentConfigurationDetails: configuration };
}

type EnvironmentUpdate = NonNullable<
  models.UpdateSingleModelDeploymentConfigurationDetails["environmentConfigurationDetails"]
>;

/**
 * The environment as read, in the update models' terms: the read model of a container environment also
 * carries `defaultEnvironmentVariables`, which the service sets and UpdateOcirModelDeploymentEnvironment-
 * ConfigurationDetails does not take, so only the update model's own fields are copied.
 */
function environmentForUpdate(environment: EnvironmentConfiguration | undefined): EnvironmentUpdate | undefined {
  if (!environment) return undefined;
  if (environment.environmentConfigurationType !== "OCIR_CONTAINER") {
    const { environmentVariables } = environment as models.DefaultModelDeploymentEnvironmentConfigurationDetails;
    return {
      environmentConfigurationType: environment.environmentConfigurationType,
      ...(environmentVariables ? { environmentVariables } : {}),
    } as models.UpdateDefaultModelDeploymentEnvironmentConfigurationDetails;
  }
  const ocir = environment as models.OcirModelDeploymentEnvironmentConfigurationDetails;
  const update: Record<string, unknown> = { environmentConfigurationType: "OCIR_CONTAINER" };
  for (const field of OCIR_UPDATE_FIELDS) if (ocir[field] !== undefined) update[field] = ocir[field];
  return update as unknown as models.UpdateOcirModelDeploymentEnvironmentConfigurationDetails;
}

/** The fields of UpdateOcirModelDeploymentEnvironmentConfigurationDetails (oci-datascience 2.139.1). */
const OCIR_UPDATE_FIELDS = [
  "image",
  "imageDigest",
  "imageSignatureId",
  "cmd",
  "entrypoint",
  "serverPort",
  "healthCheckPort",
  "environmentVariables",
  "predictApiSpecification",
  "customHttpEndpoints",
] as const satisfies readonly (keyof models.UpdateOcirModelDeploymentEnvironmentConfigurationDetails)[];

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
  parts: UpdateParts = {},
): Promise<UpdateAccepted> {
  const response = await client.updateModelDeployment({
    modelDeploymentId: deployment.id,
    updateModelDeploymentDetails: updateDetailsFor(deployment, change, freeformTags, parts),
    ifMatch: deployment.etag,
    retryConfiguration,
  });
  return { opcRequestId: response.opcRequestId, opcWorkRequestId: response.opcWorkRequestId };
}
