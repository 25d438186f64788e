/**
 * The dynamic group and policy setup --iam creates, in the tenancy (oci-identity 2.139.1 IdentityClient:
 * listDynamicGroups, createDynamicGroup (CreateDynamicGroupDetails: compartmentId = the tenancy, name,
 * matchingRule, description, freeformTags), deleteDynamicGroup; listPolicies, createPolicy (CreatePolicyDetails:
 * compartmentId, name, statements, description, freeformTags), deletePolicy).
 *
 * - Dynamic group: one per function, matching rule `ALL {resource.type = 'fnfunc', resource.id = '<OCID>'}`
 *   ("Managing Dynamic Groups", https://docs.oracle.com/iaas/Content/Identity/Tasks/managingdynamicgroups.htm;
 *   "Writing Matching Rules", https://docs.oracle.com/iaas/Content/Identity/dynamicgroups/Writing_Matching_Rules_to_Define_Dynamic_Groups.htm).
 *   Dynamic groups live in the tenancy (CreateDynamicGroupDetails.compartmentId "the OCID of the tenancy").
 * - Policy: one per function and deployment compartment, attached to the tenancy, statements
 *   `Allow dynamic-group <name> to <verb> <resource> in compartment id <OCID>` ("Policy Syntax",
 *   https://docs.oracle.com/iaas/Content/Identity/Concepts/policysyntax.htm). Resource types:
 *   data-science-model-deployments and data-science-work-requests ("Details for Data Science",
 *   https://docs.oracle.com/iaas/Content/data-science/using/policies.htm), alarms and metrics ("Details for
 *   Monitoring", https://docs.oracle.com/iaas/Content/Identity/Reference/monitoringpolicyreference.htm),
 *   ons-topics ("Details for Notifications",
 *   https://docs.oracle.com/iaas/Content/Identity/Reference/notificationpolicyreference.htm), and with the forecast
 *   schedule resource-schedule-family ("Resource Scheduler Policies",
 *   https://docs.oracle.com/iaas/Content/resource-scheduler/references/resource-scheduler-policies.htm) and the
 *   any-user statement that lets that one schedule invoke the function (iam-statements.ts says why).
 * OCI takes IAM writes in the tenancy's home region only: where the profile's region is another, point
 * OCI_IDENTITY_ENDPOINT at the home region's (https://identity.<home region>.oci.oraclecloud.com).
 */
import { createHash, randomUUID } from "node:crypto";
import type { IdentityClient, models } from "oci-identity";
import { CliError, ExitCode } from "../cli/exit-codes";
import { grants, ruleCovers, schedulerMayInvoke } from "../doctor/wiring-checks";
import type { TargetFunction } from "./function-target";
import { neededGrants, scheduleInvokeStatement } from "./iam-statements";
import { allPages, madeBySetup, SetupTag, setupTags, type WiringStep } from "./wiring-steps";

const PREFIX = "model-deployment-autoscale";

function shortHash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 8);
}

/** Names are unique in the tenancy: each carries a short hash of what it is for. */
export function dynamicGroupName(functionId: string): string {
  return `${PREFIX}-fn-${shortHash(functionId)}`;
}

export function policyName(functionId: string, compartmentId: string): string {
  return `${PREFIX}-${shortHash(functionId)}-${shortHash(compartmentId)}`;
}

export function matchingRule(functionId: string): string {
  return `ALL {resource.type = 'fnfunc', resource.id = '${functionId}'}`;
}

/** The forecast schedule the policy lets invoke the function; its OCID is unknown in a dry run before it exists. */
export interface PolicySchedule {
  compartmentId: string;
  scheduleId?: string;
}

/**
 * Every statement the function needs (iam-statements.ts), for this group, with the topic's compartment; with the
 * forecast schedule, the read of schedules and the statement that lets the schedule invoke the function.
 */
