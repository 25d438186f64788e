import type { ScalingMetric } from "../results/decision";
import type { AlarmMessage } from "./alarm-message";
import { lowerCasedOcid, meanOf, streamValues } from "./metric-values";

/** A deployment named by the message, with the alarm that named it first. */
export interface DeploymentTarget {
  /** Lower-cased: OCI has sent upper-case OCIDs in `resourceId` for other services. */
  deploymentId: string;
  firingAlarmId: string;
  /** The deployment's utilization from the message's `metricValues` (version 1.5), when one can be used. */
  observedUtilization?: number;
  /** The deployment's requests per minute, for a `PredictRequestCount` alarm, when one can be used. */
  observedRequestsPerMinute?: number;
  /** Why values the message carried for this deployment were not used. */
  unusedValues?: string;
  /** The metric of the alarm's route; without it, the action's own (ACTION_METRIC). */
  metric?: ScalingMetric;
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
 * With `metric`, each target carries the utilization the message reports for it (see metric-values.ts).
 */
export function deploymentsInAlarm(message: AlarmMessage, metric?: ScalingMetric): DeploymentTarget[] {
  const targets = new Map<string, DeploymentTarget>();
  const observed = new Map<string, number[]>();
  const unused = new Map<string, string>();
  for (const metadata of message.alarmMetaData) {
    const fromDimensions = metadata.dimensions.flatMap((d) => (typeof d.resourceId === "string" ? [d.resourceId] : []));
    const ids = fromDimensions.length > 0 ? fromDimensions : resourceIdsInQuery(metadata.query ?? "");
    for (const raw of ids) {
      const id = lowerCasedOcid(raw);
      if (id !== "" && !targets.has(id)) targets.set(id, { deploymentId: id, firingAlarmId: metadata.id });
    }
    if (!metric) continue;
    for (const value of streamValues(metadata, metric)) {
      const seen = value.utilization ?? value.requestsPerMinute;
      if (seen !== undefined) {
        observed.set(value.deploymentId, [...(observed.get(value.deploymentId) ?? []), seen]);
      } else if (value.unused) unused.set(value.deploymentId, value.unused);
    }
  }
  return [...targets.values()].map((target) => {
    const observedValue = meanOf(observed.get(target.deploymentId) ?? []);
    if (observedValue !== undefined) {
      return metric === "PredictRequestCount"
        ? { ...target, observedRequestsPerMinute: observedValue }
        : { ...target, observedUtilization: observedValue };
    }
    const why = unused.get(target.deploymentId);
    return why ? { ...target, unusedValues: why } : target;
  });
}

function resourceIdsInQuery(query: string): string[] {
  return [...query.matchAll(RESOURCE_ID_IN_QUERY)].map((match) => match[1] ?? "");
}
