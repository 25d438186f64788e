import { spawn } from "node:child_process";
import type { LocalOci } from "../../emulator/local-oci";
import { type FnProcess, startFunction } from "../../local-function/fn-runner";
import { peakRssMb } from "./process-memory";
import { checkAnswer, INSTANCE_UP, prepareScenario, type Scenario } from "./scenarios";

/** One way of starting the function: the bundle, the compiled unbundled build, the bundle from a snapshot... */
export interface Variant {
  name: string;
  /** null: no script (the snapshot's main function starts the FDK). */
  entry: string | null;
  nodeArgs?: string[];
  /** The file whose size the table shows. */
  artifact?: string;
}

export interface ColdStart {
  /** Spawn to the FDK's socket link: what the platform waits for. */
  readyMs: number;
  /** Spawn to the answer of the first call, a real instance-up against the emulator. */
  answeredMs: number;
  peakRssMb: number | undefined;
}

/** One real decision: seed a fresh deployment, send its alarm, insist on the expected answer. */
async function decide(fn: FnProcess, oci: LocalOci, scenario = INSTANCE_UP): Promise<number> {
  const { message } = prepareScenario(oci.emulator, scenario);
  const answer = await fn.call(message);
  checkAnswer(scenario, answer.status, answer.body);
  return answer.durationMs;
}

function start(variant: Variant, oci: LocalOci): Promise<FnProcess> {
  return startFunction({ entry: variant.entry, nodeArgs: variant.nodeArgs, env: oci.functionEnv });
}

/** Spawn to the answer of the first message: by default a real instance-up against the emulator. */
export async function coldStart(variant: Variant, oci: LocalOci, scenario?: Scenario): Promise<ColdStart> {
  const spawned = performance.now();
  const fn = await start(variant, oci);
  const readyMs = performance.now() - spawned;
  try {
    await decide(fn, oci, scenario);
    const answeredMs = performance.now() - spawned;
    return { readyMs, answeredMs, peakRssMb: peakRssMb(fn.pid) };
  } finally {
    await fn.stop();
  }
}

export interface WarmSeries {
  latenciesMs: number[];
  /** After the first call and every measured one. */
  peakRssMb: number | undefined;
}

/** One process, a first call to warm it, then `calls` measured decisions, each on a fresh deployment. */
export async function warmSeries(variant: Variant, oci: LocalOci, calls: number): Promise<WarmSeries> {
  const fn = await start(variant, oci);
  try {
    await decide(fn, oci);
    const latenciesMs: number[] = [];
    for (let i = 0; i < calls; i++) latenciesMs.push(await decide(fn, oci));
    return { latenciesMs, peakRssMb: peakRssMb(fn.pid) };
  } finally {
    await fn.stop();
  }
}

/** The floor: spawn to exit of `node -e 0`. */
export function bareNode(): Promise<number> {
  const spawned = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", "0"], { stdio: "ignore", env: { PATH: process.env.PATH ?? "" } });
    child.on("error", reject);
    child.on("exit", () => resolve(performance.now() - spawned));
  });
}
