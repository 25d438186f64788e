/**
 * Choosing defaults over every reference trace at once, and showing they generalize (issue 18, item 5).
 * Each candidate configuration of `this` runs on every reference trace; OCI's autoscaler runs once per trace
 * as the yardstick. A candidate's cost on a trace is its instance-hours over OCI's plus its overload minutes
 * over OCI's (or over 5 minutes, when OCI's is smaller): equal weights, so that neither a cheap deployment that
 * drops load nor a large one that never does can win. The default is the candidate of least total cost over all
 * traces; the leave-one-out table picks, for each trace, the candidate of least cost over the *other* traces,
 * and reports how that choice does on the trace it never saw.
 */
import type { Assumptions } from "./assumptions";
import type { PolicyFigures } from "./figures";
import { policyByName } from "./policies";
import { thisPolicy } from "./policies/this";
import { initialInstancesFor, runPolicy } from "./run";
import type { Trace } from "./trace";

export interface Candidate {
  label: string;
  config: Record<string, string>;
}

export interface TraceFigures {
  trace: string;
  oci: PolicyFigures;
  byCandidate: Map<string, PolicyFigures>;
}

/** Runs OCI's autoscaler and every candidate on each trace. */
export async function runCandidates(
  traces: Trace[],
  assumptions: Assumptions,
  candidates: Candidate[],
  progress?: (line: string) => void,
): Promise<TraceFigures[]> {
  const all: TraceFigures[] = [];
  for (const trace of traces) {
    const context = { trace, assumptions, initialInstances: initialInstancesFor(trace, assumptions), config: {} };
    const oci = (await runPolicy(policyByName("oci-autoscaling"), context)).figures;
    const byCandidate = new Map<string, PolicyFigures>();
    for (const candidate of candidates) {
      const started = performance.now();
      byCandidate.set(candidate.label, (await runPolicy(thisPolicy, { ...context, config: candidate.config })).figures);
      progress?.(`${trace.name}: ${candidate.label} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    all.push({ trace: trace.name, oci, byCandidate });
  }
  return all;
}

/** The cost of `this` on one trace against OCI's autoscaler: 2 means as good as OCI's on both counts. */
export function cost(figures: PolicyFigures, oci: PolicyFigures): number {
  return figures.instanceHours / oci.instanceHours + figures.overloadMinutes / Math.max(oci.overloadMinutes, 5);
}

/** The candidate of least total cost over the traces kept. */
export function bestOver(results: TraceFigures[], candidates: Candidate[], keep: (trace: string) => boolean): string {
  let best: { label: string; total: number } | undefined;
  for (const { label } of candidates) {
    const total = results
      .filter((r) => keep(r.trace))
      .reduce((sum, r) => sum + cost(r.byCandidate.get(label) as PolicyFigures, r.oci), 0);
    if (!best || total < best.total - 1e-9) best = { label, total };
  }
  return (best as { label: string }).label;
}

export interface LeaveOneOutRow {
  trace: string;
  chosenWithout: string;
  figures: PolicyFigures;
  oci: PolicyFigures;
  chosenWithAll: string;
  figuresWithAll: PolicyFigures;
}

export function leaveOneOut(results: TraceFigures[], candidates: Candidate[]): LeaveOneOutRow[] {
  const withAll = bestOver(results, candidates, () => true);
  return results.map((r) => {
    const without = bestOver(results, candidates, (trace) => trace !== r.trace);
    return {
      trace: r.trace,
      chosenWithout: without,
      figures: r.byCandidate.get(without) as PolicyFigures,
      oci: r.oci,
      chosenWithAll: withAll,
      figuresWithAll: r.byCandidate.get(withAll) as PolicyFigures,
    };
  });
}
