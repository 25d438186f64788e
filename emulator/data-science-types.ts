/** Public types of the emulator's Data Science side: deployment seeds, work requests, update semantics. */
import type { Json, JsonObject } from "./types";

export interface SeedDeployment {
  id?: string;
  compartmentId?: string;
  displayName?: string;
  /** Default ACTIVE. */
  lifecycleState?: string;
  modelId?: string;
  /** FIXED_SIZE instance count, default 1. Ignored when scalingPolicy is given. */
  instanceCount?: number;
  /** Default "VM.Standard2.1". Flex shapes get modelDeploymentInstanceShapeConfigDetails. */
  shape?: string;
  ocpus?: number;
  memoryInGBs?: number;
  /** Raw scaling policy (e.g. an AUTOSCALING policy), replacing the FIXED_SIZE one. */
  scalingPolicy?: JsonObject;
  /** SINGLE_MODEL (default), MODEL_GROUP or SINGLE_MODEL_FLEX. */
  deploymentType?: string;
  freeformTags?: Record<string, string>;
  definedTags?: Record<string, Record<string, Json>>;
  subnetId?: string;
  bandwidthMbps?: number;
  /** InstanceConfiguration.privateEndpointId. */
  privateEndpointId?: string;
  /** ModelConfigurationDetails.maximumBandwidthMbps (InstancePoolInfrastructureConfigurationDetails for MODEL_GROUP). */
  maximumBandwidthMbps?: number;
  /** ModelDeploymentInstanceShapeConfigDetails.cpuBaseline: BASELINE_1_8, BASELINE_1_2 or BASELINE_1_1. */
  cpuBaseline?: string;
  /** Raw environmentConfigurationDetails, e.g. OcirModelDeploymentEnvironmentConfigurationDetails; default DEFAULT. */
  environmentConfigurationDetails?: JsonObject;
  /** Live instance count under an AUTOSCALING policy (modelDeploymentSystemData); default initialInstanceCount. */
  currentInstanceCount?: number;
}

/** A work request as served by GET /20190101/workRequests/{id} (SDK model WorkRequest). */
export interface WorkRequest {
  id: string;
  operationType: string;
  status: string;
  compartmentId: string;
  percentComplete: number;
  resources: WorkRequestResource[];
  timeAccepted: string;
  timeStarted?: string;
  timeFinished?: string;
}

/** SDK model WorkRequestResource. */
export interface WorkRequestResource {
  entityType: string;
  actionType: string;
  identifier: string;
  entityUri?: string;
}

/** A past or running change to record, e.g. a person's update that finished at some time. Times are epoch ms. */
export interface WorkRequestSeed {
  modelDeploymentId: string;
  id?: string;
  /** Default: the deployment's compartment, when the emulator knows it. */
  compartmentId?: string;
  /** Default MODEL_DEPLOYMENT_UPDATE. */
  operationType?: string;
  /** Default SUCCEEDED. */
  status?: string;
  timeAccepted: number;
  /** Default timeAccepted, unless the status is ACCEPTED. */
  timeStarted?: number;
  /** Default timeStarted for SUCCEEDED, FAILED and CANCELED. */
  timeFinished?: number;
  /** Default 100 when SUCCEEDED, else 0. */
  percentComplete?: number;
}

export type UpdateSemantics = "merge-fields" | "replace";
