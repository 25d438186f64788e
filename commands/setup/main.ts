/**
 * npm run setup -- (--deployment <ocid> | --compartment <ocid>) (--function <ocid> [--iam] | --topic <ocid>)
 *                  [--dry-run] [--remove [--gone | --all]] [--cpu-threshold 80 | --requests [--requests-threshold N]]
 *                  [--mem-threshold 80] [--config KEY=VALUE]... [--profile P] [--config-file F]
 *                  [--no-forecast | --forecast-cron "0 * * * *" --forecast-time-zone UTC]
 * Reads the command line; run-setup.ts does the work.
 */
import { parseArgs } from "node:util";
import type { Config } from "../../src/policy/config";
import { ExitCode, usageError } from "../cli/exit-codes";
import { chooseOciConfig, loadOciConfig } from "../cli/oci-config";
import { createWiringClients } from "../cli/wiring-clients";
import { forecastChoice } from "./forecast-flags";
import type { FunctionChoice } from "./function-target";
import { createSetupClients } from "./oci-clients";
import { runSetup } from "./run-setup";
import { type ScaleUpNames, scaleUpNames } from "./scale-up-alarms";
import { configFromFlags, requestsThresholdFor, thresholdContradictions } from "./threshold-check";
import { DEFAULT_TOPIC_NAME } from "./topic-subscription";

export const SETUP_USAGE = `usage: npm run setup -- (--deployment <ocid> | --compartment <ocid>) --function <function OCID> [--iam]
         (or --app <application name> --function-name <function name> instead of --function)
         [--topic <topic OCID> | --topic-name NAME] [--cpu-threshold 80] [--mem-threshold 80] [--config KEY=VALUE]...
         [--dry-run] [--profile NAME] [--config-file PATH] [--requests [--requests-threshold N]]
         [--no-forecast | --forecast-cron "<cron>" --forecast-time-zone <IANA zone>]
         (with a function: the topic (setup's own, found by its tag, else created), its subscription to the function,
           the alarms, the forecast schedule (--deployment: one per function, hourly by default, listing the
           deployment; --no-forecast skips it) and, with --iam, the dynamic group and policy; without --iam the
           statements are printed)
         (--requests: scale instances on requests per minute instead of CPU; N defaults to
           TARGET_REQUESTS_PER_INSTANCE × (1 + CPU_TOLERANCE), the least rate one instance cannot serve)
         (--config: the function's configuration, as set with fn config: the thresholds are checked against it, and
           the alarms are named by its HIGH_CPU_ALARM_NAME, HIGH_MEM_ALARM_NAME and HIGH_REQUESTS_ALARM_NAME)
       npm run setup -- (--deployment <ocid> | --compartment <ocid>) --topic <topic OCID> [...]   (the alarms only)
       npm run setup -- (--deployment <ocid> | --compartment <ocid>) --remove [--all] [--dry-run]
         (takes the deployment out of the forecast schedule's body, deleting the schedule when none is left;
          --all: also the topic, its subscriptions, the dynamic group, the policy and the forecast schedule setup
          made, found by its tag; --no-forecast: the schedule stays as it is)
       npm run setup -- --compartment <ocid> --remove --gone [--dry-run]
         (only the alarms of deployments that no longer exist: their low alarms never fire again)`;

export interface SetupOptions {
  deploymentId?: string;
  compartmentId?: string;
  topicId?: string;
  cpuThreshold: number;
  memThreshold: number;
  /** Requests per minute of the high-requests alarm; set when --requests. */
  requestsThreshold?: number;
  /** The function's names for the scale-up alarms (--config): the titles it routes on. */
  names: ScaleUpNames;
  /** --config was given: its names win over the configuration read from the function (--function). */
  configGiven: boolean;
  dryRun: boolean;
  remove: boolean;
  /** With remove: only the alarms whose deployment is gone. */
  gone: boolean;
  /** With remove: also the topic, subscriptions, dynamic group and policy setup made. */
  all: boolean;
  /** The function the topic calls: setup then also makes the topic, its subscription and (iam) the IAM. */
  function?: FunctionChoice;
  /** The name of the topic setup creates. */
  topicName: string;
  /** Create the dynamic group and policy instead of printing the statements. */
  iam: boolean;
  /** The forecast schedule's recurrence and time zone; undefined with --no-forecast. */
  forecast?: { cron: string; timeZone: string };
  profile?: string;
  configFile?: string;
}

function percent(value: string, flag: string): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || n <= 0 || n >= 100)
    throw usageError(`${flag} takes a percentage between 0 and 100, got "${value}"`, SETUP_USAGE);
  return n;
}

const OPTIONS = {
  deployment: { type: "string" },
  compartment: { type: "string" },
  topic: { type: "string" },
  "cpu-threshold": { type: "string", default: "80" },
  "mem-threshold": { type: "string", default: "80" },
  requests: { type: "boolean", default: false },
  "requests-threshold": { type: "string" },
  config: { type: "string", multiple: true, default: [] as string[] },
  "dry-run": { type: "boolean", default: false },
  remove: { type: "boolean", default: false },
  gone: { type: "boolean", default: false },
  all: { type: "boolean", default: false },
  function: { type: "string" },
  app: { type: "string" },
  "function-name": { type: "string" },
  "topic-name": { type: "string" },
  iam: { type: "boolean", default: false },
  "no-forecast": { type: "boolean", default: false },
  "forecast-cron": { type: "string" },
  "forecast-time-zone": { type: "string" },
  profile: { type: "string" },
  "config-file": { type: "string" },
  help: { type: "boolean", short: "h", default: false },
} as const;

