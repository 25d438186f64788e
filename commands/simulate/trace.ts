/** A load trace resampled to one value per minute: what every policy in a run is fed. */
export interface Trace {
  name: string;
  /** Epoch milliseconds of minute 0. */
  startMs: number;
  /** Demand per minute in instances' worth at 100 % CPU (1.5 = one and a half instances busy). */
  demand: Float64Array;
  /**
   * Requests per minute, when the trace has them (requests_per_minute traces: demand × requests per
   * instance; --oci: the deployment's PredictRequestCount). 0 is a minute without requests.
   */
  requests?: Float64Array;
  /** Memory utilization per minute (percent), when the trace has it. */
  memory?: Float64Array;
  /** How the load column became demand, for the report. */
  loadColumn: "requests_per_minute" | "cpu_percent";
  /** The instance count at minute 0 when the trace recorded it (cpu_percent traces). */
  recordedInstances?: number;
}

export function minutesOf(trace: Trace): number {
  return trace.demand.length;
}
