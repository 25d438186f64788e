/** Runs policies one after the other on the same plant and trace, and measures each. */
import type { Assumptions } from "./assumptions";
import { figuresOf, type PolicyFigures, risesOf } from "./figures";
import { Plant, type UpdateRecord } from "./plant";
import { idealCount } from "./policies/ideal";
import type { ForecastMode, PolicyContext, PolicyFactory, ScalingSignal } from "./policies/policy";
import type { Trace } from "./trace";

export interface PolicyRun {
  figures: PolicyFigures;
  serving: Uint16Array;
  updates: UpdateRecord[];
  notes: Record<string, number>;
  seconds: number;
}

export interface SimulationResult {
  trace: Trace;
  assumptions: Assumptions;
  initialInstances: number;
  runs: PolicyRun[];
}

export interface RunOptions {
  config?: Record<string, string>;
  signal?: ScalingSignal;
  requestsPerInstance?: number;
  /** `--forecast off`: `this` without the forecast schedule, and FORECAST_ENABLED=false. */
  forecast?: ForecastMode;
  /** Called now and then on long runs: policy name and fraction done. */
  progress?: (policy: string, done: number) => void;
}

export function initialInstancesFor(trace: Trace, assumptions: Assumptions): number {
  return assumptions.initialInstances ?? idealCount(trace.demand[0] ?? 0, assumptions);
}

export async function runPolicy(
  factory: PolicyFactory,
  context: PolicyContext,
  options: RunOptions = {},
): Promise<PolicyRun> {
  const started = performance.now();
  const { trace, assumptions } = context;
  const initial = factory.initialInstances?.(context) ?? context.initialInstances;
  const plant = new Plant(trace.demand, initial, assumptions.updateMinutes);
  const policy = await factory.create({ ...context, initialInstances: initial });
  const minutes = trace.demand.length;
  const every = Math.max(1, Math.floor(minutes / 20));
  try {
    for (let m = 0; m < minutes; m++) {
      plant.advance(m);
      const pending = policy.step(m, plant);
      if (pending) await pending;
      if (options.progress && m % every === 0) options.progress(factory.name, m / minutes);
    }
  } finally {
    await policy.close?.();
  }
  const record = {
    name: factory.nameIn?.(context) ?? factory.name,
    serving: plant.servingByMinute,
    billed: plant.billedByMinute,
    updates: plant.updates,
  };
  return {
    figures: figuresOf(record, trace.demand, risesOf(trace.demand, assumptions)),
    serving: plant.servingByMinute,
    updates: plant.updates,
    notes: policy.notes?.() ?? {},
    seconds: (performance.now() - started) / 1000,
  };
}

export async function simulate(
  trace: Trace,
  assumptions: Assumptions,
  factories: PolicyFactory[],
  options: RunOptions = {},
): Promise<SimulationResult> {
  const initialInstances = initialInstancesFor(trace, assumptions);
  const context: PolicyContext = {
    trace,
    assumptions,
    initialInstances,
    config: options.config ?? {},
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.requestsPerInstance ? { requestsPerInstance: options.requestsPerInstance } : {}),
    ...(options.forecast ? { forecast: options.forecast } : {}),
  };
  const runs: PolicyRun[] = [];
  for (const factory of factories) runs.push(await runPolicy(factory, context, options));
  return { trace, assumptions, initialInstances, runs };
}
