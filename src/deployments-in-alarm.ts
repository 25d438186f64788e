import type { AlarmMessage } from "./alarm-message";
import { meanOf, metricValuesByDeployment } from "./metric-values";

/** A deployment named by the message, with the alarm that named it first. */
export interface DeploymentTarget {
  deploymentId: string;
  firingAlarmId: string;
  /** The mean of the deployment's metric values in the message (version 1.5), when it carries any. */
  observedUtilization?: number;
}

const MODEL_DEPLOYMENT_OCID = /^ocid1\.datasciencemodeldeployment\.[a-z0-9-]+\.[a-z0-9-]*\.[a-z0-9]{1,128}$/;
const RESOURCE_ID_IN_QUERY = /resourceId\s*=\s*"([^"]*)"/g;

export function isModelDeploymentId(id: string): boolean {
  return MODEL_DEPLOYMENT_OCID.test(id);
}

/**
 * Every distinct deployment in the message. Per-instance metric streams repeat a deployment's resourceId,
 * and grouped messages list many streams, so ids are collected across all of them and kept once.
 * A message without dimensions (FIRING_TO_OK, or `.grouping()`) still names the deployment in its query.
 */
export function deploymentsInAlarm(message: AlarmMessage): DeploymentTarget[] {
  const targets = new Map<string, DeploymentTarget>();
  const observed = new Map<string, number[]>();
  const add = (deploymentId: string, firingAlarmId: string) => {
    const id = deploymentId.trim();
    if (id !== "" && !targets.has(id)) targets.set(id, { deploymentId: id, firingAlarmId });
  };
  for (const metadata of message.alarmMetaData) {
    const fromDimensions = metadata.dimensions.flatMap((d) => (typeof d.resourceId === "string" ? [d.resourceId] : []));
    const ids = fromDimensions.length > 0 ? fromDimensions : resourceIdsInQuery(metadata.query ?? "");
    for (const id of ids) add(id, metadata.id);
    const distinct = [...new Set(ids.map((id) => id.trim()))];
    for (const [id, values] of metricValuesByDeployment(metadata, distinct)) {
      observed.set(id, [...(observed.get(id) ?? []), ...values]);
    }
  }
  return [...targets.values()].map((target) => {
    const observedUtilization = meanOf(observed.get(target.deploymentId) ?? []);
    return observedUtilization === undefined ? target : { ...target, observedUtilization };
  });
}

function resourceIdsInQuery(query: string): string[] {
  return [...query.matchAll(RESOURCE_ID_IN_QUERY)].map((match) => match[1] ?? "");
}
