/**
 * npm run bench -- [--runs N] [--no-build] [--no-control-quality | --control-quality-only]
 *
 * Cold start, warm latency, peak RSS, bundle size and OCI API calls per decision, measured side by side in
 * one run against the local OCI emulator, with a PASS/FAIL line per target of issue 6. Timings are medians
 * of N runs (default 10) with min-max and p90: on a shared machine single figures mean little.
 */
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { newOcid } from "../emulator/ids";
import { type LocalOci, startLocalOci } from "../emulator/local-oci";
import { startFunction } from "../local-function/fn-runner";
import { runtimeNodeFlags } from "../scripts/snapshot.mjs";
import { type CallCount, countCalls } from "./bench/api-calls";
import { BUNDLE, buildArtifacts, fileSizes, SNAPSHOT_BLOB, UNBUNDLED } from "./bench/artifacts";
import { controlTable, controlTargetsTable, evaluateControlTargets, runControlQuality } from "./bench/control-quality";
import { countForecastTickCalls } from "./bench/forecast-tick-calls";
import { bareNode, coldStart, type Variant, warmSeries } from "./bench/function-runs";
import { callsTable, targetsTable, type VariantFigures, variantsTable } from "./bench/report";
import { IGNORED } from "./bench/scenarios";
import { summarize } from "./bench/stats";
import { evaluateTargets } from "./bench/targets";

const VARIANTS: Variant[] = [
  { name: "bundle (dist/func.js)", entry: BUNDLE, artifact: BUNDLE },
  {
    name: "bundle from V8 snapshot (dist/func.blob)",
    entry: null,
    nodeArgs: [...runtimeNodeFlags(), "--snapshot-blob", SNAPSHOT_BLOB],
    artifact: SNAPSHOT_BLOB,
  },
  { name: "unbundled (build/ + node_modules)", entry: UNBUNDLED },
];

async function measureVariants(oci: LocalOci, runs: number): Promise<VariantFigures[]> {
  const floor: number[] = [];
  const ignored = { answered: [] as number[], rss: [] as number[] };
  const cold = VARIANTS.map(() => ({ ready: [] as number[], answered: [] as number[], rss: [] as number[] }));
  for (let run = 0; run < runs; run++) {
    // Interleaved, so a burst of load on the shared machine hits every variant alike.
    floor.push(await bareNode());
    const quiet = await coldStart(VARIANTS[0] as Variant, oci, IGNORED);
    ignored.answered.push(quiet.answeredMs);
    if (quiet.peakRssMb !== undefined) ignored.rss.push(quiet.peakRssMb);
    for (const [i, variant] of VARIANTS.entries()) {
      const result = await coldStart(variant, oci);
      cold[i]?.ready.push(result.readyMs);
      cold[i]?.answered.push(result.answeredMs);
      if (result.peakRssMb !== undefined) cold[i]?.rss.push(result.peakRssMb);
    }
    process.stderr.write(`cold starts: run ${run + 1}/${runs}\n`);
  }
  const figures: VariantFigures[] = [];
  for (const [i, variant] of VARIANTS.entries()) {
    const warm = await warmSeries(variant, oci, runs);
    const samples = cold[i] ?? { ready: [], answered: [], rss: [] };
    figures.push({
      name: variant.name,
      ready: summarize(samples.ready),
      answered: summarize(samples.answered),
      coldRss: summarize(samples.rss),
      warm: summarize(warm.latenciesMs),
      warmRss: warm.peakRssMb,
      size: variant.artifact ? fileSizes(variant.artifact) : undefined,
    });
  }
  figures.push({
    name: `bundle, ${IGNORED.name}`,
    answered: summarize(ignored.answered),
    coldRss: summarize(ignored.rss),
  });
  figures.push({ name: "floor: node -e 0 (spawn -> exit)", answered: summarize(floor) });
  return figures;
}

/**
 * On a fresh emulator: the runs above leave dozens of low-CPU alarms of the same name in one compartment,
 * and the emulator pages listAlarms at 50 (OCI's documented default is 1000), which would add a LIST page.
 * The function runs as the one the forecast schedule invokes (FN_FN_ID), for the tick's audit.
 */
async function auditCalls(): Promise<CallCount[]> {
  const oci = await startLocalOci();
  const functionId = newOcid("fnfunc");
  const env = { ...oci.functionEnv, FN_FN_ID: functionId };
  const fn = await startFunction({ entry: BUNDLE, env }).catch(async (error: unknown) => {
    await oci.close();
    throw error;
  });
  try {
    return [...(await countCalls(fn, oci.emulator)), await countForecastTickCalls(fn, oci.emulator, functionId)];
  } finally {
    await fn.stop();
    await oci.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: "string", default: "10" },
      "no-build": { type: "boolean", default: false },
      "no-control-quality": { type: "boolean", default: false },
      "control-quality-only": { type: "boolean", default: false },
    },
  });
  if (values["control-quality-only"]) return controlQuality();
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs takes a positive integer, got ${values.runs}`);
  if (!values["no-build"]) buildArtifacts();
  const oci = await startLocalOci();
  try {
    const variants = await measureVariants(oci, runs);
    const calls = await auditCalls();
    const machine = `${cpus().length} x ${cpus()[0]?.model.trim() ?? "?"}, Node ${process.version}, load ${loadAverage()}`;
    console.log(`model-deployment-autoscale bench: ${runs} runs each; ${machine}\n`);
    console.log(variantsTable(variants));
    console.log("");
    console.log(callsTable(calls));
    console.log("");
    console.log(targetsTable(evaluateTargets(variants, calls)));
  } finally {
    await oci.close();
  }
  if (!values["no-control-quality"]) await controlQuality();
}

/** Every policy on every reference trace (npm run simulate), and issue 11's figures met or missed. */
async function controlQuality(): Promise<void> {
  const results = await runControlQuality((line) => process.stderr.write(`${line}\n`));
  console.log("\nControl quality: every policy on every reference trace (npm run simulate, default assumptions)\n");
  console.log(controlTable(results));
  console.log("");
  console.log(controlTargetsTable(evaluateControlTargets(results)));
}

function loadAverage(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
