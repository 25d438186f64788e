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
export type {
  Schedule,
  ScheduleEmulatorApi,
  ScheduleParameter,
  ScheduleResource,
  ScheduleSeed,
  ScheduleState,
} from "./schedule-types";
export { startEmulator } from "./server";
export { parseAuthorization, type SignatureCheck, type SignedRequest, verifyRequestSignature } from "./signature";
export type {
  ApplicationSeed,
  DynamicGroup,
  DynamicGroupSeed,
  FunctionResource,
  FunctionSeed,
  FunctionsApplication,
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
