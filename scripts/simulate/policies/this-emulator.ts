/**
 * The one place `this` touches the emulator: a local OCI holding one FIXED_SIZE deployment and the
 * scale-up alarms `npm run setup` creates for it, and the real handler (src/handler.ts, real SDK clients,
 * signed requests) called in-process with a simulated clock.
 * Updates stay pending in the emulator (`updateDelayMs: null`) until the plant says the update time has
 * passed and calls `completeUpdates()`. When the emulator gets its own `clock` option, this is the module
 * to change: hand it the simulated clock instead.
 */

import type { AlarmResponse } from "../../../src/response";
import type { AlarmSeed } from "../../../test/emulator";
import { deploymentState } from "../../../test/support/deployment-state";
import { inProcessFunction } from "../../../test/support/in-process";
import { startLocalOci } from "../../../test/support/local-oci";
import { scaleUpAlarms } from "../../setup/scale-up-alarms";

const COMPARTMENT = "ocid1.compartment.oc1..simulate";
const TOPIC = "ocid1.onstopic.oc1.iad.simulate";

export interface EmulatedAlarm {
  id: string;
  displayName: string;
  notificationTitle?: string;
  severity: string;
  namespace: string;
  query: string;
  pendingDuration?: string;
  repeatNotificationDuration?: string;
  isEnabled: boolean;
}

export interface FunctionOnEmulator {
  deploymentId: string;
  /** Every alarm that exists now: setup's scale-up alarms and the scale-down alarms the function made. */
  alarms(): EmulatedAlarm[];
  send(message: object, nowMs: number): Promise<AlarmResponse>;
  state(): { lifecycleState: string; instances: number; shape: string };
  completeUpdates(): void;
  close(): Promise<void>;
}

export interface EmulatorSetup {
  initialInstances: number;
  /** The function's configuration (Fn config keys). */
  env: Record<string, string>;
  /** setup's --cpu-threshold and --mem-threshold. */
  cpuThreshold: number;
  memThreshold: number;
  shape?: string;
}

export async function startFunctionOnEmulator(setup: EmulatorSetup): Promise<FunctionOnEmulator> {
  const oci = await startLocalOci({ updateDelayMs: null });
  const { emulator } = oci;
  const deploymentId = emulator.seedDeployment({
    compartmentId: COMPARTMENT,
    displayName: "simulated",
    shape: setup.shape ?? "VM.Standard2.1",
    instanceCount: setup.initialInstances,
  }).id;
  const scope = { kind: "deployment", deploymentId, compartmentId: COMPARTMENT } as const;
  const names = { highCpuName: "model_deployment_high_cpu", highMemName: "model_deployment_high_mem" };
  const settings = { topicId: TOPIC, cpuThreshold: setup.cpuThreshold, memThreshold: setup.memThreshold, ...names };
  for (const details of scaleUpAlarms(scope, settings)) emulator.seedAlarm(details as unknown as AlarmSeed);
  const fn = inProcessFunction(oci, setup.env);
  let sent = 0;
  return {
    deploymentId,
    alarms: () => emulator.alarms() as unknown as EmulatedAlarm[],
    async send(message, nowMs) {
      fn.clock.now = new Date(nowMs);
      const response = await fn.send(message);
      fn.logs.length = 0;
      // The emulator records every request; a month of them is not needed.
      if (++sent % 200 === 0) emulator.clearRequests();
      return response;
    },
    state: () => deploymentState(emulator, deploymentId),
    completeUpdates: () => emulator.completeUpdates(),
    close: () => oci.close(),
  };
}
