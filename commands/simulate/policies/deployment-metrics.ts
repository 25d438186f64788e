/**
 * The simulated deployment's own metrics, as OCI Monitoring holds them for a model deployment (namespace
 * oci_datascience_modeldeploy; "Model Deployment Metrics" in the Data Science docs lists the dimensions):
 * each minute, CpuUtilization and MemoryUtilization per serving instance (dimensions resourceId,
 * instanceId), and PredictRequestCount of the deployment (dimension resourceId) only in minutes with
 * requests, since it is not emitted without traffic. A point is stamped with its minute's start, as a
 * 1-minute datapoint of SummarizeMetricsData is, so a read ending "now" sees the minutes before this one.
 * Points are buffered and seeded in batches (see flush): one seed per stream per minute of a two-month
 * trace would cost more than the rest of the run.
 */
import type { MetricPoint, MetricPointsSeed } from "../../../emulator";

export const NAMESPACE = "oci_datascience_modeldeploy";
/** Seeded at the latest after this many buffered minutes, so the buffer stays small. */
const FLUSH_MINUTES = 60;

/** What Monitoring records of one minute. */
export interface MinuteMetrics {
  timeMs: number;
  /** Instances serving: one CPU and one memory stream each. */
  instances: number;
  /** CPU utilization of each instance (the load shared by the instances serving). */
  cpuPercent: number;
  /** Memory utilization of each instance, as the memory alarms see it. */
  memoryPercent: number;
  /** Predict requests in the minute; 0: no PredictRequestCount point. */
  requests: number;
}

interface BufferedStream {
  name: string;
  dimensions: Record<string, string>;
  points: MetricPoint[];
}

/** The instance ids of the simulated instances: Monitoring's docs say only "the ID of instance". */
export const simulatedInstanceId = (index: number) => `simulated-instance-${index + 1}`;

export class DeploymentMetrics {
  private readonly buffered = new Map<string, BufferedStream>();
  private minutes = 0;

  constructor(
    private readonly seed: (seed: MetricPointsSeed) => void,
    private readonly deploymentId: string,
    private readonly compartmentId: string,
  ) {}

  record(minute: MinuteMetrics): void {
    const timestamp = new Date(minute.timeMs);
    for (let i = 0; i < minute.instances; i++) {
      const dimensions = { resourceId: this.deploymentId, instanceId: simulatedInstanceId(i) };
      this.add("CpuUtilization", i, dimensions, { timestamp, value: minute.cpuPercent });
      this.add("MemoryUtilization", i, dimensions, { timestamp, value: minute.memoryPercent });
    }
    if (minute.requests > 0) {
      this.add("PredictRequestCount", 0, { resourceId: this.deploymentId }, { timestamp, value: minute.requests });
    }
    if (++this.minutes >= FLUSH_MINUTES) this.flush();
  }

  /** Seeds every buffered point: before anything reads Monitoring. */
  flush(): void {
    for (const stream of this.buffered.values()) {
      if (stream.points.length === 0) continue;
      this.seed({ namespace: NAMESPACE, compartmentId: this.compartmentId, ...stream });
      stream.points = [];
    }
    this.minutes = 0;
  }

  private add(name: string, index: number, dimensions: Record<string, string>, point: MetricPoint): void {
    const key = `${name}/${index}`;
    const stream = this.buffered.get(key);
    if (stream) stream.points.push(point);
    else this.buffered.set(key, { name, dimensions, points: [point] });
  }
}