export function parseSetupArgs(argv: string[]): SetupOptions | "help" {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS });
  } catch (error) {
    throw usageError(error instanceof Error ? error.message : String(error), SETUP_USAGE);
  }
  const v = parsed.values;
  if (v.help) return "help";
  if (!v.deployment === !v.compartment) throw usageError("give either --deployment or --compartment", SETUP_USAGE);
  if (v.deployment && !v.deployment.startsWith("ocid1.datasciencemodeldeployment."))
    throw usageError(
      `--deployment takes a model deployment OCID (ocid1.datasciencemodeldeployment...), got "${v.deployment}"`,
      SETUP_USAGE,
    );
  if (v.gone && !(v.remove && v.compartment))
    throw usageError(
      "--gone goes with --remove --compartment: it looks at every deployment the alarms name",
      SETUP_USAGE,
    );
  const fn = functionChoice(v);
  if (v.all && !v.remove) throw usageError("--all goes with --remove", SETUP_USAGE);
  if (v.all && v.gone) throw usageError("--all and --gone do not go together", SETUP_USAGE);
  if (v.remove && (fn || v.iam || v.topic))
    throw usageError("--remove finds what setup made by its tag: give no --function, --iam or --topic", SETUP_USAGE);
  if (!v.remove && !v.topic && !fn)
    throw usageError(
      "--topic is required without --function: the Notifications topic the alarms notify (with --function setup makes one)",
      SETUP_USAGE,
    );
  if (v.iam && !fn)
    throw usageError("--iam needs the function (--function, or --app and --function-name)", SETUP_USAGE);
  if (v["topic-name"] && (v.topic || !fn))
    throw usageError(
      "--topic-name names the topic setup creates with --function, not one given by --topic",
      SETUP_USAGE,
    );
  const thresholds = {
    cpuThreshold: percent(v["cpu-threshold"] ?? "80", "--cpu-threshold"),
    memThreshold: percent(v["mem-threshold"] ?? "80", "--mem-threshold"),
  };
  if (v["requests-threshold"] !== undefined && !v.requests)
    throw usageError("--requests-threshold needs --requests", SETUP_USAGE);
  const config = v.remove ? undefined : checkThresholds(thresholds, v.config ?? []);
  const requestsThreshold = v.requests && config ? requestsThresholdFor(v["requests-threshold"], config) : undefined;
  if (typeof requestsThreshold === "string") throw usageError(requestsThreshold, SETUP_USAGE);
  return {
    deploymentId: v.deployment,
    compartmentId: v.compartment,
    topicId: v.topic,
    ...thresholds,
    ...(requestsThreshold === undefined ? {} : { requestsThreshold }),
    // --remove finds the alarms by their tags, whatever their names.
    names: scaleUpNames(config),
    configGiven: (v.config ?? []).length > 0,
    dryRun: v["dry-run"] ?? false,
    remove: v.remove ?? false,
    gone: v.gone ?? false,
    all: v.all ?? false,
    ...(fn ? { function: fn } : {}),
    topicName: v["topic-name"] ?? DEFAULT_TOPIC_NAME,
    iam: v.iam ?? false,
    ...forecastChoice(v, SETUP_USAGE),
    profile: v.profile,
    configFile: v["config-file"],
  };
}

function functionChoice(v: { function?: string; app?: string; "function-name"?: string }): FunctionChoice | undefined {
  const byName = v.app !== undefined || v["function-name"] !== undefined;
  if (v.function !== undefined && byName)
    throw usageError("give either --function or --app with --function-name, not both", SETUP_USAGE);
  if (v.function !== undefined) {
    if (!v.function.startsWith("ocid1.fnfunc."))
      throw usageError(`--function takes a function OCID (ocid1.fnfunc...), got "${v.function}"`, SETUP_USAGE);
    return { functionId: v.function };
  }
  if (!byName) return undefined;
  if (!v.app || !v["function-name"]) throw usageError("--app and --function-name go together", SETUP_USAGE);
  return { app: v.app, functionName: v["function-name"] };
}

/** Refuses (exit 2) thresholds that contradict the function's configuration, saying which values would work. */
function checkThresholds(thresholds: { cpuThreshold: number; memThreshold: number }, pairs: string[]): Config {
  const config = configFromFlags(pairs, SETUP_USAGE);
  const problems = thresholdContradictions(thresholds, config);
  if (problems.length > 0) throw usageError(problems.join("\n"), SETUP_USAGE);
  return config;
}

export async function setupMain(
  argv: string[],
  env: Record<string, string | undefined>,
  print: (line: string) => void,
): Promise<ExitCode> {
  const options = parseSetupArgs(argv);
  if (options === "help") {
    print(SETUP_USAGE);
    return ExitCode.Ok;
  }
  const choice = chooseOciConfig(options, env);
  const provider = loadOciConfig(choice);
  print(`OCI config: ${choice.configFile} [${choice.profile}]`);
  await runSetup(options, createSetupClients(provider, env), createWiringClients(provider, env), print);
  return ExitCode.Ok;
}
