import type { Decision, ScalingAction } from "./decision";
import { TransientOciError } from "./errors";
import type { OciFailure } from "./oci/failures";
import { Reason } from "./reasons";
import type { DeploymentResult } from "./response";

/**
 * How a decision or an OCI failure becomes one deployment's result. A transient failure is thrown as
 * TransientOciError instead, so the invocation fails and Notifications delivers the alarm again.
 */
export function failureResult(
  deploymentId: string,
  action: ScalingAction,
  failure: OciFailure,
  step: string,
  base?: DeploymentResult,
): DeploymentResult {
  const fields = { ...(base ?? {}), opcRequestId: failure.opcRequestId ?? base?.opcRequestId };
  switch (failure.kind) {
    case "transient":
      throw transient(failure, step);
    case "not-found":
      return {
        ...skipped(
          deploymentId,
          action,
          Reason.NotFoundOrNotAuthorized,
          `${step}: not found, or the function may not read it (${failure.message})`,
        ),
        ...pick(fields),
      };
    case "precondition-failed":
      return {
        ...skipped(
          deploymentId,
          action,
          Reason.ConcurrentChange,
          `${step}: the deployment changed since it was read (${failure.message})`,
        ),
        ...pick(fields),
      };
    case "incorrect-state":
      return {
        ...skipped(
          deploymentId,
          action,
          Reason.NotActive,
          `${step}: the deployment is not ACTIVE (${failure.message})`,
        ),
        ...pick(fields),
      };
    case "permanent":
      return {
        ...skipped(deploymentId, action, Reason.UpdateRefused, `${step}: OCI refused (${failure.message})`),
        ...pick(fields),
        outcome: "failed",
      };
  }
}

function pick(fields: Partial<DeploymentResult>): Partial<DeploymentResult> {
  const { from, to, opcRequestId, warnings } = fields;
  return { from, to, opcRequestId, ...(warnings ? { warnings } : {}) };
}

export function transient(failure: OciFailure, step: string): TransientOciError {
  return new TransientOciError(`${step}: ${failure.message}`, failure.opcRequestId);
}

export function fromDecision(deploymentId: string, decision: Decision): DeploymentResult {
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
  reasonCode: DeploymentResult["reasonCode"],
  reason: string,
): DeploymentResult {
  return { deploymentId, action, outcome: "skipped", reasonCode, reason, scaleDownAlarm: "none" };
}
