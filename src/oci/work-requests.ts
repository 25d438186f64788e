import type * as common from "oci-common";
import { type DataScienceClient, requests } from "oci-datascience";

/**
 * When the deployment's newest finished work request (any operation, by anyone: this function, a person in
 * the console, a pipeline) finished. The deployment itself has no "time updated"; its work requests are
 * the only record of when a change landed (ListWorkRequests with resourceId, newest first; WorkRequestSummary
 * carries timeFinished). Undefined when none has finished.
 */
export async function lastFinishedChange(
  client: DataScienceClient,
  deployment: { id: string; compartmentId: string },
  retryConfiguration: common.RetryConfiguration,
): Promise<Date | undefined> {
  const response = await client.listWorkRequests({
    compartmentId: deployment.compartmentId,
    resourceId: deployment.id,
    sortBy: requests.ListWorkRequestsRequest.SortBy.TimeAccepted,
    sortOrder: requests.ListWorkRequestsRequest.SortOrder.Desc,
    limit: 10,
    retryConfiguration,
  });
  const finished = response.items
    .map((item) => (item.timeFinished === undefined ? undefined : new Date(item.timeFinished)))
    .filter((time): time is Date => time !== undefined && !Number.isNaN(time.getTime()));
  return finished.length === 0 ? undefined : new Date(Math.max(...finished.map((t) => t.getTime())));
}
