/**
 * The one place `this` touches the emulator: a local OCI holding one FIXED_SIZE deployment and the
 * scale-up alarms `npm run setup` creates for it, and the real handler (src/handler.ts, real SDK clients,
 * signed requests) called in-process with a simulated clock.
 * The emulator runs on the simulated clock too, so its work requests carry simulated times (the function
 * counts its cooldown from when the last update finished). Updates stay pending (`updateDelayMs: null`)
 * until the plant says the update time has passed and calls `completeUpdates(nowMs)`, so the plant alone
 * decides when new capacity serves. Every stream a message lists is held FIRING in the emulator's
 * Monitoring while it is sent, as Monitoring does (the function checks it before writing). The emulator's
 * Monitoring also holds the deployment's metric history, minute by minute (deployment-metrics.ts), for
 * whatever the function reads with SummarizeMetricsData. With `forecast`, it also holds the forecast schedule
 * setup creates (forecast-schedule-seed.ts), and the function runs as the function that schedule invokes.
 */

import type { AlarmSeed } from "../../../emulator";
import { deploymentState } from "../../../emulator/deployment-state";
import { type LocalOci, startLocalOci } from "../../../emulator/local-oci";
import { type LooseAlarmMessage, markStreamsFiring } from "../../../emulator/seed-from-alarm";
import { inProcessFunction } from "../../../local-function/in-process";
import { type Config, loadConfig } from "../../../src/policy/config";
import type { AlarmResponse } from "../../../src/results/response";
import { scaleUpAlarms, scaleUpNames } from "../../setup/scale-up-alarms";
import type { MessageAlarm } from "../alarm-message";
import { DeploymentMetrics, type MinuteMetrics } from "./deployment-metrics";
import { type SeededForecastSchedule, seedFunctionSchedule } from "./forecast-schedule-seed";

const COMPARTMENT = "ocid1.compartment.oc1..simulate";
const TOPIC = "ocid1.onstopic.oc1.iad.simulate";
/** Metric history kept: more than the longest window the function reads (7 days). */
const METRIC_RETENTION_MS = 8 * 86_400_000;

export interface EmulatedAlarm extends MessageAlarm {
  pendingDuration?: string;
  repeatNotificationDuration?: string;
  isEnabled: boolean;
}

export interface FunctionOnEmulator {
  deploymentId: string;
  compartmentId: string;
  /** The local OCI itself, for readers of what it holds (tests). */
  oci: LocalOci;
  /** The function's configuration, as it loaded it from its environment. */
  config: Config;
  /** The forecast schedule seeded as setup creates it, when the setup asked for one. */
  schedule?: SeededForecastSchedule;
  /** Every alarm that exists now: setup's scale-up alarms and the scale-down alarms the function made. */
  alarms(): EmulatedAlarm[];
  send(message: object, nowMs: number): Promise<AlarmResponse>;
  state(): { lifecycleState: string; instances: number; shape: string };
  completeUpdates(nowMs: number): void;
  /** Records a minute of the deployment's metrics in the emulator's Monitoring. */
  recordMinute(minute: MinuteMetrics): void;
  /** Seeds what recordMinute buffered (send does it before the function runs). */
  flushMetrics(): void;
  close(): Promise<void>;
}

export interface EmulatorSetup {
  initialInstances: number;
  /** The function's configuration (Fn config keys). */
  env: Record<string, string>;
  /** setup's --cpu-threshold and --mem-threshold. */
  cpuThreshold: number;
  memThreshold: number;
  /** setup --requests [--requests-threshold N]: the high-requests alarm (requests per minute) instead of high CPU. */
  requestsThreshold?: number;
  shape?: string;
  /** Seeds the forecast schedule setup creates for the deployment, and gives the function its FN_FN_ID. */
  forecast?: boolean;
}

export async function startFunctionOnEmulator(setup: EmulatorSetup): Promise<FunctionOnEmulator> {
  let now = 0;
  const oci = await startLocalOci({ updateDelayMs: null, clock: () => now, metricRetentionMs: METRIC_RETENTION_MS });
  const { emulator } = oci;
  const deploymentId = emulator.seedDeployment({
    compartmentId: COMPARTMENT,
    displayName: "simulated",
    shape: setup.shape ?? "VM.Standard2.1",
    instanceCount: setup.initialInstances,
  }).id;
  const scope = { kind: "deployment", deploymentId, compartmentId: COMPARTMENT } as const;
  // Named as setup names them: by the function's configuration, so the function routes their messages.
  const names = scaleUpNames(loadConfig(setup.env));
  const settings = {
    topicId: TOPIC,
    cpuThreshold: setup.cpuThreshold,
    memThreshold: setup.memThreshold,
    ...names,
    ...(setup.requestsThreshold === undefined
      ? {}
      : { requests: { threshold: setup.requestsThreshold, name: names.highRequestsName } }),
  };
  for (const details of scaleUpAlarms(scope, settings)) emulator.seedAlarm(details as unknown as AlarmSeed);
  const schedule = setup.forecast ? seedFunctionSchedule(emulator, COMPARTMENT, [deploymentId]) : undefined;
  const env = schedule ? { ...setup.env, FN_FN_ID: schedule.functionId } : setup.env;
  const fn = inProcessFunction(oci, env);
  const metrics = new DeploymentMetrics((seed) => emulator.seedMetricPoints(seed), deploymentId, COMPARTMENT);
  let sent = 0;
  return {
    deploymentId,
    compartmentId: COMPARTMENT,
    oci,
    config: fn.config,
    ...(schedule ? { schedule } : {}),
    alarms: () => emulator.alarms() as unknown as EmulatedAlarm[],
    async send(message, nowMs) {
      now = nowMs;
      fn.clock.now = new Date(nowMs);
      metrics.flush();
      markStreamsFiring(emulator, message as LooseAlarmMessage);
      const response = await fn.send(message);
      fn.logs.length = 0;
      // The emulator records every request; a month of them is not needed.
      if (++sent % 200 === 0) emulator.clearRequests();
      return response;
    },
    state: () => deploymentState(emulator, deploymentId),
    completeUpdates: (nowMs) => {
      now = nowMs;
      emulator.completeUpdates();
    },
    recordMinute: (minute) => {
      now = minute.timeMs;
      metrics.record(minute);
    },
    flushMetrics: () => metrics.flush(),
    close: () => oci.close(),
  };
}
