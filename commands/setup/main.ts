/**
 * npm run setup -- (--deployment <ocid> | --compartment <ocid>) --topic <ocid> [--dry-run] [--remove [--gone]]
 *                  [--cpu-threshold 80 | --requests [--requests-threshold N]] [--mem-threshold 80]
 *                  [--config KEY=VALUE]... [--profile P] [--config-file F]
 */
import { parseArgs } from "node:util";
import type { Config } from "../../src/policy/config";
import { toSnapshot } from "../../src/scalers/deployment-snapshot";
import { ExitCode, usageError } from "../cli/exit-codes";
import { chooseOciConfig, loadOciConfig } from "../cli/oci-config";
import { ociFailure } from "../cli/oci-failure";
import { iamStatements } from "./iam-statements";
import { createSetupClients, type SetupClients } from "./oci-clients";
import { type AlarmStep, ensureAlarm, removeAlarmsOfGoneDeployments, removeProjectAlarms } from "./project-alarms";
import { type ScaleUpNames, type Scope, scaleUpAlarms, scaleUpNames } from "./scale-up-alarms";
import { functionConfig, requestsThresholdFor, thresholdContradictions } from "./threshold-check";

export const SETUP_USAGE = `usage: npm run setup -- (--deployment <ocid> | --compartment <ocid>) --topic <topic ocid>
         [--cpu-threshold 80] [--mem-threshold 80] [--config KEY=VALUE]... [--dry-run] [--profile NAME] [--config-file PATH]
         [--requests [--requests-threshold N]]  (scale instances on requests per minute instead of CPU; N defaults to
           TARGET_REQUESTS_PER_INSTANCE × (1 + CPU_TOLERANCE), the least rate one instance cannot serve)
         (--config: the function's configuration, as set with fn config: the thresholds are checked against it, and
           the alarms are named by its HIGH_CPU_ALARM_NAME, HIGH_MEM_ALARM_NAME and HIGH_REQUESTS_ALARM_NAME)
       npm run setup -- (--deployment <ocid> | --compartment <ocid>) --remove [--dry-run]
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
  dryRun: boolean;
  remove: boolean;
  /** With remove: only the alarms whose deployment is gone. */
  gone: boolean;
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
  if (!v.remove && !v.topic)
    throw usageError("--topic is required: the Notifications topic the alarms notify", SETUP_USAGE);
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
    dryRun: v["dry-run"] ?? false,
    remove: v.remove ?? false,
    gone: v.gone ?? false,
    profile: v.profile,
    configFile: v["config-file"],
  };
}

/** Refuses (exit 2) thresholds that contradict the function's configuration, saying which values would work. */
function checkThresholds(thresholds: { cpuThreshold: number; memThreshold: number }, pairs: string[]): Config {
  const entries = pairs.map((pair) => {
    const at = pair.indexOf("=");
    if (at <= 0) throw usageError(`--config takes KEY=VALUE, got "${pair}"`, SETUP_USAGE);
    return [pair.slice(0, at), pair.slice(at + 1)] as const;
  });
  const config = functionConfig(Object.fromEntries(entries));
  if (Array.isArray(config)) throw usageError(`--config: ${config.join("; ")}`, SETUP_USAGE);
  const problems = thresholdContradictions(thresholds, config);
  if (problems.length > 0) throw usageError(problems.join("\n"), SETUP_USAGE);
  return config;
}

async function resolveScope(clients: SetupClients, options: SetupOptions): Promise<Scope> {
  if (!options.deploymentId) return { kind: "compartment", compartmentId: options.compartmentId ?? "" };
  const doing = `reading model deployment ${options.deploymentId}`;
  try {
    const { modelDeployment } = await clients.dataScience.getModelDeployment({
      modelDeploymentId: options.deploymentId,
    });
    return {
      kind: "deployment",
      deploymentId: modelDeployment.id,
      compartmentId: modelDeployment.compartmentId,
      builtInAutoscaling: toSnapshot(modelDeployment, undefined).scalingPolicyType === "AUTOSCALING",
    };
  } catch (error) {
    throw ociFailure(error, doing, clients.dataScience.endpoint);
  }
}

const BUILT_IN_AUTOSCALING_NOTE =
  "  It is on OCI's AUTOSCALING policy: OCI moves its instance count, so only the high-memory alarm is created\n" +
  "  (the function changes its shape or memory and leaves the policy as it is).";

function describe(step: AlarmStep): string {
  const id = step.alarmId ? `  ${step.alarmId}` : "";
  const query = step.query ? `\n      ${step.query}` : "";
  const note = step.note ? `\n      note: ${step.note}` : "";
  return `  ${step.outcome.padEnd(12)} ${step.displayName}${id}${query}${note}`;
}

/** Runs setup against OCI (or the endpoints in env); returns the steps taken, for tests. */
export async function runSetup(
  options: SetupOptions,
  clients: SetupClients,
  print: (line: string) => void,
): Promise<AlarmStep[]> {
  const scope = await resolveScope(clients, options);
  const where =
    scope.kind === "deployment"
      ? `model deployment ${scope.deploymentId} (compartment ${scope.compartmentId})`
      : `every model deployment in compartment ${scope.compartmentId}`;
  const dry = options.dryRun ? " (dry run: nothing is changed)" : "";
  const steps: AlarmStep[] = [];
  const endpoint = clients.monitoring.endpoint;
  try {
    if (options.remove && options.gone) {
      print(`Removing the alarms model-deployment-autoscale created for deployments that are gone, in ${where}${dry}:`);
      steps.push(
        ...(await removeAlarmsOfGoneDeployments(
          clients.monitoring,
          clients.dataScience,
          scope.compartmentId,
          options.dryRun,
        )),
      );
      if (steps.length === 0) print("  none found");
    } else if (options.remove) {
      print(`Removing the alarms model-deployment-autoscale created for ${where}${dry}:`);
      steps.push(
        ...(await removeProjectAlarms(clients.monitoring, scope.compartmentId, options.deploymentId, options.dryRun)),
      );
      if (steps.length === 0) print("  none found");
    } else {
      print(`Scale-up alarms for ${where}${dry}:`);
      if (scope.kind === "deployment" && scope.builtInAutoscaling) print(BUILT_IN_AUTOSCALING_NOTE);
      const settings = {
        topicId: options.topicId ?? "",
        cpuThreshold: options.cpuThreshold,
        memThreshold: options.memThreshold,
        highCpuName: options.names.highCpuName,
        highMemName: options.names.highMemName,
        ...(options.requestsThreshold === undefined
          ? {}
          : { requests: { threshold: options.requestsThreshold, name: options.names.highRequestsName } }),
      };
      for (const wanted of scaleUpAlarms(scope, settings)) {
        const step = await ensureAlarm(clients.monitoring, wanted, options.dryRun);
        steps.push(step);
        print(describe(step));
      }
    }
  } catch (error) {
    const doing = options.gone ? "finding and removing the alarms of deployments that are gone" : "removing alarms";
    throw ociFailure(error, options.remove ? doing : "creating alarms", endpoint);
  }
  if (options.remove) for (const step of steps) print(describe(step));
  else {
    print("\nThe function needs these IAM statements (docs/deploying.md, step 4 Permissions, says why):");
    for (const line of iamStatements(scope.compartmentId)) print(line);
  }
  return steps;
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
  await runSetup(options, createSetupClients(provider, env), print);
  return ExitCode.Ok;
}
