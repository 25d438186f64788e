import type { AlarmMessage } from "./alarm-message";

/** A deployment named by the message, with the alarm that named it first. */
export interface DeploymentTarget {
  deploymentId: string;
  firingAlarmId: string;
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
  const add = (deploymentId: string, firingAlarmId: string) => {
    const id = deploymentId.trim();
    if (id !== "" && !targets.has(id)) targets.set(id, { deploymentId: id, firingAlarmId });
  };
  for (const metadata of message.alarmMetaData) {
    const fromDimensions = metadata.dimensions.flatMap((d) => (typeof d.resourceId === "string" ? [d.resourceId] : []));
    const ids = fromDimensions.length > 0 ? fromDimensions : resourceIdsInQuery(metadata.query ?? "");
    for (const id of ids) add(id, metadata.id);
  }
  return [...targets.values()];
}

function resourceIdsInQuery(query: string): string[] {
  return [...query.matchAll(RESOURCE_ID_IN_QUERY)].map((match) => match[1] ?? "");
}
