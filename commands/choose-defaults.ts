/**
 * npm run choose-defaults -- [--set KEY=V1,V2,...]... [--traces NAME,...]: every combination of the values given (default: the
 * scale-in stabilization window) through `this` on every reference trace, beside OCI's autoscaler; prints each
 * candidate's figures, the candidate of least total cost, and the leave-one-out table (docs/simulate.md).
 */
import { parseArgs } from "node:util";
import { DEFAULT_ASSUMPTIONS } from "./simulate/assumptions";
import { type Candidate, cost, leaveOneOut, runCandidates } from "./simulate/choose-defaults";
import { loadTrace } from "./simulate/load-trace";
import { REFERENCE_TRACES, referencePath } from "./simulate/reference-traces";
import { textTable } from "./simulate/table";

const DEFAULT_SETS = ["SCALE_IN_STABILIZATION=PT0S,PT30M,PT1H,PT2H,PT4H"];

function candidatesOf(sets: string[]): Candidate[] {
  let combos: Record<string, string>[] = [{}];
  for (const set of sets) {
    const at = set.indexOf("=");
    if (at <= 0) throw new Error(`--set takes KEY=V1,V2,..., got "${set}"`);
    const key = set.slice(0, at);
    const values = set.slice(at + 1).split(",");
    combos = combos.flatMap((combo) => values.map((value) => ({ ...combo, [key]: value })));
  }
  return combos.map((config) => ({
    label: Object.entries(config)
      .map(([k, v]) => `${k}=${v}`)
      .join(" "),
    config,
  }));
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { set: { type: "string", multiple: true }, traces: { type: "string" } } });
  const candidates = candidatesOf(values.set?.length ? values.set : DEFAULT_SETS);
  const wanted = values.traces?.split(",");
  const refs = REFERENCE_TRACES.filter((ref) => !wanted || wanted.includes(ref.name));
  if (refs.length === 0) throw new Error(`--traces names none of ${REFERENCE_TRACES.map((r) => r.name).join(", ")}`);
  const traces = refs.map((ref) => loadTrace(referencePath(ref), ref.requestsPerInstance));
  const results = await runCandidates(traces, DEFAULT_ASSUMPTIONS, candidates, (line) =>
    process.stderr.write(`${line}\n`),
  );

  const rows = results.flatMap((r) => [
    [r.trace, "oci-autoscaling", r.oci.instanceHours.toFixed(1), String(r.oci.overloadMinutes), "2.00"],
    ...candidates.map((c) => {
      const f = r.byCandidate.get(c.label);
      return [
        r.trace,
        c.label,
        f?.instanceHours.toFixed(1) ?? "-",
        String(f?.overloadMinutes ?? "-"),
        f ? cost(f, r.oci).toFixed(2) : "-",
      ];
    }),
  ]);
  console.log(textTable(["trace", "policy", "instance-hours", "overload min", "cost (vs OCI: 2.00)"], rows));
  const loo = leaveOneOut(results, candidates);
  console.log(
    `\nChosen over all traces: ${loo[0]?.chosenWithAll}\n\nLeave-one-out (each trace judged with the default chosen without it):\n`,
  );
  console.log(
    textTable(
      ["trace left out", "chosen without it", "instance-hours (x OCI)", "overload min (OCI's)"],
      loo.map((row) => [
        row.trace,
        row.chosenWithout,
        `${row.figures.instanceHours.toFixed(1)} (x ${(row.figures.instanceHours / row.oci.instanceHours).toFixed(2)})`,
        `${row.figures.overloadMinutes} (${row.oci.overloadMinutes})`,
      ]),
    ),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
