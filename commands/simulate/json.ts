/** `--json FILE`: the figures, the trace and the assumptions, for other tools. */
import { ASSUMPTION_SOURCES } from "./assumptions";
import type { SimulationResult } from "./run";

export function resultJson(result: SimulationResult, source: string): Record<string, unknown> {
  const { trace, assumptions } = result;
  let total = 0;
  let peak = 0;
  for (const d of trace.demand) {
    total += d;
    peak = Math.max(peak, d);
  }
  return {
    policies: result.runs.map((r) => ({ ...r.figures, ...(Object.keys(r.notes).length ? { notes: r.notes } : {}) })),
    trace: {
      name: trace.name,
      source,
      loadColumn: trace.loadColumn,
      start: new Date(trace.startMs).toISOString(),
      minutes: trace.demand.length,
      meanDemandInstances: Math.round((total / Math.max(1, trace.demand.length)) * 1000) / 1000,
      peakDemandInstances: Math.round(peak * 1000) / 1000,
      hasMemory: trace.memory !== undefined,
    },
    assumptions: { ...assumptions, initialInstances: result.initialInstances, sources: ASSUMPTION_SOURCES },
  };
}
