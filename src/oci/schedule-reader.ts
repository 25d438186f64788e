import type * as common from "oci-common";
import { type models, ScheduleClient } from "oci-resourcescheduler";

/** Reads one schedule: GetSchedule (GET /20240430/schedules/{scheduleId}), answering models.Schedule. */
export type ScheduleReader = (
  scheduleId: string,
  retryConfiguration: common.RetryConfiguration,
) => Promise<{ schedule: models.Schedule; opcRequestId: string }>;

/**
 * Resource Scheduler's client (oci-resourcescheduler, pinned with the other OCI packages), with the same signing,
 * time-outs and breaker settings as the others. Its own module so the bundle evaluates it only on a schedule tick.
 */
export function scheduleReader(
  provider: common.AuthenticationDetailsProvider,
  clientConfig: common.ClientConfiguration,
  endpoint: string | undefined,
): ScheduleReader {
  const client = new ScheduleClient({ authenticationDetailsProvider: provider }, clientConfig);
  // After construction, as for the other clients: the provider's region sets the real endpoint first.
  if (endpoint) client.endpoint = endpoint;
  return async (scheduleId, retryConfiguration) => {
    const response = await client.getSchedule({ scheduleId, retryConfiguration });
    return { schedule: response.schedule, opcRequestId: response.opcRequestId };
  };
}
