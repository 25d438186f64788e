import type * as common from "oci-common";
import type { MonitoringClient, models } from "oci-monitoring";

const NAMESPACE = "oci_datascience_modeldeploy";

/**
 * The 1-minute points of a model deployment query over the last `minutes` before `now`, in one
 * SummarizeMetricsData request (the IAM statement `read metrics` covers it).
 */
export async function lastMinutes(
  client: MonitoringClient,
  compartmentId: string,
  query: string,
  minutes: number,
  now: Date,
  retryConfiguration: common.RetryConfiguration,
): Promise<models.MetricData[]> {
  const response = await client.summarizeMetricsData({
    compartmentId,
    summarizeMetricsDataDetails: {
      namespace: NAMESPACE,
      query,
      startTime: new Date(now.getTime() - minutes * 60_000),
      endTime: now,
      resolution: "1m",
    },
    retryConfiguration,
  });
  return response.items;
}
