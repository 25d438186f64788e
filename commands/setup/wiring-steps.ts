/**
 * What setup does to the things that carry an alarm's message to the function and let it act (the topic, its
 * subscription, the dynamic group and the policy): one step per item, and the freeform tags that let a later
 * run find each item again. The tag is the one the alarms carry (autoscale-managed-by=model-deployment-autoscale),
 * so one tag names everything this project made.
 */
import { MANAGED_BY_VALUE, ScaleDownAlarmTag } from "../../src/oci/scale-down-alarms";

export const SetupTag = {
  ManagedBy: ScaleDownAlarmTag.ManagedBy,
  /** On the subscription, the dynamic group and the policy: the function they serve. */
  Function: "autoscale-function-id",
  /** On the policy: the compartment its statements grant in (one policy per function and compartment). */
  Compartment: "autoscale-compartment-id",
} as const;

export function setupTags(extra: Partial<Record<"Function" | "Compartment", string>> = {}): Record<string, string> {
  return {
    [SetupTag.ManagedBy]: MANAGED_BY_VALUE,
    ...(extra.Function ? { [SetupTag.Function]: extra.Function } : {}),
    ...(extra.Compartment ? { [SetupTag.Compartment]: extra.Compartment } : {}),
  };
}

export function madeBySetup(tags: Record<string, string> | undefined): boolean {
  return tags?.[SetupTag.ManagedBy] === MANAGED_BY_VALUE;
}

export type WiringKind = "function" | "topic" | "subscription" | "dynamic group" | "policy" | "alarm" | "schedule";

export interface WiringStep {
  /**
   * "left": found, not made by setup, so not deleted (or kept for a reason the note gives). The forecast
   * schedule also gains a deployment ("added"), loses one ("removed"), or is finished after a run that stopped
   * half-way ("completed").
   */
  outcome:
    | "found"
    | "exists"
    | "created"
    | "would create"
    | "deleted"
    | "would delete"
    | "left"
    | "added"
    | "would add"
    | "removed"
    | "would remove"
    | "completed"
    | "would complete";
  kind: WiringKind;
  name: string;
  id?: string;
  note?: string;
}

export function describeStep(step: WiringStep): string {
  const id = step.id ? `  ${step.id}` : "";
  const note = step.note ? `\n      note: ${step.note}` : "";
  return `  ${step.outcome.padEnd(12)} ${step.kind} ${step.name}${id}${note}`;
}

/** Every item of every page of a list call. */
export async function allPages<T>(
  list: (page: string | undefined) => Promise<{ items: T[]; opcNextPage?: string }>,
): Promise<T[]> {
  const all: T[] = [];
  let page: string | undefined;
  do {
    const response = await list(page);
    all.push(...response.items);
    page = response.opcNextPage;
  } while (page);
  return all;
}
