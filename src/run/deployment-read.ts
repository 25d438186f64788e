import { isModelDeploymentId } from "../message/deployments-in-alarm";
import { classifyOciFailure, type OciFailure } from "../oci/failures";
import { type DeploymentRead, readDeployment } from "../oci/model-deployments";
import type { ScalingAction } from "../results/decision";
import { Reason } from "../results/reasons";
import type { DeploymentResult } from "../results/response";
import { failureResult, skipped } from "./deployment-results";

/**
 * The first step for every deployment a message or a tick names: an OCID that is not a model deployment's is
 * answered without a request; otherwise the deployment is read, and a failed read becomes its result
 * (a transient failure throws, as failureResult does).
 */
export async function readNamedDeployment(
  run: { clients: { dataScience: Parameters<typeof readDeployment>[0] }; retry: Parameters<typeof readDeployment>[2] },
  deploymentId: string,
  action: ScalingAction,
): Promise<{ read: DeploymentRead } | { result: DeploymentResult; failure?: OciFailure }> {
  if (!isModelDeploymentId(deploymentId)) {
    const reason = "not a model deployment OCID; nothing was read or changed";
    return { result: skipped(deploymentId, action, Reason.NotAModelDeployment, reason) };
  }
  try {
    return { read: await readDeployment(run.clients.dataScience, deploymentId, run.retry) };
  } catch (error) {
    const failure = classifyOciFailure(error);
    const base = skipped(deploymentId, action, Reason.NotFoundOrNotAuthorized, "");
    return { result: failureResult(base, failure, "reading the deployment"), failure };
  }
}
