import type { Config } from "./config";
import { ScalingAction } from "./decision";

export type AlarmNames = Pick<
  Config,
  "HIGH_CPU_ALARM_NAME" | "LOW_CPU_ALARM_NAME" | "HIGH_MEM_ALARM_NAME" | "LOW_MEM_ALARM_NAME"
>;

/** The alarm title (its notification title, or display name when none is set) says what to do. */
export function actionForTitle(title: string, names: AlarmNames): ScalingAction | undefined {
  const routes: Record<string, ScalingAction> = {
    [names.HIGH_CPU_ALARM_NAME]: ScalingAction.InstanceUp,
    [names.LOW_CPU_ALARM_NAME]: ScalingAction.InstanceDown,
    [names.HIGH_MEM_ALARM_NAME]: ScalingAction.ShapeUp,
    [names.LOW_MEM_ALARM_NAME]: ScalingAction.ShapeDown,
  };
  return Object.hasOwn(routes, title.trim()) ? routes[title.trim()] : undefined;
}
