/**
 * npm run invoke -- [fixtures/<alarm>.json] [--instances N] [--shape NAME] [--ocpus N] [--memory GB] [--state STATE]
 *                   [--tag KEY=VALUE ...] [--dry-run] [--config KEY=VALUE ...]
 *
 * The local equivalent of `cat alarm.json | fn invoke <app> <function>`: starts the built function through
 * the FDK socket as Fn does, against the built-in OCI emulator seeded with the deployments and alarms the
 * message names, sends the alarm, and prints the response and what changed. No OCI account needed.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { Emulator } from "../test/emulator";
import { startFunction } from "../test/support/fn-runner";
import { startLocalOci } from "../test/support/local-oci";
import { seedFromAlarmMessage } from "../test/support/seed-from-alarm";
import { ensureBundle } from "./ensure-bundle";

const USAGE =
  "usage: npm run invoke -- [fixtures/<alarm>.json | - (stdin)] [--instances N] [--shape NAME] [--ocpus N] [--memory GB]" +
  " [--state STATE] [--tag KEY=VALUE] [--dry-run] [--config KEY=VALUE]";

function readPayload(path: string | undefined): string {
  if (path && path !== "-") return readFileSync(path, "utf8");
  if (process.stdin.isTTY) throw new Error(`no alarm given\n${USAGE}`);
  return readFileSync(0, "utf8");
}

function describeDeployment(emulator: Emulator, id: string): string {
  const stored = emulator.getDeployment(id);
  if (!stored) return "not in the emulator";
  const d = stored.deployment;
  const model = (d.modelDeploymentConfigurationDetails.modelConfigurationDetails ?? {}) as {
    scalingPolicy?: { policyType?: string; instanceCount?: number };
    instanceConfiguration?: {
      instanceShapeName?: string;
      modelDeploymentInstanceShapeConfigDetails?: { ocpus?: number; memoryInGBs?: number };
    };
  };
  const flex = model.instanceConfiguration?.modelDeploymentInstanceShapeConfigDetails;
  const shape = `${model.instanceConfiguration?.instanceShapeName ?? "?"}${flex ? ` (${flex.ocpus} OCPU, ${flex.memoryInGBs} GB)` : ""}`;
  const count =
    model.scalingPolicy?.policyType === "FIXED_SIZE"
      ? `${model.scalingPolicy.instanceCount} instance(s)`
      : (model.scalingPolicy?.policyType ?? "?");
  return `${d.lifecycleState}, ${count}, ${shape}`;
}

function keyValues(option: string, pairs: string[]): Record<string, string> {
  return Object.fromEntries(
    pairs.map((pair) => {
      const at = pair.indexOf("=");
      if (at <= 0) throw new Error(`${option} takes KEY=VALUE, got "${pair}"`);
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      instances: { type: "string" },
      shape: { type: "string" },
      ocpus: { type: "string" },
      memory: { type: "string" },
      state: { type: "string" },
      tag: { type: "string", multiple: true, default: [] },
      "dry-run": { type: "boolean", default: false },
      config: { type: "string", multiple: true, default: [] },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const payload = readPayload(positionals[0]);
  const config = keyValues("--config", values.config ?? []);
  const tags = keyValues("--tag", values.tag ?? []);
  if (values["dry-run"]) config.DRY_RUN = "true";

  const entry = ensureBundle();
  const oci = await startLocalOci({ updateDelayMs: 200 });
  const { emulator } = oci;
  const { deploymentIds } = seedFromAlarmMessage(emulator, payload, {
    deployment: {
      ...(values.instances ? { instanceCount: Number(values.instances) } : {}),
      ...(values.shape ? { shape: values.shape } : {}),
      ...(values.ocpus ? { ocpus: Number(values.ocpus) } : {}),
      ...(values.memory ? { memoryInGBs: Number(values.memory) } : {}),
      ...(values.state ? { lifecycleState: values.state } : {}),
      ...(Object.keys(tags).length > 0 ? { freeformTags: tags } : {}),
    },
  });
  const before = new Map(deploymentIds.map((id) => [id, describeDeployment(emulator, id)]));
  const alarmsBefore = new Set(emulator.alarms().map((a) => a.id));
  const fn = await startFunction({ entry, env: { ...oci.functionEnv, ...config } });
  try {
    const response = await fn.call(payload);
    await new Promise((r) => setTimeout(r, 300)); // let the emulator finish the update (UPDATING -> ACTIVE)

    console.log(`HTTP ${response.status} in ${response.durationMs.toFixed(0)} ms`);
    console.log(typeof response.body === "string" ? response.body : JSON.stringify(response.body, null, 2));
    console.log("\nfunction log:");
    for (const line of fn.output) console.log(`  ${line}`);
    console.log("\nwhat changed in the emulator:");
    for (const [id, was] of before)
      console.log(`  ${id}\n    before: ${was}\n    after:  ${describeDeployment(emulator, id)}`);
    const alarmsAfter = emulator.alarms();
    for (const alarm of alarmsAfter.filter((a) => !alarmsBefore.has(a.id)))
      console.log(`  alarm created: ${alarm.displayName}  ${alarm.query}`);
    for (const id of alarmsBefore) {
      if (!alarmsAfter.some((a) => a.id === id))
        console.log(`  alarm deleted: ${emulator.getAlarm(id)?.displayName ?? id}`);
    }
    const writes = emulator.writes().map((r) => `${r.method} ${r.path} -> ${r.status}`);
    console.log(
      `  OCI requests: ${emulator.requests.length} (${writes.length} writes${writes.length ? `: ${writes.join(", ")}` : ""})`,
    );
    return response.status === 200 ? 0 : 1;
  } finally {
    await fn.stop();
    await oci.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
