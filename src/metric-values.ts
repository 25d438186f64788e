import type { AlarmMetadata } from "./alarm-message";

const RESOURCE_ID_IN_EXPRESSION = /resourceId\s*=\s*"([^"]*)"/;

/**
 * The values of one alarm entry's `metricValues` (message version 1.5), by deployment:
 * `[{ "CpuUtilization[5m]{resourceId = \"ocid1...\"}.mean()": "92.31" }]`, one entry per metric stream.
 * A value belongs to the deployment its expression names; an expression naming none belongs to the only
 * deployment of the entry, and is dropped when the entry names several (it cannot be attributed).
 */
export function metricValuesByDeployment(metadata: AlarmMetadata, deploymentIds: string[]): Map<string, number[]> {
  const values = new Map<string, number[]>();
  for (const entry of metadata.metricValues ?? []) {
    for (const [expression, text] of Object.entries(entry)) {
      const value = Number(text.trim());
      if (text.trim() === "" || !Number.isFinite(value)) continue;
      const named = RESOURCE_ID_IN_EXPRESSION.exec(expression)?.[1]?.trim();
      const owner = named ?? (deploymentIds.length === 1 ? deploymentIds[0] : undefined);
      if (owner === undefined) continue;
      values.set(owner, [...(values.get(owner) ?? []), value]);
    }
  }
  return values;
}

/**
 * Per-instance streams (a query without `.groupBy(resourceId)`) give one value per instance. Their plain
 * mean is the deployment's utilisation, since every instance has the same shape and takes an equal share
 * of the load balancer's traffic; that is also what HPA averages over pods.
 */
export function meanOf(values: readonly number[]): number | undefined {
  return values.length === 0 ? undefined : values.reduce((sum, v) => sum + v, 0) / values.length;
}
