/**
 * npm run doctor -- --deployment <OCID> [--function <OCID>] [--config KEY=VALUE]...: why is nothing scaling?
 * Only reads. One line per check, in the order a notification travels (deployment and its metrics, the alarms,
 * then what carries their messages, and with --function the forecast schedule), each ok, problem (with its fix) or unknown (what could not be read, and the
 * permission that reads it). Exit 0 when nothing is a problem, 1 when something is, 2 for bad arguments or
 * credentials.
 */
import { parseArgs } from "node:util";
import type { models as dsModels } from "oci-datascience";
import type { Config } from "../../src/policy/config";
import { toSnapshot } from "../../src/scalers/deployment-snapshot";
import { CliError, ExitCode, usageError } from "../cli/exit-codes";
import { chooseOciConfig, loadOciConfig } from "../cli/oci-config";
import { createWiringClients, type WiringClients } from "../cli/wiring-clients";
import { createSetupClients, type SetupClients } from "../setup/oci-clients";
import { configFromFlags, functionConfig } from "../setup/threshold-check";
import { type CheckResult, formatCheck, problem, unknown } from "./check";
import { alarmChecks, deploymentCheck, lastDecisionsCheck, metricsCheck } from "./deployment-checks";
import { forecastScheduleCheck } from "./schedule-check";
import { functionCheck, iamCheck, subscriptionChecks } from "./wiring-checks";

export const DOCTOR_USAGE = `usage: npm run doctor -- --deployment <model deployment OCID> [--function <function OCID>]
         [--config KEY=VALUE]... [--no-forecast] [--profile NAME] [--config-file PATH]
         (--config: the function's configuration, as set with fn config, when --function is not given)
         (--no-forecast: setup ran with it; the forecast schedule and its IAM are not checked)`;

export interface DoctorOptions {
  deploymentId: string;
  functionId?: string;
  config: Config;
  /** Setup ran with --no-forecast: no forecast schedule to check. */
  noForecast: boolean;
  profile?: string;
  configFile?: string;
}

const OPTIONS = {
  deployment: { type: "string" },
  function: { type: "string" },
  config: { type: "string", multiple: true, default: [] as string[] },
  "no-forecast": { type: "boolean", default: false },
  profile: { type: "string" },
  "config-file": { type: "string" },
  help: { type: "boolean", short: "h", default: false },
} as const;

export function parseDoctorArgs(argv: string[]): DoctorOptions | "help" {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS });
  } catch (error) {
    throw usageError(error instanceof Error ? error.message : String(error), DOCTOR_USAGE);
  }
  const v = parsed.values;
  if (v.help) return "help";
  if (!v.deployment?.startsWith("ocid1.datasciencemodeldeployment."))
    throw usageError("--deployment takes a model deployment OCID (ocid1.datasciencemodeldeployment...)", DOCTOR_USAGE);
  if (v.function !== undefined && !v.function.startsWith("ocid1.fnfunc."))
    throw usageError(`--function takes a function OCID (ocid1.fnfunc...), got "${v.function}"`, DOCTOR_USAGE);
  const config = configFromFlags(v.config ?? [], DOCTOR_USAGE);
  return {
    deploymentId: v.deployment,
    ...(v.function ? { functionId: v.function } : {}),
    config,
    noForecast: v["no-forecast"] ?? false,
    profile: v.profile,
    configFile: v["config-file"],
  };
}

/**
 * Runs every check in the order a notification travels; the checks that need the deployment are skipped when it
 * cannot be read. With --function, the function's own configuration (its application's, then its own) is the
 * one the alarms are checked against, and the subscription must call that function.
 */
export async function runDoctor(
  options: DoctorOptions,
  clients: SetupClients,
  wiring: WiringClients,
  now = new Date(),
): Promise<CheckResult[]> {
  let deployment: dsModels.ModelDeployment;
  try {
    deployment = (await clients.dataScience.getModelDeployment({ modelDeploymentId: options.deploymentId }))
      .modelDeployment;
  } catch (error) {
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 401) throw new CliError(ExitCode.Usage, `OCI refused the credentials (401): ${String(error)}`);
    if (status === 404)
      return [
        problem(
          "deployment",
          `${options.deploymentId} not found`,
          "check the OCID and region; or the user running doctor lacks read data-science-model-deployments",
        ),
      ];
    return [unknown("deployment", options.deploymentId, error, "read data-science-model-deployments")];
  }
  const fn = options.functionId ? await functionCheck(wiring.functions, options.functionId) : undefined;
  const config = fn?.config ? (functionConfig(fn.config) as Config) : options.config;
  const results: CheckResult[] = [deploymentCheck(deployment)];
  results.push(await metricsCheck(clients.monitoring, deployment, now));
  const builtInAutoscaling = toSnapshot(deployment, undefined).scalingPolicyType === "AUTOSCALING";
  const alarms = await alarmChecks(clients.monitoring, { ...deployment, builtInAutoscaling }, config, config);
  results.push(...alarms.results);
  results.push(...(await subscriptionChecks(wiring.topics, wiring.subscriptions, alarms.topics, options.functionId)));
  if (fn) results.push(fn.result);
  if (options.functionId && fn?.compartmentId) {
    const where = { id: options.functionId, compartmentId: fn.compartmentId };
    const forecast = options.noForecast
      ? undefined
      : await forecastScheduleCheck(wiring.schedules, where, deployment.id);
    if (forecast) results.push(forecast.result);
    const schedule = forecast ? { compartmentId: fn.compartmentId, scheduleId: forecast.scheduleId } : undefined;
    results.push(await iamCheck(wiring.identity, wiring.tenancyId, where, deployment.compartmentId, schedule));
  }
  results.push(await lastDecisionsCheck(clients.dataScience, deployment));
  return results;
}

export async function doctorMain(
  argv: string[],
  env: Record<string, string | undefined>,
  print: (line: string) => void,
): Promise<ExitCode> {
  const options = parseDoctorArgs(argv);
  if (options === "help") {
    print(DOCTOR_USAGE);
    return ExitCode.Ok;
  }
  const choice = chooseOciConfig(options, env);
  let provider: ReturnType<typeof loadOciConfig>;
  try {
    provider = loadOciConfig(choice);
  } catch (error) {
    // Credentials are one of doctor's "bad arguments" (exit 2): nothing could be checked.
    throw new CliError(ExitCode.Usage, error instanceof Error ? error.message : String(error));
  }
  print(`OCI config: ${choice.configFile} [${choice.profile}]`);
  const results = await runDoctor(options, createSetupClients(provider, env), createWiringClients(provider, env));
  for (const result of results) print(formatCheck(result));
  const problems = results.filter((r) => r.status === "problem").length;
  const unknowns = results.filter((r) => r.status === "unknown").length;
  print(`\n${problems} problem(s), ${unknowns} unknown, ${results.length - problems - unknowns} ok`);
  return problems > 0 ? ExitCode.NotDone : ExitCode.Ok;
}
