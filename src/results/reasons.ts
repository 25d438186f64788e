/**
 * Every decision carries a stable machine code and a sentence for people.
 * The codes are part of the response contract: add, never rename.
 */
export const Reason = {
  ScaledUp: "ScaledUp",
  ScaledDown: "ScaledDown",
  AtMaxInstances: "AtMaxInstances",
  AtMinInstances: "AtMinInstances",
  WithinTolerance: "WithinTolerance",
  MetricDisagrees: "MetricDisagrees",
  AtLargestShape: "AtLargestShape",
  AtSmallestShape: "AtSmallestShape",
  ShapeNotOnLadder: "ShapeNotOnLadder",
  AtMaxMemory: "AtMaxMemory",
  AtMinMemory: "AtMinMemory",
  FlexShapeNotScalable: "FlexShapeNotScalable",
  BuiltInAutoscaling: "BuiltInAutoscaling",
  AutoscaleDisabled: "AutoscaleDisabled",
  UnsupportedScalingPolicy: "UnsupportedScalingPolicy",
  UnsupportedDeploymentType: "UnsupportedDeploymentType",
  NotActive: "NotActive",
  NotAModelDeployment: "NotAModelDeployment",
  NotFoundOrNotAuthorized: "NotFoundOrNotAuthorized",
  ConcurrentChange: "ConcurrentChange",
  UpdateRefused: "UpdateRefused",
  CoolingDown: "CoolingDown",
  DuplicateDelivery: "DuplicateDelivery",
  CompartmentNotAllowed: "CompartmentNotAllowed",
  AlarmNotVerified: "AlarmNotVerified",
  AlarmNotFiring: "AlarmNotFiring",
  DeferredTooMany: "DeferredTooMany",
  NotDecidedBeforeDeadline: "NotDecidedBeforeDeadline",
  BroughtWithinBounds: "BroughtWithinBounds",
  LatencyGuard: "LatencyGuard",
  ScaleInStabilized: "ScaleInStabilized",
  /** A scale-in held (or made smaller) by what the deployment's history forecasts for the coming period. */
  ScaleInForecastHeld: "ScaleInForecastHeld",
  /** A scheduled forecast scaled out ahead of the load its history forecasts. */
  ForecastScaledOut: "ForecastScaledOut",
  /** A forecast needs no more instances than there are. */
  ForecastWithinCount: "ForecastWithinCount",
  /** Fewer days of history than a forecast needs. */
  ForecastTooLittleHistory: "ForecastTooLittleHistory",
  /** The history shows no rise that comes back at this time of day. */
  ForecastNoRhythm: "ForecastNoRhythm",
  /** FORECAST_ENABLED=false: schedule ticks decide nothing. */
  ForecastDisabled: "ForecastDisabled",
  /** The forecast found no scale-up alarm for the deployment to take its scale-down alarm after. */
  ForecastNoScaleUpAlarm: "ForecastNoScaleUpAlarm",
  /** The schedule named in the body does not exist, or the function may not read it. */
  ScheduleNotFound: "ScheduleNotFound",
  /** The schedule is not ACTIVE. */
  ScheduleNotActive: "ScheduleNotActive",
  /** The schedule does not carry setup's tag. */
  ScheduleNotTagged: "ScheduleNotTagged",
  /** The schedule does not list this function (FN_FN_ID) among its resources. */
  ScheduleNotForThisFunction: "ScheduleNotForThisFunction",
  /** The body received is not the BODY parameter stored on the schedule for this function. */
  ScheduleBodyMismatch: "ScheduleBodyMismatch",
} as const;
export type ReasonCode = (typeof Reason)[keyof typeof Reason];
