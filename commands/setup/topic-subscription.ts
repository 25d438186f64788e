/**
 * The Notifications topic the alarms notify and its ORACLE_FUNCTIONS subscription to the function (oci-ons
 * 2.139.1): NotificationControlPlaneClient getTopic, listTopics, createTopic (CreateTopicDetails: name,
 * compartmentId, description, freeformTags), deleteTopic; NotificationDataPlaneClient listSubscriptions,
 * createSubscription (CreateSubscriptionDetails: topicId, compartmentId, protocol, endpoint, freeformTags),
 * deleteSubscription. Setup's topic and subscriptions carry the project's freeform tag; nothing else is deleted.
 */
import { randomUUID } from "node:crypto";
import type { models, NotificationControlPlaneClient, NotificationDataPlaneClient } from "oci-ons";
import { CliError, ExitCode } from "../cli/exit-codes";
import type { TargetFunction } from "./function-target";
import { allPages, madeBySetup, setupTags, type WiringStep } from "./wiring-steps";

export const DEFAULT_TOPIC_NAME = "model-deployment-autoscale";
const FUNCTIONS_PROTOCOL = "ORACLE_FUNCTIONS";

export interface Topic {
  id: string;
  name: string;
  compartmentId: string;
}

/** Said after the subscription step: what OCI does with it, and what PENDING means. */
export const SUBSCRIPTION_NOTE =
  "  OCI confirms a subscription to a function itself (no link to click): it turns ACTIVE within a minute or so.\n" +
  "  While it is PENDING the topic delivers nothing to the function: alarms fire and nothing scales. If it stays\n" +
  "  PENDING, delete it (console: Notifications > topic > Subscriptions) and run setup again; npm run doctor says which.";

function topicInUseAdvice(name: string, id: string | undefined): string {
  const use = id ? `pass --topic ${id} to use it` : "pass --topic <its OCID> to use it";
  return `a topic named ${name} exists${id ? ` (${id})` : " in the tenancy"} and setup did not make it (it has no autoscale-managed-by tag): ${use}, or --topic-name <another name> to create one`;
}

/** The topic given by --topic, else the one setup made before in the compartment (by its tag), else a new one. */
export async function ensureTopic(
  topics: NotificationControlPlaneClient,
  wanted: { topicId?: string; name: string; compartmentId: string },
  dryRun: boolean,
): Promise<{ step: WiringStep; topic?: Topic }> {
  if (wanted.topicId) {
    const { notificationTopic: t } = await topics.getTopic({ topicId: wanted.topicId });
    const topic = { id: t.topicId, name: t.name, compartmentId: t.compartmentId };
    return { step: { outcome: "found", kind: "topic", name: t.name, id: t.topicId, note: "given by --topic" }, topic };
  }
  const listed = await allPages((page) => topics.listTopics({ compartmentId: wanted.compartmentId, page }));
  const live = listed.filter((t) => t.lifecycleState !== "DELETING");
  const ours = live.filter((t) => madeBySetup(t.freeformTags));
  const mine = ours.find((t) => t.name === wanted.name) ?? ours[0];
  if (mine) {
    const topic = { id: mine.topicId, name: mine.name, compartmentId: mine.compartmentId };
    return { step: { outcome: "exists", kind: "topic", name: mine.name, id: mine.topicId }, topic };
  }
  const sameName = live.find((t) => t.name === wanted.name);
  // Topic names are unique in the tenancy: creating it would be refused (409).
  if (sameName) throw new CliError(ExitCode.NotDone, topicInUseAdvice(wanted.name, sameName.topicId));
  if (dryRun) return { step: { outcome: "would create", kind: "topic", name: wanted.name } };
  const createTopicDetails: models.CreateTopicDetails = {
    name: wanted.name,
    compartmentId: wanted.compartmentId,
    description:
      "Scale-up alarms of model deployments notify this topic; it calls the model-deployment-autoscale function.",
    freeformTags: setupTags(),
  };
  try {
    // A retry token makes a retried create (after a lost answer) return the first topic, not a 409.
    const { notificationTopic: t } = await topics.createTopic({ createTopicDetails, opcRetryToken: randomUUID() });
    const topic = { id: t.topicId, name: t.name, compartmentId: t.compartmentId };
    return { step: { outcome: "created", kind: "topic", name: t.name, id: t.topicId }, topic };
  } catch (error) {
    // Another compartment holds a topic of that name.
    if ((error as { statusCode?: number }).statusCode === 409)
      throw new CliError(ExitCode.NotDone, topicInUseAdvice(wanted.name, undefined), { cause: error });
    throw error;
  }
}

