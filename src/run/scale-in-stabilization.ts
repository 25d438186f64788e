import type { DeploymentTarget } from "../message/deployments-in-alarm";
import { classifyOciFailure } from "../oci/failures";
import { peakOverWindow } from "../oci/load-history";
import { isoDurationMinutes } from "../policy/config";
import type { ScalingLimits } from "../policy/deployment-policy";
import { ACTION_METRIC, type ChangeDecision, type Decision, ScalingAction } from "../results/decision";
import { Reason } from "../results/reasons";
import type { DeploymentSnapshot } from "../scalers/deployment-snapshot";
import { holdInstanceScaleIn, holdShapeDown } from "../scalers/scale-in-hold";
import { transientError } from "./deployment-results";
import { scaleDownThreshold } from "./scale-down-thresholds";
import type { ScalingRun } from "./scaling-run";

/**
 * Before a scale-in the alarm asked for (an instance count going down, or a shape-down), the deployment's own
 * peak over SCALE_IN_STABILIZATION: a low alarm sees the last few minutes, and a burst that comes back every
 * hour or two would meet a deployment that had just been scaled in. One SummarizeMetricsData read, only for a
 * scale-in about to be made. A history that cannot be read holds nothing (a warning says so): it must never
 * block scaling in for ever. A transient failure fails the call, so the alarm comes again.
 */
export async function stabilizeScaleIn(
  run: ScalingRun,
  target: DeploymentTarget,
  decision: ChangeDecision,
  snapshot: DeploymentSnapshot,
  limits: ScalingLimits,
): Promise<{ decision: Decision; warnings: string[] }> {
  const window = run.config.SCALE_IN_STABILIZATION;
  const minutes = isoDurationMinutes(window) ?? 0;
  const isInstanceScaleIn = decision.action === ScalingAction.InstanceDown;
  const isShapeDown = decision.action === ScalingAction.ShapeDown;
  if (minutes === 0 || decision.reason !== Reason.ScaledDown || !(isInstanceScaleIn || isShapeDown))
    return { decision, warnings: [] };
  const metric = isShapeDown ? "MemoryUtilization" : (target.metric ?? ACTION_METRIC[decision.action]);
  let peak: Awaited<ReturnType<typeof peakOverWindow>>;
  try {
    peak = await peakOverWindow(run.clients.monitoring, snapshot, metric, minutes, run.now, run.retry);
  } catch (error) {
    const failure = classifyOciFailure(error);
    if (failure.kind === "transient") throw transientError(failure, `reading the deployment's ${metric} history`);
    const warning = `the deployment's ${metric} over the last ${window} could not be read (${failure.message}); the scale-in was not held by it`;
    return { decision, warnings: [warning] };
  }
  if (isShapeDown) {
    const threshold = scaleDownThreshold("MemoryUtilization", undefined, snapshot, limits);
    return { decision: holdShapeDown(decision, peak, window, threshold), warnings: [] };
  }
  return { decision: holdInstanceScaleIn(decision, metric, peak, window, limits), warnings: [] };
}
