import type { ScalingMetric } from "../results/decision";
import type { AlarmMetadata } from "./alarm-message";
import { requestsPerMinute } from "./request-rate";

/**
 * What one `metricValues` entry (message version 1.5) tells about a deployment's load.
 *
 * OCI sends one entry per metric stream, in the order of `dimensions`, each keyed by the alarm's expression
 * without its threshold, the same key for every stream (docs "Example Alarm Messages", and a message captured
 * from a tenancy; ../shared/real-alarm-messages/ 01, 02, 07):
 * `"dimensions": [{"resourceId": "A"}, {"resourceId": "B"}],
 *  "metricValues": [{"CpuUtilization[5m].groupBy(resourceId).mean()": "95.2"}, {"…same key…": "85.4"}]`.
 */
export interface StreamValue {
  deploymentId: string;
  /** The value, clamped to 0–100, when it is the deployment's utilization; undefined when it cannot be used. */
  utilization?: number;
  /** For `PredictRequestCount`: the deployment's requests per minute (see request-rate.ts). */
  requestsPerMinute?: number;
  /** Why a value that was present is not used as the deployment's utilization. */
  unused?: string;
}

/**
 * The proportional rule needs the deployment's mean utilization. A max(), min() or percentile() of the whole
 * deployment is one instance's level (one hot instance at 95 % of four, mean 54 %, reads as 4 -> 7), and
 * rate, sum, count and absent are no percentage at all: each of those takes one step.
 */
const MEAN_STATISTIC = "mean";
const RESOURCE_ID_IN_EXPRESSION = /resourceId\s*=\s*"([^"]*)"/;
/** `CpuUtilization[5m]{…}.groupBy(resourceId).mean()`: the metric leads, the statistic is the last call. */
const METRIC_NAME = /^\s*([A-Za-z][A-Za-z0-9_]*)\s*\[/;
const LAST_CALL = /\.\s*([A-Za-z]+)\s*\([^()]*\)\s*$/;
const WHOLE_DEPLOYMENT = /\.\s*(groupBy\s*\(\s*resourceId\s*\)|grouping\s*\(\s*\))/;

export function lowerCasedOcid(id: string): string {
  return id.trim().toLowerCase();
}

/** One result per `metricValues` entry that can be attributed to a deployment. */
export function streamValues(metadata: AlarmMetadata, metric: ScalingMetric): StreamValue[] {
  const entries = metadata.metricValues ?? [];
  const paired = entries.length === metadata.dimensions.length;
  const streamsPerDeployment = new Map<string, number>();
  for (const dimensions of metadata.dimensions) {
    const id = dimensions.resourceId === undefined ? "" : lowerCasedOcid(dimensions.resourceId);
    streamsPerDeployment.set(id, (streamsPerDeployment.get(id) ?? 0) + 1);
  }
  const values: StreamValue[] = [];
  entries.forEach((entry, index) => {
    for (const [expression, raw] of Object.entries(entry)) {
      const dimensions = paired ? metadata.dimensions[index] : undefined;
      const owner = dimensions?.resourceId ?? RESOURCE_ID_IN_EXPRESSION.exec(expression)?.[1];
      if (owner === undefined || owner.trim() === "") continue;
      const deploymentId = lowerCasedOcid(owner);
      // One stream of several for the same deployment is an instance's, whatever its dimensions say.
      const oneOfSeveral = (streamsPerDeployment.get(deploymentId) ?? 0) > 1;
      values.push({ deploymentId, ...usability(expression, raw, metric, dimensions, oneOfSeveral) });
    }
  });
  return values;
}

function usability(
  expression: string,
  raw: string | number,
  metric: ScalingMetric,
  dimensions: Record<string, string> | undefined,
  oneOfSeveral: boolean,
): Pick<StreamValue, "utilization" | "requestsPerMinute" | "unused"> {
  // OCI sends the value as a string; a number is read as the number it is.
  const value = typeof raw === "number" ? raw : raw.trim() === "" ? Number.NaN : Number(raw.trim());
  if (!Number.isFinite(value)) return { unused: `value "${raw}" is not a number` };
  const named = METRIC_NAME.exec(expression)?.[1];
  if (named !== metric) return { unused: `the alarm's metric is ${named ?? "unknown"}, not ${metric}` };
  const rate = metric === "PredictRequestCount" ? requestsPerMinute(expression, value) : undefined;
  if (rate && "unused" in rate) return rate;
  const statistic = LAST_CALL.exec(expression)?.[1];
  if (!rate && statistic !== MEAN_STATISTIC) {
    return { unused: `statistic ${statistic ?? "unknown"}() is not the deployment's mean: one step taken` };
  }
  // Per-instance streams: a grouped message lists only the firing instances, so their values overstate the
  // deployment's load. Only a stream that is the whole deployment says how loaded the deployment is.
  const wholeDeployment =
    WHOLE_DEPLOYMENT.test(expression) || (dimensions !== undefined && !("instanceId" in dimensions) && !oneOfSeveral);
  if (!wholeDeployment) return { unused: "per-instance streams (no groupBy(resourceId)): one step taken" };
  if (rate) return { requestsPerMinute: rate.perMinute };
  return { utilization: Math.min(100, Math.max(0, value)) };
}

/** Several whole-deployment values (several alarm entries) average to one. */
export function meanOf(values: readonly number[]): number | undefined {
  return values.length === 0 ? undefined : values.reduce((sum, v) => sum + v, 0) / values.length;
}