function functionSubscriptions(listed: models.SubscriptionSummary[], functionId: string): models.SubscriptionSummary[] {
  return listed.filter(
    (s) => s.protocol === FUNCTIONS_PROTOCOL && s.endpoint === functionId && s.lifecycleState !== "DELETED",
  );
}

/** The topic's ORACLE_FUNCTIONS subscription whose endpoint is the function: found (any tag), or created, tagged. */
export async function ensureSubscription(
  subscriptions: NotificationDataPlaneClient,
  topic: Topic | undefined,
  fn: TargetFunction,
  dryRun: boolean,
): Promise<WiringStep> {
  const name = `${topic?.name ?? DEFAULT_TOPIC_NAME} -> function ${fn.displayName}`;
  // A topic still to be created has no subscription yet.
  if (!topic) return { outcome: "would create", kind: "subscription", name };
  const listed = await allPages((page) =>
    subscriptions.listSubscriptions({ compartmentId: topic.compartmentId, topicId: topic.id, page }),
  );
  const existing = functionSubscriptions(listed, fn.id);
  const active = existing.find((s) => s.lifecycleState === "ACTIVE") ?? existing[0];
  if (active) {
    const state = `${active.lifecycleState}${madeBySetup(active.freeformTags) ? "" : ", made by hand"}`;
    return { outcome: "exists", kind: "subscription", name, id: active.id, note: state };
  }
  if (dryRun) return { outcome: "would create", kind: "subscription", name };
  const createSubscriptionDetails: models.CreateSubscriptionDetails = {
    topicId: topic.id,
    compartmentId: topic.compartmentId,
    protocol: FUNCTIONS_PROTOCOL,
    endpoint: fn.id,
    freeformTags: setupTags({ Function: fn.id }),
  };
  const { subscription } = await subscriptions.createSubscription({
    createSubscriptionDetails,
    opcRetryToken: randomUUID(),
  });
  return { outcome: "created", kind: "subscription", name, id: subscription.id, note: subscription.lifecycleState };
}

/**
 * Deletes the topics setup made in the compartment, each after its subscriptions, and the subscriptions setup
 * made on topics of yours (--topic). A topic of setup's that also has a subscription setup did not make is kept
 * (deleting the topic would take that subscription with it) and named; so is a topic without the tag that has
 * the name setup gives its topic.
 */
export async function removeTopics(
  topics: NotificationControlPlaneClient,
  subscriptions: NotificationDataPlaneClient,
  compartmentId: string,
  names: string[],
  dryRun: boolean,
): Promise<WiringStep[]> {
  const listed = (await allPages((page) => topics.listTopics({ compartmentId, page }))).filter(
    (t) => t.lifecycleState !== "DELETING",
  );
  const subs = (await allPages((page) => subscriptions.listSubscriptions({ compartmentId, page }))).filter(
    (s) => s.lifecycleState !== "DELETED",
  );
  const steps: WiringStep[] = [];
  const outcome = dryRun ? "would delete" : "deleted";
  const nameOf = (topicName: string, s: models.SubscriptionSummary) => `${topicName} -> ${s.protocol} ${s.endpoint}`;
  for (const t of listed) {
    const own = subs.filter((s) => s.topicId === t.topicId);
    for (const s of own.filter((x) => madeBySetup(x.freeformTags))) {
      if (!dryRun) await subscriptions.deleteSubscription({ subscriptionId: s.id });
      steps.push({ outcome, kind: "subscription", name: nameOf(t.name, s), id: s.id });
    }
    if (!madeBySetup(t.freeformTags)) {
      if (names.includes(t.name))
        steps.push({
          outcome: "left",
          kind: "topic",
          name: t.name,
          id: t.topicId,
          note: "no autoscale-managed-by tag",
        });
      continue;
    }
    const theirs = own.filter((s) => !madeBySetup(s.freeformTags));
    for (const s of theirs) {
      const note = "no autoscale-managed-by tag: its topic is kept too (deleting a topic deletes its subscriptions)";
      steps.push({ outcome: "left", kind: "subscription", name: nameOf(t.name, s), id: s.id, note });
    }
    if (theirs.length > 0) {
      const note = "it has subscriptions setup did not make: delete them, then run --remove --all again";
      steps.push({ outcome: "left", kind: "topic", name: t.name, id: t.topicId, note });
      continue;
    }
    if (!dryRun) await topics.deleteTopic({ topicId: t.topicId });
    steps.push({ outcome, kind: "topic", name: t.name, id: t.topicId });
  }
  return steps;
}
