/** What every policy is: something that looks at the plant once a minute and may submit an update. */
import type { Assumptions } from "../assumptions";
import type { Plant } from "../plant";
import type { Trace } from "../trace";

export interface PolicyContext {
  trace: Trace;
  assumptions: Assumptions;
  initialInstances: number;
  /** `--config KEY=VALUE`: the function's configuration for `this` (and the thresholds of its alarms). */
  config: Record<string, string>;
  /** `--signal`: what `this` scales instances on, CPU (setup's default) or requests (setup --requests). */
  signal?: ScalingSignal;
  /** `--requests-per-instance`: requests per minute one instance serves at 100 % CPU, when given. */
  requestsPerInstance?: number;
  /** `--forecast`: `this` with the forecast schedule setup creates (default) or without it (`off`). */
  forecast?: ForecastMode;
}

export type ScalingSignal = "cpu" | "requests";
export type ForecastMode = "on" | "off";

export interface Policy {
  /** Called once a minute, after the plant measured the minute. */
  step(minute: number, plant: Plant): void | Promise<void>;
  /** Figures of the policy's own (messages sent, decisions), for the report. */
  notes?(): Record<string, number>;
  close?(): Promise<void>;
}

export interface PolicyFactory {
  name: string;
  /** The name its figures carry in this context, when it differs from `name` (`this (forecast off)`). */
  nameIn?(context: PolicyContext): string;
  /** The instances this policy starts with (fixed:N has its own). */
  initialInstances?(context: PolicyContext): number;
  create(context: PolicyContext): Policy | Promise<Policy>;
}

export function clampInstances(count: number, a: Pick<Assumptions, "minInstances" | "maxInstances">): number {
  return Math.max(a.minInstances, Math.min(a.maxInstances, count));
}
