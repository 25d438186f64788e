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
import type { DeploymentResult } from "../../../src/results/response";
import { requestsThresholdFor } from "../../setup/threshold-check";
import { alarmMessage, type MessageAlarm } from "../alarm-message";
import { AlarmEvaluator, type TransitionType } from "../monitoring";
import type { Plant } from "../plant";
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

/** One decision of the function, as the handler answered it: what `npm run demo` prints. */
export interface ThisDecision {
  minute: number;
  /** The message's title (the alarm's notification title). */
  title: string;
  type: TransitionType;
  /** The value the alarm evaluated, in percent. */
  value: number;
  result: DeploymentResult;
}

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

/** `this`, telling the observers what happens. */
export const observedThisPolicy = ({ onDecision, beforeClose }: ThisObservers = {}): PolicyFactory => ({
  name: "this",
  create: async (context) => {
    const { trace, assumptions, initialInstances, config } = context;
    const env = {
      MIN_INSTANCES: String(assumptions.minInstances),
      MAX_INSTANCES: String(assumptions.maxInstances),
      ...functionEnv(config),
    };
    const requests = context.signal === "requests" ? requestSignal(context, env) : undefined;
    const fn: FunctionOnEmulator = await startFunctionOnEmulator({
      initialInstances,
      env: requests?.env ?? env,
      cpuThreshold: Number(config.HIGH_CPU_THRESHOLD ?? ALARM_KEYS.HIGH_CPU_THRESHOLD),
      memThreshold: Number(config.HIGH_MEM_THRESHOLD ?? ALARM_KEYS.HIGH_MEM_THRESHOLD),
      ...(requests ? { requestsThreshold: requests.threshold } : {}),
    });
    const evaluator = new AlarmEvaluator();
    const memory = trace.memory ?? new Float64Array(trace.demand.length).fill(assumptions.defaultMemoryPercent);
    const startSize = shapeSize(fn.state().shape);
    let servingSize = startSize;
    const memorySeen = new Float64Array(trace.demand.length);
    const episodes = new Map<string, number>();
    const counts = { messages: 0, decisions: 0 };
    let bound = false;

    const act = async (minute: number, plant: Plant, alarm: MessageAlarm, type: string, value: number) => {
      const nowMs = trace.startMs + minute * 60_000;
      if (type === "OK_TO_FIRING") episodes.set(alarm.id, nowMs);
      const kind = type as "OK_TO_FIRING" | "REPEAT" | "FIRING_TO_OK";
      const streams = [{ dimensions: { resourceId: fn.deploymentId }, value }];
      const message = alarmMessage(alarm, kind, streams, new Date(nowMs), episodes.get(alarm.id));
      counts.messages++;
      const response = await fn.send(message, nowMs);
      for (const result of response.results) {
        counts.decisions++;
        onDecision?.({ minute, title: String(message.title), type: kind, value, result });
        if (result.outcome !== "updated") continue;
        const accepted = typeof result.to === "number" ? plant.submit(result.to) : plant.submit(plant.serving, true);
        if (!accepted) throw new Error(`minute ${minute}: the function updated while the plant was UPDATING`);
      }
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
      notes: () => ({ ...counts }),
      close: async () => {
        fn.flushMetrics();
        await beforeClose?.(fn);
        await fn.close();
      },
    };
  },
});

export const thisPolicy: PolicyFactory = observedThisPolicy();
