import type { OciFailure } from "../oci/failures";
import type { Decision, ScalingAction } from "../results/decision";
import { TransientOciError } from "../results/errors";
import { Reason, type ReasonCode } from "../results/reasons";
import type { DeploymentResult } from "../results/response";
import type { DeploymentSnapshot } from "../scalers/deployment-snapshot";

export function resultOf(deploymentId: string, decision: Decision): DeploymentResult {
  return {
    deploymentId,
    action: decision.action,
    outcome: "skipped",
    from: decision.from,
    to: decision.kind === "change" ? decision.to : undefined,
    reasonCode: decision.reason,
    reason: decision.message,
    scaleDownAlarm: "none",
  };
}

export function skipped(
  deploymentId: string,
  action: ScalingAction,
  reasonCode: ReasonCode,
  reason: string,
): DeploymentResult {
  return { deploymentId, action, outcome: "skipped", reasonCode, reason, scaleDownAlarm: "none" };
}

export function transientError(failure: OciFailure, step: string): TransientOciError {
  return new TransientOciError(`${step}: ${failure.message}`, failure.opcRequestId);
}

/** A failed OCI call as a result; transient failures are thrown so the alarm is delivered again. */
export function failureResult(base: DeploymentResult, failure: OciFailure, step: string): DeploymentResult {
  const withRequest = { ...base, opcRequestId: failure.opcRequestId ?? base.opcRequestId };
  switch (failure.kind) {
    case "transient":
      throw transientError(failure, step);
    case "not-found":
      return {
        ...withRequest,
        outcome: "skipped",
        reasonCode: Reason.NotFoundOrNotAuthorized,
        reason: `${step}: not found, or the function may not read it (${failure.message})`,
      };
    case "precondition-failed":
    case "incorrect-state":
      return {
        ...withRequest,
        outcome: "skipped",
        reasonCode: Reason.ConcurrentChange,
        reason: `${step}: ${failure.message}`,
      };
    case "permanent":
      return {
        ...withRequest,
        outcome: "failed",
        reasonCode: Reason.UpdateRefused,
        reason: `${step}: OCI refused (${failure.message})`,
      };
  }
}

/** One line on where a deployment stands, for reasons that report a re-read. */
export function describeSnapshot(snapshot: DeploymentSnapshot): string {
  const instances = snapshot.instanceCount ?? snapshot.currentInstanceCount;
  const count = instances === undefined ? "" : `, ${instances} instance(s)`;
  const shape = snapshot.instanceConfiguration?.instanceShapeName ?? "no shape";
  return `${snapshot.lifecycleState}${count}, ${shape}`;
}
