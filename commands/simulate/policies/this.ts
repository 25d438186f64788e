/**
 * `this`: the function's own code deciding. Monitoring (simulated) evaluates every alarm that exists in the
 * emulator each minute, sends the real-format message to the real handler, and whatever the handler
 * updated through the SDK becomes the plant's update. Nothing of the function's rules is re-implemented
 * here: cooldowns, proportional steps, scale-down alarms and state tags are the handler's.
 * The trace's memory is utilization on the starting shape; after a shape change the alarms see it on the
 * serving shape (a ladder shape's memory grows with the number that ends its name: VM.Standard2.2 has twice
 * VM.Standard2.1's).
 */

import { loadConfig } from "../../../src/policy/config";
import { rungSize } from "../../../src/policy/shape-ladders";
import type { AlarmResponse, DeploymentResult } from "../../../src/results/response";
import { FORECAST_SCHEDULE_NAME } from "../../../src/run/forecast-schedule";
import { requestsThresholdFor } from "../../setup/threshold-check";
import { alarmMessage, type MessageAlarm } from "../alarm-message";
import { AlarmEvaluator, type TransitionType } from "../monitoring";
import type { Plant } from "../plant";
import { forecastTicks } from "./forecast-ticks";
import type { PolicyContext, PolicyFactory } from "./policy";
import { type FunctionOnEmulator, startFunctionOnEmulator } from "./this-emulator";

/**
 * Thresholds of setup's scale-up alarms. HIGH_CPU_THRESHOLD is setup's --cpu-threshold only; HIGH_MEM_THRESHOLD
 * is also the function's own key (its low-memory thresholds follow it), so the function gets it too.
 * HIGH_REQUESTS_THRESHOLD (setup's --requests-threshold, with --signal requests) defaults as setup's does.
 */
export const ALARM_KEYS = { HIGH_CPU_THRESHOLD: "80", HIGH_MEM_THRESHOLD: "80" } as const;
const SETUP_ONLY_KEYS = new Set(["HIGH_CPU_THRESHOLD", "HIGH_REQUESTS_THRESHOLD"]);

function functionEnv(config: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(config).filter(([key]) => !SETUP_ONLY_KEYS.has(key)));
}

/**
 * `--signal requests`: the function's TARGET_REQUESTS_PER_INSTANCE (unless the configuration sets it) is what
 * one instance serves at the target utilization, `--requests-per-instance` × TARGET_CPU_UTILIZATION / 100,
 * and setup's high-requests alarm takes the threshold `setup --requests` would.
 */
export function requestSignal(
  context: PolicyContext,
  env: Record<string, string>,
): { env: Record<string, string>; threshold: number; series: Float64Array } {
  const { trace, config, requestsPerInstance } = context;
  if (!trace.requests) throw new Error("--signal requests needs a trace with requests (requests_per_minute, or --oci)");
  const target = config.TARGET_REQUESTS_PER_INSTANCE;
  if (target === undefined && !requestsPerInstance)
    throw new Error("--signal requests needs --requests-per-instance N or --config TARGET_REQUESTS_PER_INSTANCE=N");
  const perInstance = target ?? String(((requestsPerInstance ?? 0) * loadConfig(env).TARGET_CPU_UTILIZATION) / 100);
  const withTarget = { ...env, TARGET_REQUESTS_PER_INSTANCE: perInstance };
  const threshold = requestsThresholdFor(config.HIGH_REQUESTS_THRESHOLD, loadConfig(withTarget));
  if (typeof threshold === "string") throw new Error(threshold);
  return { env: withTarget, threshold, series: requestSeries(trace.requests) };
}

/** Requests per minute, NaN in minutes without: PredictRequestCount has no point then. */
export function requestSeries(requests: Float64Array): Float64Array {
  return Float64Array.from(requests, (r) => (r > 0 ? r : Number.NaN));
}

interface DecisionBase {
  minute: number;
  /** The message's title (the alarm's notification title), or the forecast schedule's name for a tick. */
  title: string;
  result: DeploymentResult;
}

/** One decision of the function on an alarm message, as the handler answered it: what `npm run demo` prints. */
export interface AlarmDecision extends DecisionBase {
  type: TransitionType;
  /** The value the alarm evaluated, in percent. */
  value: number;
}

/** One decision of the function on a run of the forecast schedule (its body, as Resource Scheduler sends it). */
export interface ForecastTickDecision extends DecisionBase {
  type: typeof FORECAST_TICK;
}

export const FORECAST_TICK = "FORECAST_TICK";
export type ThisDecision = AlarmDecision | ForecastTickDecision;

/** Relative memory of a ladder shape: the number that ends its name (1 for names without one). */
export function shapeSize(shape: string): number {
  return rungSize(shape) ?? 1;
}

export interface ThisObservers {
  /** Every result the handler returns. */
  onDecision?: (decision: ThisDecision) => void;
  /** After the last minute, before the emulator closes: what it holds then (tests). */
  beforeClose?: (fn: FunctionOnEmulator) => void | Promise<void>;
}

/**
 * The function's configuration: the simulator's bounds, `--config`, and the forecast's keys. With the forecast
 * (the default) its history is the metric the scale-up alarms watch (FORECAST_METRIC, as setup --requests sets
 * it); `--forecast off` turns it off in the function too (FORECAST_ENABLED=false), whatever `--config` says.
 */
