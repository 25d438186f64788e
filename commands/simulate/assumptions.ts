/**
 * The plant's assumptions: each one a flag with a default and where the default comes from. They are the
 * same for every policy in a run, and printed with (and written into) every result.
 */
export interface Assumptions {
  /** Minutes an update keeps the deployment UPDATING; the new capacity serves only at the end. */
  updateMinutes: number;
  minInstances: number;
  maxInstances: number;
  /** Instances at minute 0, for every policy (default: what `ideal` would run at minute 0). */
  initialInstances?: number;
  /** The utilization `ideal` keeps: the function's TARGET_CPU_UTILIZATION unless --config changes it. */
  idealTargetPercent: number;
  /** Memory utilization per minute when the trace has none. */
  defaultMemoryPercent: number;
}

export const DEFAULT_ASSUMPTIONS: Assumptions = {
  updateMinutes: 10,
  minInstances: 1,
  maxInstances: 10,
  idealTargetPercent: 60,
  defaultMemoryPercent: 30,
};

/** One line per assumption, for docs/simulate.md, --help and the JSON. */
export const ASSUMPTION_SOURCES: Record<keyof Assumptions, string> = {
  updateMinutes:
    "--update-minutes: OCI documents no duration for an instance-count update (zero downtime, the deployment is UPDATING meanwhile); 10 is an assumption, change it to what your deployments show in their work requests (timeAccepted..timeFinished)",
  minInstances: "--min-instances: the function's MIN_INSTANCES default, used by every policy",
  maxInstances: "--max-instances: the function's MAX_INSTANCES default, used by every policy (ideal included)",
  initialInstances: "--initial-instances: default, what ideal runs at minute 0, so no policy starts behind",
  idealTargetPercent: "the function's TARGET_CPU_UTILIZATION (60 by default, or --config TARGET_CPU_UTILIZATION=N)",
  defaultMemoryPercent:
    "--memory-percent: memory utilization when the trace has no memory_percent (below every memory alarm)",
};

/** CPU utilization of one minute: the load shared by the instances serving, at most 100 %. */
export function cpuPercent(demand: number, serving: number): number {
  return serving <= 0 ? 100 : Math.min(100, (100 * demand) / serving);
}