export function policyStatements(
  group: string,
  compartmentId: string,
  topicCompartmentId: string,
  schedule?: PolicySchedule,
): string[] {
  return [
    ...neededGrants(compartmentId, schedule?.compartmentId).map(
      (g) => `Allow dynamic-group ${group} to ${g.verb} ${g.resource} in compartment id ${g.compartmentId}`,
    ),
    // use ons-topics also covers PublishMessage (NOTIFY_TOPIC_ID) and lets an alarm notify the topic.
    `Allow dynamic-group ${group} to use ons-topics in compartment id ${topicCompartmentId}`,
    ...(schedule
      ? [scheduleInvokeStatement(`compartment id ${schedule.compartmentId}`, schedule.scheduleId ?? "<schedule OCID>")]
      : []),
  ];
}

export interface IamPlace {
  tenancyId: string;
  fn: TargetFunction;
  /** The deployment's (or --compartment's) compartment: the statements grant there. */
  compartmentId: string;
  topicCompartmentId: string;
  /** The forecast schedule (in the function's compartment); undefined with --no-forecast. */
  schedule?: PolicySchedule;
}

async function ensureDynamicGroup(identity: IdentityClient, place: IamPlace, dryRun: boolean) {
  const { tenancyId, fn } = place;
  const groups = await allPages((page) => identity.listDynamicGroups({ compartmentId: tenancyId, page }));
  const ours = groups.find((g) => madeBySetup(g.freeformTags) && g.freeformTags?.[SetupTag.Function] === fn.id);
  if (ours) {
    const note = ruleCovers(ours.matchingRule, fn)
      ? undefined
      : `its rule no longer covers the function: ${ours.matchingRule}`;
    return {
      step: { outcome: "exists", kind: "dynamic group", name: ours.name, id: ours.id, note } as WiringStep,
      name: ours.name,
    };
  }
  const name = dynamicGroupName(fn.id);
  if (groups.some((g) => g.name === name))
    throw new CliError(
      ExitCode.NotDone,
      `a dynamic group named ${name} exists without setup's tag: delete or rename it`,
    );
  if (dryRun) return { step: { outcome: "would create", kind: "dynamic group", name } as WiringStep, name };
  const createDynamicGroupDetails: models.CreateDynamicGroupDetails = {
    compartmentId: tenancyId,
    name,
    matchingRule: matchingRule(fn.id),
    description: `The function ${fn.displayName} (${fn.id}) of model-deployment-autoscale; made by npm run setup --iam`,
    freeformTags: setupTags({ Function: fn.id }),
  };
  const { dynamicGroup } = await identity.createDynamicGroup({
    createDynamicGroupDetails,
    opcRetryToken: randomUUID(),
  });
  return { step: { outcome: "created", kind: "dynamic group", name, id: dynamicGroup.id } as WiringStep, name };
}

