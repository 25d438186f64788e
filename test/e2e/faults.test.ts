import { afterEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../emulator";
import { alarmMessage } from "../../emulator/alarm-messages";
import { deploymentState } from "../../emulator/deployment-state";
import { type LocalOci, startLocalOci } from "../../emulator/local-oci";
import { EXAMPLE_COMPARTMENT_ID, markStreamsFiring, seedCompartmentAlarm } from "../../emulator/seed-from-alarm";
import { type InProcessFunction, inProcessFunction } from "../../local-function/in-process";
import { TransientOciError } from "../../src/results/errors";
import type { AlarmResponse } from "../../src/results/response";
import { type Harness, startHarness } from "./harness";

const HIGH_CPU = "ocid1.alarm.oc1.iad.aaaaaaaafaultshighcpu";
const MAX_INSTANCES = 4;
const DELIVERIES = 40;
const REDELIVERIES = 8;

function instanceCount(emulator: Emulator, id: string): number {
  return deploymentState(emulator, id).instances;
}

function lowCpuAlarms(emulator: Emulator, id: string) {
  return emulator
    .alarms()
    .filter(
      (a) =>
        a.freeformTags["autoscale-deployment-id"] === id && a.freeformTags["autoscale-metric"] === "CpuUtilization",
    );
}

/**
 * Sends like Notifications: a failed delivery (the FDK answers 502 for a TransientOciError) is delivered again,
 * up to a bound. Anything else thrown is a bug and fails the test.
 */
async function deliver(
  fn: InProcessFunction,
  emulator: Emulator,
  message: object,
): Promise<{ response: AlarmResponse | undefined; attempts: number }> {
  markStreamsFiring(emulator, message);
  for (let attempt = 1; ; attempt++) {
    try {
      return { response: await fn.send(message), attempts: attempt };
    } catch (error) {
      if (!(error instanceof TransientOciError)) throw error;
      if (attempt === REDELIVERIES) return { response: undefined, attempts: attempt };
    }
  }
}

describe("with OCI failing at random", () => {
  let harness: Harness | undefined;
  let oci: LocalOci | undefined;
  afterEach(async () => {
    await harness?.stop();
    await oci?.close();
    harness = undefined;
    oci = undefined;
  });

  // The handler in-process, so that the SDK's retry back-off runs on a scaled clock (the attempts are the same,
  // each wait a hundredth as long); the bundle behind the FDK answers the same faults in test/e2e/failures.test.ts.
  it("each delivery ends correct or fails to be delivered again, and nothing is left half-done", async () => {
    oci = await startLocalOci({ updateDelayMs: null });
    const config = {
      MAX_INSTANCES: String(MAX_INSTANCES),
      SCALE_UP_COOLDOWN_SECONDS: "0",
      SCALE_DOWN_COOLDOWN_SECONDS: "0",
      OCI_REQUEST_TIMEOUT_SECONDS: "1",
    };
    const fn = inProcessFunction(oci, config, undefined, { retryDelayScale: 0.01 });
    const { emulator } = oci;
    seedCompartmentAlarm(emulator, { id: HIGH_CPU, title: "model_deployment_high_cpu", metric: "CpuUtilization" });
    const deployments = Array.from(
      { length: 4 },
      () => emulator.seedDeployment({ compartmentId: EXAMPLE_COMPARTMENT_ID }).id,
    );
    emulator.faults.setRandom({ rate: 0.2, seed: 20261124, kinds: ["429", "500", "503", "slow", "drop"], slowMs: 300 });

    let redelivered = 0;
    for (let i = 0; i < DELIVERIES; i++) {
      const id = deployments[i % deployments.length] as string;
      const low = lowCpuAlarms(emulator, id)[0];
      // Load rises for the first half, then falls: the low alarm the function created fires.
      const message =
        i < DELIVERIES / 2 || !low
          ? alarmMessage({ title: "model_deployment_high_cpu", alarmId: HIGH_CPU, deploymentIds: [id] })
          : alarmMessage({
              title: "model_deployment_low_cpu",
              alarmId: low.id,
              deploymentIds: [id],
              query: low.query,
              type: "REPEAT",
            });
      const before = instanceCount(emulator, id);
      const { response, attempts } = await deliver(fn, emulator, message);
      redelivered += attempts - 1;
      expect(response?.status).toBe("ok");
      emulator.completeUpdates();

      const result = response?.results[0];
      const after = instanceCount(emulator, id);
      if (result?.outcome === "updated") expect(after).toBe(result.to);
      else expect(after).toBe(before);
      expect(after).toBeGreaterThanOrEqual(1);
      expect(after).toBeLessThanOrEqual(MAX_INSTANCES);
      // Above the floor there is exactly one way back down; at the floor, none, unless the clean-up after an
      // accepted scale-in failed, which the answer says (the alarm is deleted when it next fires at the floor).
      const cleanUpFailed = result?.outcome === "updated" && result.scaleDownAlarm === "failed";
      expect(lowCpuAlarms(emulator, id)).toHaveLength(after > 1 || cleanUpFailed ? 1 : 0);
    }
    expect(emulator.faults.injected.length).toBeGreaterThan(10);
    expect(redelivered).toBeGreaterThan(0);
  });

  it("answers before Fn-Deadline even when every OCI call hangs", async () => {
    harness = await startHarness({ OCI_REQUEST_TIMEOUT_SECONDS: "1", OCI_MAX_ATTEMPTS: "5" });
    const message = alarmMessage({
      title: "model_deployment_high_cpu",
      alarmId: HIGH_CPU,
      deploymentIds: [harness.emulator.seedDeployment().id],
    });
    harness.emulator.faults.add({ delayMs: 10_000, times: Number.POSITIVE_INFINITY });

    const deadline = new Date(Date.now() + 4_000);
    const response = await harness.fn.call(JSON.stringify(message), { "Fn-Deadline": deadline.toISOString() });

    expect(response.status).toBe(502);
    expect(Date.now()).toBeLessThan(deadline.getTime());
    expect(harness.emulator.writes().filter((w) => w.status !== 0)).toHaveLength(0);
  });
});
