import type * as common from "oci-common";
import type { MonitoringClient } from "oci-monitoring";

/**
 * Whether Monitoring holds the alarm FIRING for the deployment now (RetrieveDimensionStates, model
 * AlarmDimensionStatesEntry). Dimension filters match a stream's exact dimension set (FIELD-NOTES), and a
 * deployment's streams may also carry instanceId, so the call asks for FIRING streams and matches here.
 * A stream without a resourceId (a `.grouping()` query, whose query names the deployment) counts too: the
 * caller has already checked that the alarm's query covers this deployment.
 */
export async function isFiringFor(
  client: MonitoringClient,
  alarmId: string,
  deploymentId: string,
  retryConfiguration: common.RetryConfiguration,
): Promise<boolean> {
  let page: string | undefined;
  do {
    const response = await client.retrieveDimensionStates({
      alarmId,
      retrieveDimensionStatesDetails: { status: "FIRING" },
      page,
      retryConfiguration,
    });
    for (const entry of response.alarmDimensionStatesCollection.items) {
      if (String(entry.status) !== "FIRING") continue;
      const resourceId = entry.dimensions?.resourceId;
      if (resourceId === undefined || resourceId.trim().toLowerCase() === deploymentId) return true;
    }
    page = response.opcNextPage;
  } while (page);
  return false;
}
