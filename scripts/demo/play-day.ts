/**
 * Plays the sample day through the real function: the bundle started as Fn starts it (FDK socket), the
 * OCI emulator holding the sample deployments and the compartment-wide scale-up alarms `npm run setup`
 * would create, and SimulatedMonitoring firing whatever alarms exist at each step, including the
 * scale-down alarms the function creates along the way.
 */
import type { AlarmSeed } from "../../test/emulator";
import { deploymentState } from "../../test/support/deployment-state";
import { startFunction } from "../../test/support/fn-runner";
import { startLocalOci } from "../../test/support/local-oci";
import { markStreamsFiring } from "../../test/support/seed-from-alarm";
import { scaleUpAlarms } from "../setup/scale-up-alarms";
import { cpuUtilization, DAY_END, DAY_START, memoryUtilization, SAMPLE_DEPLOYMENTS } from "./sample-day";
import { type MetricStream, SimulatedMonitoring } from "./simulated-monitoring";

const COMPARTMENT = "ocid1.compartment.oc1..demo";
const TOPIC = "ocid1.onstopic.oc1.iad.demo";

/**
 * The function's configuration in the demo. Cooldowns are off because a day passes in seconds: the
 * function measures them in real time. MAX_INSTANCES is low so the morning peak meets the ceiling. Low thresholds are raised from the defaults (10) so memory that
 * returns to its usual level, not only an idle model, brings the shape back down.
 */
export const DEMO_FUNCTION_CONFIG: Record<string, string> = {
  SCALE_UP_COOLDOWN_SECONDS: "0",
  SCALE_DOWN_COOLDOWN_SECONDS: "0",
  MAX_INSTANCES: "4",
  LOW_CPU_THRESHOLD: "15",
  LOW_MEM_THRESHOLD: "25",
};

export interface TimelineEntry {
  minute: number;
  title: string;
  type: string;
  deployment: string;
  /** `ignored` for messages that ask for nothing; otherwise the action. */
  decision: string;
  outcome?: string;
  reasonCode?: string;
  scaleDownAlarm?: string;
  instances: number;
  shape: string;
  /** The breaching value that made Monitoring send the message, in percent. */
  value?: number;
}

export interface SeriesPoint {
  minute: number;
  instances: number;
  shape: string;
  cpu: number;
  memory: number;
}

export interface DayResult {
  timeline: TimelineEntry[];
  series: Map<string, SeriesPoint[]>;
  calls: number;
}

export interface PlayOptions {
  /** The bundle to start (dist/func.js). */
  entry: string;
  from?: number;
  to?: number;
  stepMinutes?: number;
  onEntry?: (entry: TimelineEntry) => void;
}

interface FunctionResult {
  deploymentId: string;
  action: string;
  outcome: string;
  reasonCode: string;
  scaleDownAlarm?: string;
}

export async function playDay(options: PlayOptions): Promise<DayResult> {
  const { entry, from = DAY_START, to = DAY_END, stepMinutes = 5 } = options;
  const oci = await startLocalOci({ updateDelayMs: null });
  const { emulator } = oci;
  const deployments = SAMPLE_DEPLOYMENTS.map((sample) => ({
    sample,
    id: emulator.seedDeployment({
      compartmentId: COMPARTMENT,
      displayName: sample.name,
      shape: sample.shape,
      instanceCount: sample.instances,
    }).id,
  }));
  const settings = { topicId: TOPIC, cpuThreshold: 80, memThreshold: 80 };
  const names = { highCpuName: "model_deployment_high_cpu", highMemName: "model_deployment_high_mem" };
  for (const details of scaleUpAlarms({ kind: "compartment", compartmentId: COMPARTMENT }, { ...settings, ...names }))
    emulator.seedAlarm(details as unknown as AlarmSeed);

  const fn = await startFunction({ entry, env: { ...oci.functionEnv, ...DEMO_FUNCTION_CONFIG } });
  const monitoring = new SimulatedMonitoring();
  const dayStart = new Date("2026-03-02T00:00:00Z");
  const timeline: TimelineEntry[] = [];
  const series = new Map(deployments.map((d) => [d.sample.name, [] as SeriesPoint[]]));
  const nameOf = (id: string) => deployments.find((d) => d.id === id)?.sample.name ?? id;
  const record = (e: TimelineEntry) => {
    timeline.push(e);
    options.onEntry?.(e);
  };
  let calls = 0;
  try {
    for (let minute = from; minute <= to; minute += stepMinutes) {
      const streams: MetricStream[] = deployments.map(({ sample, id }) => {
        const { instances, shape } = deploymentState(emulator, id);
        return {
          resourceId: id,
          compartmentId: COMPARTMENT,
          value: (metric) =>
            metric === "CpuUtilization"
              ? cpuUtilization(sample, minute, instances)
              : memoryUtilization(sample, minute, shape),
        };
      });
      for (const note of monitoring.evaluate(emulator.alarms(), streams, minute, dayStart)) {
        markStreamsFiring(oci.emulator, note.message);
        const response = await fn.call(JSON.stringify(note.message), {
          "Fn-Deadline": new Date(Date.now() + 30_000).toISOString(),
        });
        calls++;
        // A model deployment update takes minutes; each step of the demo is five.
        emulator.completeUpdates();
        const body = response.body as { status?: string; results?: FunctionResult[] };
        const base = { minute, title: String(note.message.title), type: note.type };
        if (!body.results?.length) {
          const named = note.type === "FIRING_TO_OK" ? note.cleared : note.firing.map((s) => s.resourceId);
          for (const id of named) {
            const decision = body.status ?? `HTTP ${response.status}`;
            record({ ...base, deployment: nameOf(id), decision, ...deploymentState(emulator, id) });
          }
          continue;
        }
        for (const r of body.results) {
          record({
            ...base,
            deployment: nameOf(r.deploymentId),
            decision: r.action,
            outcome: r.outcome,
            reasonCode: r.reasonCode,
            scaleDownAlarm: r.scaleDownAlarm,
            value: note.firing.find((s) => s.resourceId === r.deploymentId)?.value,
            ...deploymentState(emulator, r.deploymentId),
          });
        }
      }
      for (const { sample, id } of deployments) {
        const { instances, shape } = deploymentState(emulator, id);
        series.get(sample.name)?.push({
          minute,
          instances,
          shape,
          cpu: cpuUtilization(sample, minute, instances),
          memory: memoryUtilization(sample, minute, shape),
        });
      }
    }
  } finally {
    await fn.stop();
    await oci.close();
  }
  return { timeline, series, calls };
}
