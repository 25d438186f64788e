import type * as common from "oci-common";
import type { MonitoringClient, models } from "oci-monitoring";
import type { ScalingMetric } from "../results/decision";
import { SATURATED_CPU_UTILIZATION } from "../scalers/instance-up";
import type { Peak } from "../scalers/scale-in-hold";
import { lastMinutes } from "./metric-window";

/**
 * The query whose per-minute values make the deployment's load for `metric`:
 * - CPU: one stream per instance (`groupBy(instanceId)`), summed per minute: the load in instances' worth, as
 *   `simulate --oci` reads it; a mean of the deployment would hide how many instances carried it.
 * - Requests: `PredictRequestCount` summed over the deployment's streams (`grouping()`), per minute.
 * - Memory: one stream per instance, the highest per minute (every instance holds the whole model).
 * Monitoring docs, "Selecting the Statistic for a Query" and "Grouping Query Results".
 */
export function loadHistoryQuery(metric: ScalingMetric, deploymentId: string): string {
  const filter = `{resourceId = "${deploymentId}"}`;
  if (metric === "PredictRequestCount") return `PredictRequestCount[1m]${filter}.grouping().sum()`;
  return `${metric}[1m]${filter}.groupBy(instanceId).mean()`;
}

/**
 * The peak minute of the last `minutes` for the deployment, through one SummarizeMetricsData request (the IAM
 * statement `read metrics` covers it). Undefined when there is no data point: no traffic for requests, or a
 * deployment that emitted nothing.
 */
export async function peakOverWindow(
  client: MonitoringClient,
  deployment: { id: string; compartmentId: string },
  metric: ScalingMetric,
  minutes: number,
  now: Date,
  retryConfiguration: common.RetryConfiguration,
): Promise<Peak | undefined> {
  const query = loadHistoryQuery(metric, deployment.id);
  const items = await lastMinutes(client, deployment.compartmentId, query, minutes, now, retryConfiguration);
  return peakOf(items, metric === "CpuUtilization" ? "sum-over-streams" : "max-over-streams");
}

/** Per minute, the streams combined (CPU: summed ÷ 100; others: the highest), then the highest minute. */
export function peakOf(
  streams: models.MetricData[],
  combine: "sum-over-streams" | "max-over-streams",
): Peak | undefined {
  const byMinute = new Map<number, number>();
  for (const stream of streams) {
    for (const point of stream.aggregatedDatapoints) {
      if (!Number.isFinite(point.value)) continue;
      const minute = Math.floor(new Date(point.timestamp).getTime() / 60_000);
      const before = byMinute.get(minute);
      const value = combine === "sum-over-streams" ? point.value / 100 : point.value;
      byMinute.set(
        minute,
        before === undefined ? value : combine === "sum-over-streams" ? before + value : Math.max(before, value),
      );
    }
  }
  let peak: Peak | undefined;
  for (const [minute, value] of byMinute) {
    if (!peak || value > peak.value) peak = { value, at: new Date(minute * 60_000) };
  }
  return peak;
}

/**
 * The deployment's load per epoch minute over the last `minutes`, in one SummarizeMetricsData request: CPU in
 * instances' worth (the instances' CpuUtilization summed ÷ 100; a minute whose instances averaged
 * SATURATED_CPU_UTILIZATION or more counts double, as the scale-up rule reads a saturated reading: the load
 * was at least that), requests per minute for PredictRequestCount. Memory is not a load a forecast sizes.
 */
export async function loadOverWindow(
  client: MonitoringClient,
  deployment: { id: string; compartmentId: string },
  metric: "CpuUtilization" | "PredictRequestCount",
  minutes: number,
  now: Date,
  retryConfiguration: common.RetryConfiguration,
): Promise<Map<number, number>> {
  const query = loadHistoryQuery(metric, deployment.id);
  const items = await lastMinutes(client, deployment.compartmentId, query, minutes, now, retryConfiguration);
  return loadByMinute(items, metric);
}

export function loadByMinute(
  streams: models.MetricData[],
  metric: "CpuUtilization" | "PredictRequestCount",
): Map<number, number> {
  const sums = new Map<number, { sum: number; count: number }>();
  for (const stream of streams) {
    for (const point of stream.aggregatedDatapoints) {
      if (!Number.isFinite(point.value)) continue;
      const minute = Math.floor(new Date(point.timestamp).getTime() / 60_000);
      const at = sums.get(minute) ?? { sum: 0, count: 0 };
      at.sum += point.value;
      at.count++;
      sums.set(minute, at);
    }
  }
  const load = new Map<number, number>();
  for (const [minute, { sum, count }] of sums) {
    if (metric === "PredictRequestCount") load.set(minute, sum);
    else load.set(minute, (sum / 100) * (sum / count >= SATURATED_CPU_UTILIZATION ? 2 : 1));
  }
  return load;
}

/** The highest minute of `load` at or after `fromMinute` (epoch minutes). */
export function peakSince(load: ReadonlyMap<number, number>, fromMinute: number): Peak | undefined {
  let peak: Peak | undefined;
  for (const [minute, value] of load) {
    if (minute >= fromMinute && (!peak || value > peak.value)) peak = { value, at: new Date(minute * 60_000) };
  }
  return peak;
}
