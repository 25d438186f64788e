/**
 * Public types of the OCI emulator. Resources are plain JSON exactly as served on the wire
 * (timestamps are ISO strings; the SDK does not turn them into Dates either).
 */

import type { SeedDeployment, UpdateSemantics, WorkRequest, WorkRequestSeed } from "./data-science-types";
import type { MonitoringEmulatorApi } from "./monitoring-types";
import type { TenancyEmulatorApi, TenancyEmulatorOptions } from "./tenancy-types";

export type {
  SeedDeployment,
  UpdateSemantics,
  WorkRequest,
  WorkRequestResource,
  WorkRequestSeed,
} from "./data-science-types";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** A model deployment as served by GET /20190101/modelDeployments/{id}. */
export interface ModelDeployment {
  id: string;
  displayName: string;
  description?: string;
  compartmentId: string;
  projectId: string;
  createdBy: string;
  timeCreated: string;
  modelDeploymentUrl: string;
  lifecycleState: string;
  lifecycleDetails?: string;
  modelDeploymentConfigurationDetails: JsonObject & { deploymentType: string };
  categoryLogDetails?: JsonObject;
  freeformTags: Record<string, string>;
  definedTags: Record<string, Record<string, Json>>;
  [extra: string]: Json | undefined;
}

export interface StoredDeployment {
  deployment: ModelDeployment;
  etag: string;
}

/** An alarm as served by GET /20180401/alarms/{id}. */
export interface Alarm {
  id: string;
  displayName: string;
  compartmentId: string;
  metricCompartmentId: string;
  metricCompartmentIdInSubtree: boolean;
  namespace: string;
  query: string;
  resolution: string;
  pendingDuration: string;
  severity: string;
  body?: string;
  isNotificationsPerMetricDimensionEnabled: boolean;
  messageFormat: string;
  destinations: string[];
  repeatNotificationDuration?: string;
  suppression?: JsonObject;
  isEnabled: boolean;
  freeformTags: Record<string, string>;
  definedTags: Record<string, Record<string, Json>>;
  ruleName: string;
  lifecycleState: string;
  timeCreated: string;
  timeUpdated: string;
  [extra: string]: Json | undefined;
}

export type AlarmSeed = Partial<Alarm> & { compartmentId: string; displayName: string; query: string };

export interface RecordedRequest {
  method: string;
  /** Path without the query string, still percent-encoded as received. */
  path: string;
  /** Decoded query values (the last one wins for repeated keys). */
  query: Record<string, string>;
  headers: Record<string, string>;
  /** Parsed JSON body, or undefined when empty or not JSON. */
  body: unknown;
  rawBody: string;
  /** Response status; 0 while unanswered or when the connection was dropped. */
  status: number;
  keyId: string | undefined;
  signatureValid: boolean;
  /** Arrival time, epoch milliseconds. */
  time: number;
}

export type FaultStatus = 400 | 401 | 404 | 409 | 412 | 429 | 500 | 502 | 503 | 504;

export interface FaultRule {
  method?: string;
  /** RegExp tested against the path, or a substring of it. */
  path?: RegExp | string;
  /** How many requests this rule hits; default 1, Infinity allowed. */
  times?: number;
  status?: FaultStatus;
  /** Answer this late; without status or drop the request is then handled normally. */
  delayMs?: number;
  /** Destroy the socket without answering. */
  drop?: boolean;
}

export type RandomFaultKind = "429" | "500" | "503" | "slow" | "drop";

export interface RandomFaultOptions {
  /** Probability (0..1) that a request gets a fault. */
  rate: number;
  seed: number;
  kinds?: RandomFaultKind[];
  /** Delay of a "slow" fault, default 200 ms. */
  slowMs?: number;
}

export interface InjectedFault {
  kind: string;
  method: string;
  path: string;
}

export interface FaultInjector {
  add(rule: FaultRule): void;
  setRandom(opts: RandomFaultOptions | null): void;
  clear(): void;
  injected: InjectedFault[];
}

export interface EmulatorOptions extends TenancyEmulatorOptions {
  /** Every request's signature is verified against this key. */
  publicKeyPem: string;
  /** How long (on `clock`) a deployment stays UPDATING after a PUT; default 50. Infinity or null: until completeUpdates(). */
  updateDelayMs?: number | null;
  /** Page size of every List operation (alarms, topics, subscriptions, IAM, Functions) when the request has no `limit`; default 50. */
  pageSize?: number;
  /**
   * Answer 400 to an update that changes freeformTags together with the model configuration. Whether OCI
   * allows that on an ACTIVE deployment is not documented; this models the stricter possibility.
   */
  refuseTagsWithConfigurationChange?: boolean;
  /**
   * Answer 400 to an update that carries a scalingPolicy (even one unchanged) together with a change to
   * anything else in the configuration. OCI asks that policy changes on an ACTIVE deployment go alone and
   * does not say whether a policy re-sent as it is counts; this models the stricter reading.
   */
  refuseScalingPolicyWithOtherChanges?: boolean;
  port?: number;
  log?: boolean;
  /** Epoch ms behind every timestamp the emulator writes and every update's due time; default Date.now. */
  clock?: () => number;
  /**
   * Seeded metric points older than this (on `clock`) may be dropped; default: all kept. For long simulated
   * runs that seed every minute: SummarizeMetricsData then never reads further back than this.
   */
  metricRetentionMs?: number;
  /**
   * How an update's objects combine with the stored ones. "merge-fields" (default): inside
   * modelConfigurationDetails etc. each given field replaces that field. "replace": every given object
   * replaces the stored one whole. OCI documents neither.
   */
  updateSemantics?: UpdateSemantics;
}

export interface Emulator extends MonitoringEmulatorApi, TenancyEmulatorApi {
  /** "http://127.0.0.1:PORT", no path: the SDK clients append /20190101 or /20180401. */
  url: string;
  port: number;
  seedDeployment(d?: SeedDeployment): ModelDeployment;
  getDeployment(id: string): StoredDeployment | undefined;
  /** Sets the state (and a new etag), cancelling any pending update: its work request ends FAILED (state FAILED) or CANCELED. */
  setDeploymentState(id: string, state: string): void;
  /** Forgets a deployment entirely, as OCI does some time after deletion: GET then answers 404. */
  purgeDeployment(id: string): void;
  seedAlarm(a: AlarmSeed): Alarm;
  alarms(opts?: { includeDeleted?: boolean }): Alarm[];
  getAlarm(id: string): Alarm | undefined;
  requests: RecordedRequest[];
  /** PUT, POST and DELETE requests, less the POST actions that only read (retrieveDimensionStates, summarizeMetricsData). */
  writes(): RecordedRequest[];
  clearRequests(): void;
  /** Applies every pending update now and makes those deployments ACTIVE. */
  completeUpdates(): void;
  /** Records a work request the emulator did not create itself (no effect on the deployment). */
  seedWorkRequest(seed: WorkRequestSeed): WorkRequest;
  /** Every work request in the order recorded, as GetWorkRequest would serve it now. */
  workRequests(): WorkRequest[];
  faults: FaultInjector;
  close(): Promise<void>;
}