async function ensurePolicy(
  identity: IdentityClient,
  place: IamPlace,
  group: string,
  dryRun: boolean,
): Promise<WiringStep> {
  const { tenancyId, fn, compartmentId, schedule } = place;
  const policies = await allPages((page) => identity.listPolicies({ compartmentId: tenancyId, page }));
  const ours = policies.find(
    (p) =>
      madeBySetup(p.freeformTags) &&
      p.freeformTags?.[SetupTag.Function] === fn.id &&
      p.freeformTags?.[SetupTag.Compartment] === compartmentId,
  );
  if (ours) {
    const needed = neededGrants(compartmentId, schedule?.compartmentId);
    const missing = needed
      .filter((need) => !ours.statements.some((s) => grants(s, group, need)))
      .map((m) => `${m.verb} ${m.resource}`);
    // The statement names one schedule: a schedule made again since (a new OCID) needs it written again.
    const scheduleId = schedule?.scheduleId;
    if (
      schedule &&
      scheduleId &&
      !ours.statements.some((s) => schedulerMayInvoke(s, scheduleId, schedule.compartmentId))
    )
      missing.push(
        `the forecast schedule's invocation: add ${scheduleInvokeStatement(`compartment id ${schedule.compartmentId}`, scheduleId)}`,
      );
    const note = missing.length === 0 ? undefined : `no longer grants ${missing.join(", ")}`;
    return { outcome: "exists", kind: "policy", name: ours.name, id: ours.id, note };
  }
  const name = policyName(fn.id, compartmentId);
  if (policies.some((p) => p.name === name))
    throw new CliError(ExitCode.NotDone, `a policy named ${name} exists without setup's tag: delete or rename it`);
  const statements = policyStatements(group, compartmentId, place.topicCompartmentId, schedule);
  if (dryRun) {
    const note = schedule ? `with ${statements[statements.length - 1]}` : undefined;
    return { outcome: "would create", kind: "policy", name, ...(note ? { note } : {}) };
  }
  const createPolicyDetails: models.CreatePolicyDetails = {
    compartmentId: tenancyId,
    name,
    statements,
    description: `What the function ${fn.displayName} needs to scale the model deployments of compartment ${compartmentId}; made by npm run setup --iam`,
    freeformTags: setupTags({ Function: fn.id, Compartment: compartmentId }),
  };
  const { policy } = await identity.createPolicy({ createPolicyDetails, opcRetryToken: randomUUID() });
  return { outcome: "created", kind: "policy", name, id: policy.id };
}

/** The dynamic group, then the policy naming it; `onStep` hears each as it is done (for a failure half-way). */
export async function ensureIam(
  identity: IdentityClient,
  place: IamPlace,
  dryRun: boolean,
  onStep: (step: WiringStep) => void,
): Promise<void> {
  const group = await ensureDynamicGroup(identity, place, dryRun);
  onStep(group.step);
  onStep(await ensurePolicy(identity, place, group.name, dryRun));
}

/**
 * Deletes setup's policies for the compartment and the dynamic groups of their functions, found by tag; a group
 * that a policy setup made for another compartment still names stays (and is named). Groups go first: a run
 * that fails half-way leaves the policies, and the next run finds the groups again through them.
 * Untagged groups and policies are never touched.
 */
export async function removeIam(
  identity: IdentityClient,
  tenancyId: string,
  compartmentId: string,
  dryRun: boolean,
): Promise<WiringStep[]> {
  const steps: WiringStep[] = [];
  const outcome = dryRun ? "would delete" : "deleted";
  const functionOf = (tags: Record<string, string> | undefined) => tags?.[SetupTag.Function] ?? "";
  const policies = (await allPages((page) => identity.listPolicies({ compartmentId: tenancyId, page }))).filter((p) =>
    madeBySetup(p.freeformTags),
  );
  const here = policies.filter((p) => p.freeformTags?.[SetupTag.Compartment] === compartmentId);
  const functions = new Set(here.map((p) => functionOf(p.freeformTags)));
  const elsewhere = new Set(policies.filter((p) => !here.includes(p)).map((p) => functionOf(p.freeformTags)));
  const groups = await allPages((page) => identity.listDynamicGroups({ compartmentId: tenancyId, page }));
  for (const g of groups.filter((x) => madeBySetup(x.freeformTags) && functions.has(functionOf(x.freeformTags)))) {
    if (elsewhere.has(functionOf(g.freeformTags))) {
      const note = "a policy setup made for another compartment still names it";
      steps.push({ outcome: "left", kind: "dynamic group", name: g.name, id: g.id, note });
      continue;
    }
    if (!dryRun) await identity.deleteDynamicGroup({ dynamicGroupId: g.id });
    steps.push({ outcome, kind: "dynamic group", name: g.name, id: g.id });
  }
  for (const p of here) {
    if (!dryRun) await identity.deletePolicy({ policyId: p.id });
    steps.push({ outcome, kind: "policy", name: p.name, id: p.id });
  }
  return steps;
}
