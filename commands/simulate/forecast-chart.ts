/**
 * The chart of docs/simulate.md's Forecast section: the surge week through `this` with the forecast schedule
 * setup creates and with `--forecast off` (and OCI's autoscaler), drawn for two of its days. The whole week
 * runs, so the days drawn have the history before them; the panels' figures are the whole week's.
 *
 *   npx tsx commands/simulate/forecast-chart.ts [out.svg] [first day, 0 = Monday] [days]
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { DEFAULT_ASSUMPTIONS } from "./assumptions";
import { loadTrace } from "./load-trace";
import { policyByName } from "./policies";
import { thisPolicy } from "./policies/this";
import { REFERENCE_TRACES, referencePath } from "./reference-traces";
import { initialInstancesFor, runPolicy, type SimulationResult } from "./run";
import { simulationSvg } from "./svg";

const DAY = 1440;

/** The result drawn for `days` days from `firstDay`: the trace and every run's instances, cut alike. */
export function daysOf(result: SimulationResult, firstDay: number, days: number): SimulationResult {
  const from = firstDay * DAY;
  const to = Math.min(result.trace.demand.length, from + days * DAY);
  return {
    ...result,
    trace: {
      ...result.trace,
      startMs: result.trace.startMs + from * 60_000,
      demand: result.trace.demand.slice(from, to),
    },
    runs: result.runs.map((run) => ({ ...run, serving: run.serving.slice(from, to) })),
  };
}

export async function surgeWeekForecastChart(firstDay = 1, days = 2): Promise<string> {
  const ref = REFERENCE_TRACES.find((t) => t.name === "surge-week");
  if (!ref) throw new Error("the surge week is not among the reference traces");
  const trace = loadTrace(referencePath(ref), ref.requestsPerInstance);
  const context = {
    trace,
    assumptions: DEFAULT_ASSUMPTIONS,
    initialInstances: initialInstancesFor(trace, DEFAULT_ASSUMPTIONS),
    config: {},
  };
  const runs = [
    await runPolicy(thisPolicy, context),
    await runPolicy(thisPolicy, { ...context, forecast: "off" }),
    await runPolicy(policyByName("oci-autoscaling"), context),
  ];
  const result: SimulationResult = {
    trace,
    assumptions: DEFAULT_ASSUMPTIONS,
    initialInstances: context.initialInstances,
    runs,
  };
  const title = `surge week, days ${firstDay + 1}-${firstDay + days}: this with and without its forecast (figures: the whole week)`;
  return simulationSvg(daysOf(result, firstDay, days), title);
}

if (require.main === module) {
  const [out = resolve(__dirname, "../../docs/simulate-forecast-surge.svg"), first = "1", days = "2"] =
    process.argv.slice(2);
  surgeWeekForecastChart(Number(first), Number(days)).then((svg) => {
    writeFileSync(out, svg);
    console.log(`chart: ${out}`);
  });
}
