import type { FlexSize } from "../policy/flex-sizing";
import type { ReasonCode } from "./reasons";

export const ScalingAction = {
  InstanceUp: "instance-up",
  InstanceDown: "instance-down",
  ShapeUp: "shape-up",
  ShapeDown: "shape-down",
} as const;
export type ScalingAction = (typeof ScalingAction)[keyof typeof ScalingAction];

/** The metric behind each action, which is also the metric of its scale-down alarm. */
export const ACTION_METRIC = {
  "instance-up": "CpuUtilization",
  "instance-down": "CpuUtilization",
  "shape-up": "MemoryUtilization",
  "shape-down": "MemoryUtilization",
} as const satisfies Record<ScalingAction, string>;
/**
 * The metric an alarm scales on. Request alarms move the instance count like CPU alarms, on another metric
 * (`PredictRequestCount`), so a route carries the metric as well as the action.
 */
export type ScalingMetric = (typeof ACTION_METRIC)[ScalingAction] | "PredictRequestCount";

/** What an alarm asks for: an action, and the metric it reads and keeps its scale-down alarm on. */
export interface AlarmRoute {
  action: ScalingAction;
  metric: ScalingMetric;
}

/** What should happen to the deployment's scale-down alarm for this metric. */
export type ScaleDownAlarmPlan = "ensure" | "delete" | "none";

/** The part of the deployment a decision changes. A flex shape carries its sizing; a fixed shape none. */
export type DeploymentChange = { instanceCount: number } | { shapeName: string; flexSize?: FlexSize };

interface DecisionBase {
  action: ScalingAction;
  from: string | number | undefined;
  reason: ReasonCode;
  message: string;
  scaleDownAlarm: ScaleDownAlarmPlan;
}

export interface ChangeDecision extends DecisionBase {
  kind: "change";
  to: string | number;
  change: DeploymentChange;
}

export interface NoChangeDecision extends DecisionBase {
  kind: "no-change";
}

export type Decision = ChangeDecision | NoChangeDecision;

export function noChange(
  action: ScalingAction,
  from: string | number | undefined,
  reason: ReasonCode,
  message: string,
  scaleDownAlarm: ScaleDownAlarmPlan = "none",
): NoChangeDecision {
  return { kind: "no-change", action, from, reason, message, scaleDownAlarm };
}
