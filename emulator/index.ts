export { mulberry32 } from "./faults";
export type {
  AlarmDimensionStatesEntry,
  AlarmStreamStateOptions,
  AlarmStreamStatus,
  MetricPoint,
  MetricPointsSeed,
  MonitoringEmulatorApi,
  PublishedMessage,
} from "./monitoring-types";
export { startEmulator } from "./server";
export { parseAuthorization, type SignatureCheck, type SignedRequest, verifyRequestSignature } from "./signature";
export type {
  DynamicGroup,
  DynamicGroupSeed,
  NotificationTopic,
  Policy,
  PolicySeed,
  Subscription,
  SubscriptionSeed,
  SubscriptionState,
  TenancyEmulatorApi,
  TenancyEmulatorOptions,
  TopicSeed,
} from "./tenancy-types";
export type {
  Alarm,
  AlarmSeed,
  Emulator,
  EmulatorOptions,
  FaultInjector,
  FaultRule,
  FaultStatus,
  InjectedFault,
  Json,
  JsonObject,
  ModelDeployment,
  RandomFaultKind,
  RandomFaultOptions,
  RecordedRequest,
  SeedDeployment,
  StoredDeployment,
  UpdateSemantics,
  WorkRequest,
  WorkRequestResource,
  WorkRequestSeed,
} from "./types";
