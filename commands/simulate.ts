/**
 * npm run simulate: replays a load trace through the real decision code (`this`: the handler on the local
 * emulator) beside OCI's built-in autoscaler, the 2022 sample, fixed counts and the ideal, on one plant.
 * See commands/simulate/cli.ts for the flags and docs/simulate.md for the model.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { ExitCode, runCli } from "./cli/exit-codes";
import { parseSimulateArgs, USAGE } from "./simulate/cli";
import { resultJson } from "./simulate/json";
import { loadTrace } from "./simulate/load-trace";
import { policyByName } from "./simulate/policies";
import type { PolicyFactory } from "./simulate/policies/policy";
import { simulate } from "./simulate/run";
import { figuresTable } from "./simulate/table";
import type { Trace } from "./simulate/trace";

function progress(policy: string, done: number): void {
  if (process.stderr.isTTY) process.stderr.write(`\r${policy}: ${Math.round(done * 100)} %   `);
  else if (done === 0) process.stderr.write(`${policy} ...\n`);
}

runCli(async () => {
  let args: ReturnType<typeof parseSimulateArgs>;
  let factories: PolicyFactory[];
  try {
    args = parseSimulateArgs(process.argv.slice(2));
    const { oci } = args;
    factories = args.policies.map((name) => policyByName(name, oci));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return ExitCode.Usage;
  }
  let trace: Trace;
  let source: string;
  if (args.fromOci) {
    const { traceFromOci } = await import("./simulate/oci-history");
    ({ trace, source } = await traceFromOci(args.fromOci));
  } else {
    try {
      trace = loadTrace(args.trace as string, args.requestsPerInstance);
    } catch (error) {
      console.error(error instanceof Error ? error.message : String(error));
      return ExitCode.Usage;
    }
    source = args.trace as string;
  }
  const started = performance.now();
  if (args.recommend) {
    const { recommend, recommendationText } = await import("./simulate/recommend");
    const found = await recommend(trace, args.assumptions, {
      maxOverloadPercent: args.maxOverloadPercent,
      base: args.config,
      forecast: args.forecast,
      progress,
    });
    process.stderr.write("\n");
    console.log(recommendationText(found));
    return ExitCode.Ok;
  }
  const result = await simulate(trace, args.assumptions, factories, {
    config: args.config,
    signal: args.signal,
    forecast: args.forecast,
    ...(args.requestsPerInstance ? { requestsPerInstance: args.requestsPerInstance } : {}),
    progress,
  });
  if (process.stderr.isTTY) process.stderr.write("\r\x1b[K");
  const days = (trace.demand.length / 1440).toFixed(1);
  console.log(
    `${trace.name}: ${trace.demand.length} minutes (${days} days), ${result.initialInstances} instance(s) at start, updates take ${args.assumptions.updateMinutes} min\n`,
  );
  console.log(figuresTable(result.runs.map((r) => r.figures)));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`\n${seconds} s (${result.runs.map((r) => `${r.figures.name} ${r.seconds.toFixed(1)} s`).join(", ")})`);
  const write = (file: string, text: string) => {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  };
  if (args.json) write(args.json, `${JSON.stringify(resultJson(result, source), null, 2)}\n`);
  if (args.svg) {
    const { simulationSvg } = await import("./simulate/svg");
    write(args.svg, simulationSvg(result));
  }
  return ExitCode.Ok;
});
