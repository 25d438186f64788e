import type { models } from "oci-monitoring";
import { type AlarmNames, routeForTitle } from "../message/alarm-routing";
import { isScaleDownAlarmFor } from "../oci/scale-down-alarms";
import type { Config } from "../policy/config";
import { ACTION_METRIC, type ScalingAction, type ScalingMetric } from "../results/decision";
import type { DeploymentSnapshot } from "../scalers/deployment-snapshot";

/**
 * Anyone allowed to publish to the topic can send any message, so before a write the function checks what
 * the message claims against OCI itself. Each check returns the refusal's reason, or undefined.
 */
export function compartmentRefusal(
  deployment: DeploymentSnapshot,
  config: Pick<Config, "ALLOWED_COMPARTMENT_IDS">,
): string | undefined {
  const allowed = config.ALLOWED_COMPARTMENT_IDS;
  if (allowed.length === 0 || allowed.includes(deployment.compartmentId)) return undefined;
  return `deployment is in compartment ${deployment.compartmentId}, which ALLOWED_COMPARTMENT_IDS does not list`;
}

const MODEL_DEPLOY_NAMESPACE = "oci_datascience_modeldeploy";
const RESOURCE_ID_FILTER = /resourceId\s*(=~|!=|=)\s*"([^"]*)"/g;

/**
 * The firing alarm, as Monitoring knows it, must be live, ask for this action by its notification title or
 * its display name (a templated title routes nowhere, so the name decides), on the metric the message was
 * routed on (a high-CPU alarm cannot pass for a high-requests one), and watch this deployment.
 */
export function firingAlarmRefusal(
  alarm: models.Alarm,
  names: AlarmNames,
  action: ScalingAction,
  deployment: DeploymentSnapshot,
  metric: ScalingMetric = ACTION_METRIC[action],
): string | undefined {
  if (String(alarm.lifecycleState) !== "ACTIVE") return `alarm ${alarm.id} is ${alarm.lifecycleState}`;
  const asked = routeForTitle(alarm.notificationTitle ?? "", names) ?? routeForTitle(alarm.displayName, names);
  if (asked?.action !== action || asked.metric !== metric) {
    const what = asked ? `${asked.action} on ${asked.metric}` : "no scaling action";
    return `alarm ${alarm.id} ("${alarm.displayName}") asks for ${what}, not ${action} on ${metric}`;
  }
  if (alarm.namespace !== MODEL_DEPLOY_NAMESPACE) return `alarm ${alarm.id} watches namespace ${alarm.namespace}`;
  if (!new RegExp(`(^|[^A-Za-z])${metric}\\[`).test(alarm.query)) return `alarm ${alarm.id} does not watch ${metric}`;
  if (isScaleDownAlarmFor(alarm, deployment.id, metric)) return undefined;
  if (!queryCovers(alarm.query, deployment.id))
    return `alarm ${alarm.id}'s query does not cover deployment ${deployment.id}`;
  const compartmentWide = !RESOURCE_ID_FILTER.test(alarm.query);
  RESOURCE_ID_FILTER.lastIndex = 0;
  if (
    compartmentWide &&
    !alarm.metricCompartmentIdInSubtree &&
    alarm.metricCompartmentId !== deployment.compartmentId
  ) {
    return `alarm ${alarm.id} watches compartment ${alarm.metricCompartmentId}, not the deployment's`;
  }
  return undefined;
}

/** Whether an MQL query's resourceId filters (`=`, `=~` with `*` wildcards, `!=`) select this deployment. */
export function queryCovers(query: string, deploymentId: string): boolean {
  const filters = [...query.matchAll(RESOURCE_ID_FILTER)].map((m) => ({
    op: m[1] as string,
    value: (m[2] as string).toLowerCase(),
  }));
  if (filters.some((f) => f.op === "!=" && f.value === deploymentId)) return false;
  const selecting = filters.filter((f) => f.op !== "!=");
  if (selecting.length === 0) return true;
  return selecting.some((f) => (f.op === "=" ? f.value === deploymentId : globMatches(f.value, deploymentId)));
}

function globMatches(pattern: string, value: string): boolean {
  const source = pattern
    .split("|")
    .map((alternative) => alternative.split("*").map(escapeRegExp).join(".*"))
    .join("|");
  return new RegExp(`^(?:${source})$`, "i").test(value);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
