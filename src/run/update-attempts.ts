import type * as common from "oci-common";
import type { DataScienceClient } from "oci-datascience";
import { classifyOciFailure } from "../oci/failures";
import { type UpdateAccepted, updateDeployment } from "../oci/model-deployments";
import type { DeploymentChange } from "../results/decision";
import type { DeploymentSnapshot } from "../scalers/deployment-snapshot";

/** What one PUT carries beside the change itself. */
export interface UpdateAttempt {
  /** The function's state tags (cooldown, delivery). */
  tags: boolean;
  /** The scaling policy as read, re-sent unchanged with a shape change. */
  scalingPolicy: boolean;
}

/**
 * OCI documents neither whether an ACTIVE deployment takes freeformTags together with a configuration change,
 * nor whether a scaling policy re-sent unchanged beside a shape change counts as a policy change, which OCI
 * asks to be submitted alone on an ACTIVE deployment (FIELD-NOTES). So the whole body goes first, and each 400
 * takes one optional part away. The policy goes first: sent as read it cannot reset anything (an
 * AUTOSCALING count resets only when initialInstanceCount changes), and left out it is kept where OCI keeps
 * what a body omits; where OCI replaces objects whole it refuses a body without one instead (400), so the
 * policy is never lost. The tags go last, since without them no cooldown holds for this change.
 */
export function updateAttempts(change: DeploymentChange, sendsPolicyUnchanged: boolean): UpdateAttempt[] {
  const withPolicy = [
    { tags: true, scalingPolicy: true },
    { tags: false, scalingPolicy: true },
  ];
  if (!("shapeName" in change) || !sendsPolicyUnchanged) return withPolicy;
  return [
    { tags: true, scalingPolicy: true },
    { tags: true, scalingPolicy: false },
    { tags: false, scalingPolicy: true },
    { tags: false, scalingPolicy: false },
  ];
}

export interface UpdateSent {
  accepted: UpdateAccepted;
  /** What was left out of the accepted update, and what that means. */
  warnings: string[];
}

/**
 * Sends the change, falling back through updateAttempts on 400. Any other failure, and the last 400, are
 * thrown. A 400 changes nothing, so the next attempt carries the same If-Match.
 */
export async function sendUpdate(
  client: DataScienceClient,
  snapshot: DeploymentSnapshot,
  change: DeploymentChange,
  tags: Record<string, string>,
  retry: () => common.RetryConfiguration,
): Promise<UpdateSent> {
  const attempts = updateAttempts(change, snapshot.modelConfiguration?.scalingPolicy !== undefined);
  let lastError: unknown;
  let firstRefusal: string | undefined;
  for (const attempt of attempts) {
    try {
      const accepted = await updateDeployment(client, snapshot, change, attempt.tags ? tags : undefined, retry(), {
        withoutScalingPolicy: !attempt.scalingPolicy,
      });
      return { accepted, warnings: firstRefusal === undefined ? [] : leftOut(attempt, firstRefusal) };
    } catch (error) {
      const failure = classifyOciFailure(error);
      if (failure.kind !== "permanent" || failure.statusCode !== 400) throw error;
      firstRefusal ??= failure.message;
      lastError = error;
    }
  }
  throw lastError;
}

function leftOut(attempt: UpdateAttempt, refusal: string): string[] {
  const warnings: string[] = [];
  if (!attempt.scalingPolicy) {
    warnings.push(
      `OCI refused the scaling policy re-sent unchanged with the change (${refusal}); the change was sent without it, as OCI asks policy changes to go alone, so the policy stays as it is`,
    );
  }
  if (!attempt.tags) {
    warnings.push(
      `OCI refused the state tags with the change (${refusal}); scaled without them, so no cooldown or duplicate check will hold for this change`,
    );
  }
  return warnings;
}
