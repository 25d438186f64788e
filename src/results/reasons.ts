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
} as const;
export type ReasonCode = (typeof Reason)[keyof typeof Reason];
