/**
 * What `npm run setup` does, in the order an alarm's message travels: (with a function) the function, the topic
 * and its subscription, then the scale-up alarms, then (with --iam) the dynamic group and policy; or, with
 * --remove, the same taken away. Every OCI call it makes:
 * - Data Science: GetModelDeployment (the deployment's compartment and scaling policy; --gone: is it gone).
 * - Monitoring: ListAlarms (setup's alarms, by tag and name), CreateAlarm (opc-retry-token), DeleteAlarm.
 * - Functions: GetFunction and GetApplication (the function's configuration), after ListApplications +
 *   ListFunctions with --app, --function-name.
 * - Notifications control plane: GetTopic (--topic with a function), ListTopics, CreateTopic (opc-retry-token),
 *   DeleteTopic (--remove --all).
 * - Notifications data plane: ListSubscriptions, CreateSubscription (opc-retry-token), DeleteSubscription.
 * - Identity (--iam, --remove --all): ListDynamicGroups, CreateDynamicGroup (opc-retry-token), DeleteDynamicGroup,
 *   ListPolicies, CreatePolicy (opc-retry-token), DeletePolicy.
 * - Resource Scheduler (with a function and --deployment, unless --no-forecast; --remove): ListSchedules,
 *   GetSchedule, CreateSchedule (opc-retry-token), DeactivateSchedule, UpdateSchedule (if-match),
 *   ActivateSchedule, GetWorkRequest, DeleteSchedule.
 */
import { toSnapshot } from "../../src/scalers/deployment-snapshot";
import { ociFailure } from "../cli/oci-failure";
import type { WiringClients } from "../cli/wiring-clients";
import { removeForecast, wireForecast } from "./forecast-wiring";
import { iamStatements } from "./iam-statements";
import type { SetupOptions } from "./main";
import type { SetupClients } from "./oci-clients";
import { type AlarmStep, ensureAlarm, removeAlarmsOfGoneDeployments, removeProjectAlarms } from "./project-alarms";
import { type Scope, scaleUpAlarms, scaleUpNames } from "./scale-up-alarms";
import { functionConfig, thresholdContradictions } from "./threshold-check";
import { removeWiring, type Wired, wireFunction, wireIam } from "./wiring";
import type { WiringStep } from "./wiring-steps";

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

/** What a run has done so far and is doing now: a failure half-way names what it had created. */
export interface Progress {
  doing: string;
  endpoint: string;
  created: string[];
}

function whereOf(scope: Scope): string {
  return scope.kind === "deployment"
    ? `model deployment ${scope.deploymentId} (compartment ${scope.compartmentId})`
    : `every model deployment in compartment ${scope.compartmentId}`;
}

async function createAlarms(
  options: SetupOptions,
  clients: SetupClients,
  scope: Scope,
  topicId: string,
  progress: Progress,
  print: (line: string) => void,
): Promise<AlarmStep[]> {
  const dry = options.dryRun ? " (dry run: nothing is changed)" : "";
  print(`Scale-up alarms for ${whereOf(scope)}${dry}:`);
  if (scope.kind === "deployment" && scope.builtInAutoscaling) print(BUILT_IN_AUTOSCALING_NOTE);
  const settings = {
    topicId,
    cpuThreshold: options.cpuThreshold,
    memThreshold: options.memThreshold,
    highCpuName: options.names.highCpuName,
    highMemName: options.names.highMemName,
    ...(options.requestsThreshold === undefined
      ? {}
      : { requests: { threshold: options.requestsThreshold, name: options.names.highRequestsName } }),
  };
  progress.doing = "creating alarms";
  progress.endpoint = clients.monitoring.endpoint;
  const steps: AlarmStep[] = [];
  for (const wanted of scaleUpAlarms(scope, settings)) {
    const step = await ensureAlarm(clients.monitoring, wanted, options.dryRun);
    steps.push(step);
    if (step.outcome === "created") progress.created.push(`alarm ${step.displayName} ${step.alarmId}`);
    print(describe(step));
  }
  return steps;
}

