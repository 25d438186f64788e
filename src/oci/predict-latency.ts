import type * as common from "oci-common";
import type { MonitoringClient } from "oci-monitoring";
import { lastMinutes } from "./metric-window";

/** How far back the guard looks: the same 5 minutes as the low alarms' window. */
export const LATENCY_LOOKBACK_MINUTES = 5;

/**
 * The deployment's highest per-minute mean `PredictLatency` (ms) over the last few minutes, through
 * SummarizeMetricsData (the IAM statement `read metrics` covers it). `.grouping()` folds every stream of the
 * deployment (the metric carries a `result` dimension) into one. Undefined when there are no data points:
 * the metric, like PredictRequestCount, is emitted only while there is traffic.
 */
export async function recentPredictLatency(
  client: MonitoringClient,
  deployment: { id: string; compartmentId: string },
  now: Date,
  retryConfiguration: common.RetryConfiguration,
): Promise<number | undefined> {
  const items = await lastMinutes(
    client,
    deployment.compartmentId,
    latencyQuery(deployment.id),
    LATENCY_LOOKBACK_MINUTES,
    now,
    retryConfiguration,
  );
  const values = items.flatMap((data) => data.aggregatedDatapoints.map((point) => point.value));
  const finite = values.filter((value) => Number.isFinite(value));
  return finite.length === 0 ? undefined : Math.max(...finite);
}

export function latencyQuery(deploymentId: string): string {
  return `PredictLatency[1m]{resourceId = "${deploymentId}"}.grouping().mean()`;
}
