import type * as common from "oci-common";
import type { MonitoringClient } from "oci-monitoring";

/**
 * The deployment's scale-up alarm, as setup creates it (display name = the function's HIGH_*_ALARM_NAME, in
 * the deployment's compartment, on the model deployment namespace): one naming the deployment, else one for
 * the whole compartment. A forecast's scale-out takes its scale-down alarm after it, as an alarm's scale-up
 * takes it after the alarm that fired. ListAlarms (GET /20180401/alarms, displayName and lifecycleState filters).
 */
export async function findScaleUpAlarm(
  client: MonitoringClient,
  compartmentId: string,
  displayName: string,
  deploymentId: string,
  retryConfiguration: common.RetryConfiguration,
): Promise<string | undefined> {
  const { items } = await client.listAlarms({
    compartmentId,
    displayName,
    lifecycleState: "ACTIVE",
    retryConfiguration,
  });
  const onNamespace = items.filter((a) => a.namespace === "oci_datascience_modeldeploy" && a.isEnabled);
  const names = (query: string) => [...query.matchAll(/resourceId\s*=\s*"([^"]*)"/g)].map((m) => m[1]?.toLowerCase());
  const own = onNamespace.find((a) => names(a.query).includes(deploymentId.toLowerCase()));
  return (own ?? onNamespace.find((a) => names(a.query).length === 0))?.id;
}
