import { classifyOciFailure } from "../oci/failures";
import { LATENCY_LOOKBACK_MINUTES, recentPredictLatency } from "../oci/predict-latency";
import { type ChangeDecision, type NoChangeDecision, noChange, ScalingAction } from "../results/decision";
import { Reason } from "../results/reasons";
import type { DeploymentSnapshot } from "../scalers/deployment-snapshot";
import { transientError } from "./deployment-results";
import type { ScalingRun } from "./scaling-run";

/**
 * With MAX_LATENCY_MS set, no scale-in while the deployment answers slowly: few requests can still be slow
 * ones (a GPU model batching, a backlog), and removing an instance would make them slower. Read only for a
 * scale-in about to be made, so no other decision pays for it. No data points means no traffic, and then
 * latency holds nothing back. A latency that cannot be read holds the scale-in: the guard was asked for.
 */
export async function latencyGuard(
  run: ScalingRun,
  decision: ChangeDecision,
  snapshot: DeploymentSnapshot,
): Promise<NoChangeDecision | undefined> {
  const limit = run.config.MAX_LATENCY_MS;
  if (limit === undefined || !isScaleIn(decision)) return undefined;
  let latency: number | undefined;
  try {
    latency = await recentPredictLatency(run.clients.monitoring, snapshot, run.now, run.retry);
  } catch (error) {
    const failure = classifyOciFailure(error);
    if (failure.kind === "transient") throw transientError(failure, "reading the deployment's PredictLatency");
    const why = `PredictLatency could not be read (${failure.message}); MAX_LATENCY_MS is set, so no scale-in without it`;
    return noChange(decision.action, decision.from, Reason.LatencyGuard, why);
  }
  if (latency === undefined || latency <= limit) return undefined;
  const seen = Math.round(latency * 10) / 10;
  return noChange(
    decision.action,
    decision.from,
    Reason.LatencyGuard,
    `PredictLatency reached ${seen} ms in the last ${LATENCY_LOOKBACK_MINUTES} minutes, above MAX_LATENCY_MS ${limit}: no scale-in`,
  );
}

/** An instance count going down because the load allows it; a correction into the bounds is never held. */
function isScaleIn(decision: ChangeDecision): boolean {
  return decision.action === ScalingAction.InstanceDown && decision.reason === Reason.ScaledDown;
}
