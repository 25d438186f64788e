/**
 * Setup's steps beyond the alarms: the function, the topic and its subscription (before the alarms, which
 * notify the topic), the IAM (after), and with --remove --all the same taken away. Each step is printed as it
 * is done and each item created is recorded in `progress`, so a failure half-way can name them.
 */
import { models as monitoringModels } from "oci-monitoring";
import type { WiringClients } from "../cli/wiring-clients";
import { type FunctionChoice, resolveFunction, type TargetFunction } from "./function-target";
import { ensureIam, type PolicySchedule, removeIam } from "./iam-resources";
import type { SetupOptions } from "./main";
import type { SetupClients } from "./oci-clients";
import type { AlarmStep } from "./project-alarms";
import type { Progress } from "./run-setup";
import type { Scope } from "./scale-up-alarms";
import { ensureSubscription, ensureTopic, removeTopics, SUBSCRIPTION_NOTE } from "./topic-subscription";
import { allPages, describeStep, madeBySetup, type WiringStep } from "./wiring-steps";

export interface Wired {
  fn: TargetFunction;
  /** The topic the alarms notify; in a dry run before the topic exists, a placeholder naming it. */
  topicId: string;
  topicCompartmentId: string;
  steps: WiringStep[];
}

function recorder(progress: Progress, steps: WiringStep[], print: (line: string) => void) {
  return (step: WiringStep) => {
    steps.push(step);
    if (step.outcome === "created") progress.created.push(`${step.kind} ${step.name} ${step.id ?? ""}`.trim());
    print(describeStep(step));
  };
}

export async function wireFunction(
  options: SetupOptions,
  choice: FunctionChoice,
  wiring: WiringClients,
  scope: Scope,
  progress: Progress,
  print: (line: string) => void,
): Promise<Wired> {
  const steps: WiringStep[] = [];
  const record = recorder(progress, steps, print);
  const dry = options.dryRun ? " (dry run: nothing is changed)" : "";
  print(`What carries the alarms' messages to the function${dry}:`);
  progress.doing = "reading the function";
  progress.endpoint = wiring.functions.endpoint;
  const fn = await resolveFunction(wiring.functions, choice, scope.compartmentId);
  record({ outcome: "found", kind: "function", name: fn.displayName, id: fn.id });

  progress.doing = `finding or creating the topic ${options.topicId ?? options.topicName}`;
  progress.endpoint = wiring.topics.endpoint;
  const wantedTopic = { topicId: options.topicId, name: options.topicName, compartmentId: scope.compartmentId };
  const { step, topic } = await ensureTopic(wiring.topics, wantedTopic, options.dryRun);
  record(step);

  progress.doing = `finding or creating the subscription of topic ${topic?.name ?? options.topicName} to the function`;
  progress.endpoint = wiring.subscriptions.endpoint;
  record(await ensureSubscription(wiring.subscriptions, topic, fn, options.dryRun));
  print(SUBSCRIPTION_NOTE);
  print("");
  return {
    fn,
    topicId: topic?.id ?? `<the topic ${options.topicName}, once created>`,
    topicCompartmentId: topic?.compartmentId ?? scope.compartmentId,
    steps,
  };
}

export async function wireIam(
  options: SetupOptions,
  wired: Wired,
  wiring: WiringClients,
  scope: Scope,
  progress: Progress,
  print: (line: string) => void,
  schedule?: PolicySchedule,
): Promise<void> {
  print(`\nIAM in the tenancy ${wiring.tenancyId}: a dynamic group matching the function, a policy granting it:`);
  progress.doing = "finding or creating the dynamic group and policy";
  progress.endpoint = wiring.identity.endpoint;
  const place = {
    tenancyId: wiring.tenancyId,
    fn: wired.fn,
    compartmentId: scope.compartmentId,
    topicCompartmentId: wired.topicCompartmentId,
    ...(schedule ? { schedule } : {}),
  };
  await ensureIam(wiring.identity, place, options.dryRun, recorder(progress, wired.steps, print));
}

/**
 * The alarms that stay and are worth naming: one without setup's tag that has a scale-up alarm's name (made by
 * hand), and any alarm that stays while notifying a topic about to go (it will notify nothing then).
 */
async function alarmsLeft(
  clients: SetupClients,
  compartmentId: string,
  names: string[],
  topicIds: string[],
  removed: AlarmStep[],
): Promise<WiringStep[]> {
  const gone = new Set(removed.map((s) => s.alarmId));
  const alarms = await allPages((page) =>
    clients.monitoring.listAlarms({
      compartmentId,
      lifecycleState: monitoringModels.Alarm.LifecycleState.Active,
      page,
    }),
  );
  const steps: WiringStep[] = [];
  for (const a of alarms.filter((x) => !gone.has(x.id))) {
    const notes = [
      ...(names.includes(a.displayName) && !madeBySetup(a.freeformTags) ? ["no autoscale-managed-by tag"] : []),
      ...(a.destinations.some((d) => topicIds.includes(d))
        ? ["it notifies a topic setup deletes, so will notify nothing: give it another destination or delete it"]
        : []),
    ];
    if (notes.length > 0)
      steps.push({ outcome: "left", kind: "alarm", name: a.displayName, id: a.id, note: notes.join("; ") });
  }
  return steps;
}

export async function removeWiring(
  options: SetupOptions,
  clients: SetupClients,
  wiring: WiringClients,
  scope: Scope,
  removedAlarms: AlarmStep[],
  progress: Progress,
  print: (line: string) => void,
): Promise<WiringStep[]> {
  const { compartmentId } = scope;
  print(`Removing the topic, subscriptions, dynamic group and policy setup made for compartment ${compartmentId}:`);
  progress.doing = "removing setup's topics and their subscriptions";
  progress.endpoint = wiring.topics.endpoint;
  const topicSteps = await removeTopics(
    wiring.topics,
    wiring.subscriptions,
    compartmentId,
    [options.topicName],
    options.dryRun,
  );
  const going = topicSteps.filter((s) => s.kind === "topic" && s.outcome !== "left").map((s) => s.id ?? "");
  progress.doing = "listing the alarms that notify those topics";
  progress.endpoint = clients.monitoring.endpoint;
  const names = Object.values(options.names);
  const alarmSteps = await alarmsLeft(clients, compartmentId, names, going, removedAlarms);
  progress.doing = "removing setup's dynamic group and policy";
  progress.endpoint = wiring.identity.endpoint;
  const iamSteps = await removeIam(wiring.identity, wiring.tenancyId, compartmentId, options.dryRun);
  const steps = [...topicSteps, ...alarmSteps, ...iamSteps];
  if (steps.length === 0) print("  none found");
  for (const step of steps) print(describeStep(step));
  return steps;
}
