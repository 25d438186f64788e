import type { Config } from "../policy/config";
import { ACTION_METRIC, type AlarmRoute, ScalingAction } from "../results/decision";
import { MAX_TITLE_LENGTH } from "./alarm-message";

export type AlarmNames = Pick<
  Config,
  | "HIGH_CPU_ALARM_NAME"
  | "LOW_CPU_ALARM_NAME"
  | "HIGH_MEM_ALARM_NAME"
  | "LOW_MEM_ALARM_NAME"
  | "HIGH_REQUESTS_ALARM_NAME"
  | "LOW_REQUESTS_ALARM_NAME"
>;

/**
 * The alarm title (its notification title, or display name when none is set) says what to do, on which metric.
 * A title longer than any alarm name (a rendered template, cut short by the schema) routes nowhere.
 */
export function routeForTitle(title: string, names: AlarmNames): AlarmRoute | undefined {
  if (title.length > MAX_TITLE_LENGTH) return undefined;
  const byAction = (action: ScalingAction): AlarmRoute => ({ action, metric: ACTION_METRIC[action] });
  const routes: Record<string, AlarmRoute> = {
    [names.HIGH_CPU_ALARM_NAME]: byAction(ScalingAction.InstanceUp),
    [names.LOW_CPU_ALARM_NAME]: byAction(ScalingAction.InstanceDown),
    [names.HIGH_MEM_ALARM_NAME]: byAction(ScalingAction.ShapeUp),
    [names.LOW_MEM_ALARM_NAME]: byAction(ScalingAction.ShapeDown),
    [names.HIGH_REQUESTS_ALARM_NAME]: { action: ScalingAction.InstanceUp, metric: "PredictRequestCount" },
    [names.LOW_REQUESTS_ALARM_NAME]: { action: ScalingAction.InstanceDown, metric: "PredictRequestCount" },
  };
  return Object.hasOwn(routes, title.trim()) ? routes[title.trim()] : undefined;
}

/** The action alone, for callers that do not care which metric asked for it. */
export function actionForTitle(title: string, names: AlarmNames): ScalingAction | undefined {
  return routeForTitle(title, names)?.action;
}
