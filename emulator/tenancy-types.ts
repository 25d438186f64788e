/**
 * Public types of what the setup and doctor commands read and write besides alarms: Notifications topics
 * and subscriptions, Identity dynamic groups and policies, Functions applications and functions (Resource
 * Scheduler schedules are in schedule-types.ts). Wire objects are plain JSON as served (timestamps ISO
 * strings, Subscription.createdTime epoch milliseconds).
 */
import type { ScheduleEmulatorApi } from "./schedule-types";

/** NotificationTopic (oci-ons lib/model/notification-topic.d.ts). */
export interface NotificationTopic {
  topicId: string;
  name: string;
  compartmentId: string;
  lifecycleState: "ACTIVE" | "DELETING" | "CREATING";
  description?: string;
  timeCreated: string;
  etag: string;
  /** Where subscriptions are managed and messages published: the emulator's own URL. */
  apiEndpoint: string;
  freeformTags: Record<string, string>;
  definedTags: Record<string, Record<string, string>>;
}

export type TopicSeed = Partial<NotificationTopic> & { compartmentId: string; name: string };

export type SubscriptionState = "PENDING" | "ACTIVE" | "DELETED";

/** Subscription (oci-ons lib/model/subscription.d.ts). */
export interface Subscription {
  id: string;
  topicId: string;
  compartmentId: string;
  /** CUSTOM_HTTPS, EMAIL, HTTPS, ORACLE_FUNCTIONS, PAGERDUTY, SLACK or SMS. */
  protocol: string;
  /** For ORACLE_FUNCTIONS, the function's OCID. */
  endpoint: string;
  lifecycleState: SubscriptionState;
  /** Epoch milliseconds (the model declares a number). */
  createdTime: number;
  etag: string;
  freeformTags: Record<string, string>;
  definedTags: Record<string, Record<string, string>>;
}

export type SubscriptionSeed = Partial<Subscription> & { topicId: string; protocol: string; endpoint: string };

/** DynamicGroup (oci-identity lib/model/dynamic-group.d.ts); compartmentId is the tenancy. */
export interface DynamicGroup {
  id: string;
  compartmentId: string;
  name: string;
  description: string;
  matchingRule: string;
  timeCreated: string;
  lifecycleState: string;
  freeformTags: Record<string, string>;
  definedTags: Record<string, Record<string, string>>;
}

export type DynamicGroupSeed = Partial<DynamicGroup> & { compartmentId: string; name: string; matchingRule: string };

/** Policy (oci-identity lib/model/policy.d.ts). */
export interface Policy {
  id: string;
  compartmentId: string;
  name: string;
  statements: string[];
  description: string;
  timeCreated: string;
  lifecycleState: string;
  freeformTags: Record<string, string>;
  definedTags: Record<string, Record<string, string>>;
}

export type PolicySeed = Partial<Policy> & { compartmentId: string; name: string; statements: string[] };

/** Application (oci-functions lib/model/application.d.ts), the fields the emulator keeps. */
export interface FunctionsApplication {
  id: string;
  compartmentId: string;
  displayName: string;
  lifecycleState: string;
  config: Record<string, string>;
  subnetIds: string[];
  shape: string;
  timeCreated: string;
  timeUpdated: string;
  freeformTags: Record<string, string>;
  definedTags: Record<string, Record<string, string>>;
}

export type ApplicationSeed = Partial<FunctionsApplication> & { compartmentId: string; displayName: string };

/** Function (oci-functions lib/model/function.d.ts), the fields the emulator keeps. */
export interface FunctionResource {
  id: string;
  displayName: string;
  applicationId: string;
  compartmentId: string;
  lifecycleState: string;
  image: string;
  imageDigest: string;
  shape: string;
  memoryInMBs: number;
  timeoutInSeconds: number;
  config: Record<string, string>;
  invokeEndpoint: string;
  timeCreated: string;
  timeUpdated: string;
  freeformTags: Record<string, string>;
  definedTags: Record<string, Record<string, string>>;
}

/** compartmentId is the application's. */
export type FunctionSeed = Partial<FunctionResource> & { applicationId: string; displayName: string };

export interface TenancyEmulatorOptions {
  /**
   * The state OCI gives a new ORACLE_FUNCTIONS subscription: "active" (default), as OCI confirms those itself,
   * or "pending" to test what happens while one is not confirmed. Other protocols always start PENDING until
   * confirmed (CreateSubscription doc), which setSubscriptionState stands in for.
   */
  functionSubscriptions?: "active" | "pending";
  /**
   * Answer 404 to PublishMessage for a topic the emulator does not hold. Off by default: tests publish to
   * made-up topic ids. A deleted topic is refused either way.
   */
  refusePublishToUnknownTopics?: boolean;
}

export interface TenancyEmulatorApi extends ScheduleEmulatorApi {
  seedTopic(seed: TopicSeed): NotificationTopic;
  topics(): NotificationTopic[];
  seedSubscription(seed: SubscriptionSeed): Subscription;
  subscriptions(topicId?: string): Subscription[];
  /** Stands in for the endpoint's confirmation (ACTIVE) or a lapse (PENDING); throws for an unknown id. */
  setSubscriptionState(id: string, state: SubscriptionState): Subscription;
  seedDynamicGroup(seed: DynamicGroupSeed): DynamicGroup;
  dynamicGroups(): DynamicGroup[];
  seedPolicy(seed: PolicySeed): Policy;
  policies(): Policy[];
  seedApplication(seed: ApplicationSeed): FunctionsApplication;
  /** Throws for an unknown application. */
  seedFunction(seed: FunctionSeed): FunctionResource;
  /** Replaces a function's configuration, as `fn config function` does; throws for an unknown function. */
  setFunctionConfig(id: string, config: Record<string, string>): FunctionResource;
}