async function removeAlarms(
  options: SetupOptions,
  clients: SetupClients,
  scope: Scope,
  print: (line: string) => void,
): Promise<AlarmStep[]> {
  const dry = options.dryRun ? " (dry run: nothing is changed)" : "";
  const where = whereOf(scope);
  const steps: AlarmStep[] = [];
  if (options.gone) {
    print(`Removing the alarms model-deployment-autoscale created for deployments that are gone, in ${where}${dry}:`);
    const { monitoring, dataScience } = clients;
    steps.push(...(await removeAlarmsOfGoneDeployments(monitoring, dataScience, scope.compartmentId, options.dryRun)));
  } else {
    print(`Removing the alarms model-deployment-autoscale created for ${where}${dry}:`);
    steps.push(
      ...(await removeProjectAlarms(clients.monitoring, scope.compartmentId, options.deploymentId, options.dryRun)),
    );
  }
  if (steps.length === 0) print("  none found");
  for (const step of steps) print(describe(step));
  return steps;
}

/**
 * Without --config, the function's own configuration (read with --function) names the alarms, so they are titled
 * as the function routes; thresholds it contradicts are said, not refused (the topic and subscription may be made).
 */
function withFunctionNames(
  options: SetupOptions,
  fnConfig: Record<string, string>,
  print: (line: string) => void,
): SetupOptions {
  const config = functionConfig(fnConfig);
  if (Array.isArray(config)) {
    print(
      `Note: the function's configuration does not load (${config.join("; ")}); the alarms take the default names.`,
    );
    return options;
  }
  for (const problem of thresholdContradictions(options, config)) print(`Note: ${problem}`);
  return { ...options, names: scaleUpNames(config) };
}

/** Runs setup against OCI (or the endpoints in env); returns the steps taken, for tests. */
export async function runSetup(
  options: SetupOptions,
  clients: SetupClients,
  wiring: WiringClients,
  print: (line: string) => void,
): Promise<{ alarms: AlarmStep[]; wiring: WiringStep[] }> {
  const scope = await resolveScope(clients, options);
  const progress: Progress = { doing: "", endpoint: clients.monitoring.endpoint, created: [] };
  try {
    if (options.remove) {
      progress.doing = options.gone
        ? "finding and removing the alarms of deployments that are gone"
        : "removing alarms";
      const alarms = await removeAlarms(options, clients, scope, print);
      const wiringSteps = options.all
        ? await removeWiring(options, clients, wiring, scope, alarms, progress, print)
        : [];
      const scheduleSteps = await removeForecast(options, wiring, scope, progress, print);
      return { alarms, wiring: [...wiringSteps, ...scheduleSteps] };
    }
    let wired: Wired | undefined;
    if (options.function) wired = await wireFunction(options, options.function, wiring, scope, progress, print);
    const topicId = wired?.topicId ?? options.topicId ?? "";
    const named = wired && !options.configGiven ? withFunctionNames(options, wired.fn.config, print) : options;
    const alarms = await createAlarms(named, clients, scope, topicId, progress, print);
    // The schedule before the IAM: the policy names the schedule's OCID.
    const schedule = wired ? await wireForecast(options, wired, wiring, scope, progress, print) : undefined;
    if (wired && options.iam) await wireIam(options, wired, wiring, scope, progress, print, schedule);
    else {
      print("\nThe function needs these IAM statements (docs/deploying.md, step 4 Permissions, says why):");
      for (const line of iamStatements(scope.compartmentId, wired?.fn.id, schedule ?? false)) print(line);
      if (wired) print("(npm run setup -- … --iam creates them: a dynamic group and a policy in the tenancy)");
    }
    if (wired && !options.dryRun) {
      const nothingNew = progress.created.length === 0;
      print(nothingNew ? "\nAll is in place: nothing was created." : `\nCreated ${progress.created.length} item(s).`);
    }
    return { alarms, wiring: wired?.steps ?? [] };
  } catch (error) {
    if (progress.created.length > 0 && !options.remove) {
      print("\nStopped half-way. Created before the failure:");
      for (const item of progress.created) print(`  ${item}`);
      print("Run the same command again: setup finds what it created by its tag and creates only the rest.");
    }
    if (options.remove && options.all)
      print("\nStopped half-way: run the same command again to remove the rest (what is gone is not looked for).");
    throw ociFailure(error, progress.doing, progress.endpoint);
  }
}
