/**
 * npm run invoke -- [<alarm.json> | -] [--oci [--profile P] [--config-file F]] [--dry-run] [--config KEY=VALUE]...
 *                   [--instances N] [--shape NAME] [--state STATE] [--alarm-name NAME] [--not-firing] [--timeout SECONDS]
 *
 * The local `cat alarm.json | fn invoke <app> <function>`: builds dist/func.js if needed, starts it as Fn
 * does (FDK on a unix socket), sends the message with the platform's Fn-Call-Id and Fn-Deadline headers,
 * and prints the answer, the function's log and what changed. On the OCI emulator unless --oci.
 * --schedule: the forecast schedule's body instead of an alarm's message (local-schedule-target.ts).
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { startFunction } from "../../local-function/fn-runner";
import { ensureBundle } from "../../scripts/ensure-bundle";
import { type ExitCode, usageError } from "../cli/exit-codes";
import { startLocalTarget } from "./local-oci-target";
import { startScheduleTarget } from "./local-schedule-target";
import { readPayload, type Stdin } from "./payload";
import { realOciEnv } from "./real-oci-target";
import { summarize } from "./summary";

export const INVOKE_USAGE = `usage: npm run invoke -- [<alarm.json> | - ] [--dry-run] [--config KEY=VALUE]... [--timeout SECONDS]
         on the local emulator: [--instances N] [--shape NAME] [--ocpus N] [--memory GB] [--state STATE]
                                [--tag KEY=VALUE]...   (how the deployment is seeded)
                                [--alarm-name NAME]    (the firing alarm's display name, when the title is a template)
                                [--not-firing]         (seed the alarm as not firing, as a replayed message finds it)
         on OCI:                --oci [--profile NAME] [--config-file PATH]      (your OCI config; Cloud Shell's in Cloud Shell)
       cat alarm.json | npm run invoke
       npm run invoke -- --schedule [<body.json>] [--dry-run] [--config KEY=VALUE]... [--instances N] ...
         (on the local emulator: seeds setup's forecast schedule for a deployment and the function, and sends its
          body, or the file's body instead, as the schedule would)`;

const OPTIONS = {
  oci: { type: "boolean", default: false },
  profile: { type: "string" },
  "config-file": { type: "string" },
  instances: { type: "string" },
  shape: { type: "string" },
  ocpus: { type: "string" },
  memory: { type: "string" },
  state: { type: "string" },
  tag: { type: "string", multiple: true, default: [] as string[] },
  "alarm-name": { type: "string" },
  "not-firing": { type: "boolean", default: false },
  schedule: { type: "boolean", default: false },
  "dry-run": { type: "boolean", default: false },
  config: { type: "string", multiple: true, default: [] as string[] },
  timeout: { type: "string", default: "30" },
  help: { type: "boolean", short: "h", default: false },
} as const;

export interface InvokeIo {
  stdin: Stdin;
  print(line: string): void;
}

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
  } catch (error) {
    throw usageError(error instanceof Error ? error.message : String(error), INVOKE_USAGE);
  }
}

function keyValues(option: string, pairs: string[]): Record<string, string> {
  return Object.fromEntries(
    pairs.map((pair) => {
      const at = pair.indexOf("=");
      if (at <= 0) throw usageError(`${option} takes KEY=VALUE, got "${pair}"`, INVOKE_USAGE);
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}

function functionConfig(pairs: string[], dryRun: boolean): Record<string, string> {
  const config = keyValues("--config", pairs);
  if (dryRun) config.DRY_RUN = "true";
  return config;
}

/** A call id shaped like the platform's (26 characters, upper case). */
function callId(): string {
  return `01LOCAL${randomBytes(10).toString("hex").toUpperCase()}`.slice(0, 26);
}

export async function invokeMain(
  argv: string[],
  env: Record<string, string | undefined>,
  io: InvokeIo,
): Promise<ExitCode> {
  const { values, positionals } = parse(argv);
  if (values.help) {
    io.print(INVOKE_USAGE);
    return 0;
  }
  const timeoutSeconds = Number(values.timeout);
  if (!(timeoutSeconds >= 1 && timeoutSeconds <= 300))
    throw usageError("--timeout takes 1 to 300 seconds (OCI Functions' range)", INVOKE_USAGE);
  const seeding =
    values.instances ||
    values.shape ||
    values.ocpus ||
    values.memory ||
    values.state ||
    values.tag?.length ||
    values["alarm-name"] ||
    values["not-firing"];
  if (values.oci && seeding)
    throw usageError(
      "--instances, --shape, --ocpus, --memory, --state, --tag, --alarm-name and --not-firing seed the emulator; with --oci the real deployment and alarm are used",
      INVOKE_USAGE,
    );
  if (values.schedule && (values.oci || values["alarm-name"] || values["not-firing"]))
    throw usageError(
      "--schedule seeds the forecast schedule on the local emulator: no --oci, --alarm-name or --not-firing",
      INVOKE_USAGE,
    );
  const config = functionConfig(values.config ?? [], values["dry-run"] ?? false);
  const seed = {
    instances: values.instances ? Number(values.instances) : undefined,
    shape: values.shape,
    ocpus: values.ocpus ? Number(values.ocpus) : undefined,
    memoryInGBs: values.memory ? Number(values.memory) : undefined,
    state: values.state,
    tags: keyValues("--tag", values.tag ?? []),
    alarmDisplayName: values["alarm-name"],
    firing: !values["not-firing"],
  };
  const scheduled = values.schedule
    ? await startScheduleTarget(positionals[0] ? readPayload(positionals[0], io.stdin, INVOKE_USAGE) : undefined, seed)
    : undefined;
  const payload = scheduled?.payload ?? readPayload(positionals[0], io.stdin, INVOKE_USAGE);

  const real = values.oci ? realOciEnv({ configFile: values["config-file"], profile: values.profile }, env) : undefined;
  const local = scheduled ?? (real ? undefined : await startLocalTarget(payload, seed));
  try {
    const entry = ensureBundle();
    const fn = await startFunction({ entry, env: { ...(real?.functionEnv ?? local?.functionEnv), ...config } });
    try {
      const headers = {
        "Fn-Call-Id": callId(),
        "Fn-Deadline": new Date(Date.now() + timeoutSeconds * 1000).toISOString(),
      };
      io.print(
        real
          ? `OCI config: ${real.choice.configFile} [${real.choice.profile}] (${real.choice.source})`
          : "target: the local OCI emulator (--oci for your OCI tenancy)",
      );
      if (scheduled) for (const line of scheduled.seeded) io.print(`seeded ${line}`);
      io.print(`Fn-Call-Id: ${headers["Fn-Call-Id"]}  Fn-Deadline: ${headers["Fn-Deadline"]}`);
      const response = await fn.call(payload, headers);
      io.print(`\nHTTP ${response.status} in ${response.durationMs.toFixed(0)} ms`);
      io.print(typeof response.body === "string" ? response.body : JSON.stringify(response.body, null, 2));
      io.print("\nfunction log:");
      for (const line of fn.output) io.print(`  ${line}`);
      const summary = summarize(response);
      io.print("\nsummary:");
      for (const line of summary.lines) io.print(`  ${line}`);
      if (local) {
        io.print("\nwhat changed in the emulator:");
        for (const line of await local.changes()) io.print(`  ${line}`);
      }
      return summary.exitCode;
    } finally {
      await fn.stop();
    }
  } finally {
    await local?.close();
  }
}
