/**
 * `--oci --deployment OCID --days N`: a deployment's own history from OCI Monitoring, replayed.
 * SummarizeMetricsData, one day per request (OCI returns at most 7 days at 1-minute resolution and
 * 100,000 points per response), namespace oci_datascience_modeldeploy:
 * - `CpuUtilization[1m]{resourceId = "…"}.groupBy(instanceId).mean()`: one stream per instance. The load of
 *   a minute is the sum of its instances' CPU / 100 (instances' worth), and the instances serving then are
 *   the streams that reported. That is how the count behind the history is known minute by minute. Limits:
 *   an instance that sent no point that minute is not counted (its load is missing, not zero); if the
 *   streams carry no instanceId, the deployment's count now (FIXED_SIZE instanceCount, or
 *   currentInstanceCount under AUTOSCALING) is assumed for the whole history, which is wrong across any
 *   change made in the period.
 * - `MemoryUtilization[1m]{…}.grouping().mean()` and `PredictRequestCount[1m]{…}.grouping().sum()`, reported
 *   with the trace (requests are not used for the load: CPU per instance is what the alarms see; `this`
 *   replays them into its emulator's Monitoring).
 * Minutes with no CPU point at all (no traffic, or the deployment was down) count as zero load.
 */
import type { DataScienceClient } from "oci-datascience";
import type { MonitoringClient, models } from "oci-monitoring";
import { toTrace } from "./resample";
import type { Trace } from "./trace";
import type { RawTrace } from "./trace-reader";

const NAMESPACE = "oci_datascience_modeldeploy";
const DAY = 86_400_000;

export interface History {
  trace: Trace;
  /** Requests per minute, when the deployment reported any. */
  requests: Map<number, number>;
  minutesWithoutCpu: number;
  instancesFrom: "instanceId streams" | "deployment's current count";
}

async function summarize(monitoring: MonitoringClient, compartmentId: string, query: string, from: number, to: number) {
  const response = await monitoring.summarizeMetricsData({
    compartmentId,
    summarizeMetricsDataDetails: {
      namespace: NAMESPACE,
      query,
      startTime: new Date(from),
      endTime: new Date(to),
      resolution: "1m",
    },
  });
  return response.items;
}

/** Points of every stream, by minute: streams (`dimensions.instanceId` or one stream) → minute → value. */
export function historyToRaw(
  cpu: models.MetricData[],
  memory: models.MetricData[],
  currentInstances: number,
  fromMs: number,
  toMs: number,
): { raw: RawTrace; minutesWithoutCpu: number; perInstance: boolean } {
  const minute = (t: Date | string) => Math.floor((new Date(t).getTime() - fromMs) / 60_000);
  const minutes = Math.max(2, Math.floor((toMs - fromMs) / 60_000));
  const load = new Float64Array(minutes);
  const count = new Uint16Array(minutes);
  const perInstance = cpu.every((s) => typeof s.dimensions?.instanceId === "string");
  for (const stream of cpu) {
    for (const p of stream.aggregatedDatapoints) {
      const m = minute(p.timestamp);
      if (m < 0 || m >= minutes) continue;
      load[m] = (load[m] ?? 0) + p.value / 100;
      count[m] = (count[m] ?? 0) + 1;
    }
  }
  const mem = new Map<number, number>();
  for (const stream of memory) for (const p of stream.aggregatedDatapoints) mem.set(minute(p.timestamp), p.value);
  let without = 0;
  let lastInstances = currentInstances;
  const rows = Array.from({ length: minutes }, (_, m) => {
    const n = count[m] ?? 0;
    if (n === 0) without++;
    const instances = perInstance ? (n > 0 ? n : lastInstances) : currentInstances;
    lastInstances = instances;
    // Without instanceId, the one stream is the deployment's mean: scale it by the assumed count.
    const l = perInstance ? (load[m] ?? 0) : (load[m] ?? 0) * currentInstances;
    return { timeMs: fromMs + m * 60_000, load: l, instances, ...(memory.length ? { memory: mem.get(m) ?? 0 } : {}) };
  });
  return {
    raw: { loadColumn: "cpu_percent", rows, hasMemory: memory.length > 0 },
    minutesWithoutCpu: without,
    perInstance,
  };
}

export async function readHistory(
  clients: { monitoring: MonitoringClient; dataScience: DataScienceClient },
  deploymentId: string,
  days: number,
  nowMs = Date.now(),
): Promise<History> {
  const { modelDeployment } = await clients.dataScience.getModelDeployment({ modelDeploymentId: deploymentId });
  const config = modelDeployment.modelDeploymentConfigurationDetails as unknown as {
    modelConfigurationDetails?: { scalingPolicy?: { instanceCount?: number } };
  };
  const system = modelDeployment.modelDeploymentSystemData as { currentInstanceCount?: number } | undefined;
  const current = config.modelConfigurationDetails?.scalingPolicy?.instanceCount ?? system?.currentInstanceCount ?? 1;
  const toMs = Math.floor(nowMs / 60_000) * 60_000;
  const fromMs = toMs - Math.round(days * DAY);
  const filter = `{resourceId = "${deploymentId}"}`;
  const cpu: models.MetricData[] = [];
  const memory: models.MetricData[] = [];
  const requests = new Map<number, number>();
  for (let start = fromMs; start < toMs; start += DAY) {
    const end = Math.min(toMs, start + DAY);
    const c = modelDeployment.compartmentId;
    cpu.push(
      ...(await summarize(clients.monitoring, c, `CpuUtilization[1m]${filter}.groupBy(instanceId).mean()`, start, end)),
    );
    memory.push(
      ...(await summarize(clients.monitoring, c, `MemoryUtilization[1m]${filter}.grouping().mean()`, start, end)),
    );
    for (const s of await summarize(
      clients.monitoring,
      c,
      `PredictRequestCount[1m]${filter}.grouping().sum()`,
      start,
      end,
    )) {
      for (const p of s.aggregatedDatapoints) requests.set(new Date(p.timestamp).getTime(), p.value);
    }
  }
  const { raw, minutesWithoutCpu, perInstance } = historyToRaw(cpu, memory, current, fromMs, toMs);
  const trace = toTrace(raw, `${modelDeployment.displayName ?? deploymentId} (last ${days} days)`);
  if (requests.size > 0) {
    trace.requests = new Float64Array(trace.demand.length);
    for (const [time, count] of requests) {
      const m = Math.floor((time - fromMs) / 60_000);
      if (m >= 0 && m < trace.requests.length) trace.requests[m] = count;
    }
  }
  return {
    trace,
    requests,
    minutesWithoutCpu,
    instancesFrom: perInstance && cpu.length > 0 ? "instanceId streams" : "deployment's current count",
  };
}

/** The CLI's way in: the user's OCI config, as `npm run setup` uses it. */
export async function traceFromOci(options: {
  deploymentId: string;
  days: number;
  profile?: string;
  configFile?: string;
}): Promise<{ trace: Trace; source: string }> {
  const { chooseOciConfig, loadOciConfig } = await import("../cli/oci-config");
  const { createSetupClients } = await import("../setup/oci-clients");
  const provider = loadOciConfig(chooseOciConfig(options, process.env));
  const history = await readHistory(createSetupClients(provider, process.env), options.deploymentId, options.days);
  process.stderr.write(
    `read ${history.trace.demand.length} minutes; instances from ${history.instancesFrom}; ${history.minutesWithoutCpu} minutes without CPU data counted as no load\n`,
  );
  return { trace: history.trace, source: `OCI Monitoring, ${options.deploymentId}, last ${options.days} days` };
}