function thisEnv(context: PolicyContext): Record<string, string> {
  const { assumptions, config } = context;
  const forecast = context.forecast !== "off";
  return {
    MIN_INSTANCES: String(assumptions.minInstances),
    MAX_INSTANCES: String(assumptions.maxInstances),
    ...(forecast && context.signal === "requests" ? { FORECAST_METRIC: "PredictRequestCount" } : {}),
    ...functionEnv(config),
    ...(forecast ? {} : { FORECAST_ENABLED: "false" }),
  };
}

/** `this`, telling the observers what happens. */
export const observedThisPolicy = ({ onDecision, beforeClose }: ThisObservers = {}): PolicyFactory => ({
  name: "this",
  nameIn: (context) => (context.forecast === "off" ? "this (forecast off)" : "this"),
  create: async (context) => {
    const { trace, assumptions, initialInstances, config } = context;
    const env = thisEnv(context);
    const requests = context.signal === "requests" ? requestSignal(context, env) : undefined;
    const fn: FunctionOnEmulator = await startFunctionOnEmulator({
      initialInstances,
      env: requests?.env ?? env,
      cpuThreshold: Number(config.HIGH_CPU_THRESHOLD ?? ALARM_KEYS.HIGH_CPU_THRESHOLD),
      memThreshold: Number(config.HIGH_MEM_THRESHOLD ?? ALARM_KEYS.HIGH_MEM_THRESHOLD),
      ...(requests ? { requestsThreshold: requests.threshold } : {}),
      forecast: context.forecast !== "off",
    });
    const evaluator = new AlarmEvaluator();
    const memory = trace.memory ?? new Float64Array(trace.demand.length).fill(assumptions.defaultMemoryPercent);
    const startSize = shapeSize(fn.state().shape);
    let servingSize = startSize;
    const memorySeen = new Float64Array(trace.demand.length);
    const episodes = new Map<string, number>();
    const counts = { messages: 0, decisions: 0 };
    const ticks = forecastTicks(fn.schedule);
    let bound = false;

    /** Whatever the handler updated becomes the plant's update, from an alarm or a tick alike. */
    const apply = (
      minute: number,
      plant: Plant,
      response: AlarmResponse,
      decided: (r: DeploymentResult) => ThisDecision,
    ) => {
      for (const result of response.results) {
        counts.decisions++;
        onDecision?.(decided(result));
        if (result.outcome !== "updated") continue;
        const accepted = typeof result.to === "number" ? plant.submit(result.to) : plant.submit(plant.serving, true);
        if (!accepted) throw new Error(`minute ${minute}: the function updated while the plant was UPDATING`);
      }
    };

    const act = async (minute: number, plant: Plant, alarm: MessageAlarm, type: string, value: number) => {
      const nowMs = trace.startMs + minute * 60_000;
      if (type === "OK_TO_FIRING") episodes.set(alarm.id, nowMs);
      const kind = type as TransitionType;
      const streams = [{ dimensions: { resourceId: fn.deploymentId }, value }];
      const message = alarmMessage(alarm, kind, streams, new Date(nowMs), episodes.get(alarm.id));
      counts.messages++;
      const response = await fn.send(message, nowMs);
      const title = String(message.title);
      apply(minute, plant, response, (result) => ({ minute, title, type: kind, value, result }));
    };

    /** A run of the schedule: Resource Scheduler sends the body stored on it, through the same path as alarms. */
    const tick = async (minute: number, plant: Plant) => {
      if (!fn.schedule || !ticks?.at(trace.startMs + minute * 60_000)) return;
      const response = await fn.send(fn.schedule.body, trace.startMs + minute * 60_000);
      ticks.counted(response);
      const title = FORECAST_SCHEDULE_NAME;
      apply(minute, plant, response, (result) => ({ minute, title, type: FORECAST_TICK, result }));
    };

    return {
      async step(minute, plant) {
        if (!bound) {
          // The plant decides when an update has had its time; the emulator then applies it.
          plant.onUpdateDone = (done) => {
            fn.completeUpdates(trace.startMs + plant.minute * 60_000);
            const now = fn.state().instances;
            if (now !== done.to) throw new Error(`emulator has ${now} instances after an update to ${done.to}`);
            servingSize = shapeSize(fn.state().shape);
          };
          bound = true;
        }
        memorySeen[minute] = Math.min(100, ((memory[minute] ?? 0) * startSize) / servingSize);
        fn.recordMinute({
          timeMs: trace.startMs + minute * 60_000,
          instances: plant.serving,
          cpuPercent: plant.cpuByMinute[minute] ?? 0,
          memoryPercent: memorySeen[minute] ?? 0,
          requests: trace.requests?.[minute] ?? 0,
        });
        await tick(minute, plant);
        const alarms = fn.alarms();
        evaluator.retain(new Set(alarms.map((a) => a.id)));
        for (const alarm of alarms) {
          const series = (metric: string) =>
            metric === "CpuUtilization"
              ? plant.cpuByMinute
              : metric === "MemoryUtilization"
                ? memorySeen
                : metric === "PredictRequestCount"
                  ? requests?.series
                  : undefined;
          const fired = evaluator.evaluate(alarm, series, minute);
          if (fired) await act(minute, plant, alarm, fired.type, fired.value);
        }
      },
      notes: () => ({ ...counts, ...ticks?.notes() }),
      close: async () => {
        fn.flushMetrics();
        await beforeClose?.(fn);
        await fn.close();
      },
    };
  },
});

export const thisPolicy: PolicyFactory = observedThisPolicy();
