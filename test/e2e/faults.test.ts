import { afterEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../emulator";
import { alarmMessage } from "../../emulator/alarm-messages";
import { deploymentState } from "../../emulator/deployment-state";
import { EXAMPLE_COMPARTMENT_ID, markStreamsFiring, seedCompartmentAlarm } from "../../emulator/seed-from-alarm";
import type { FnCallResult } from "../../local-function/fn-runner";
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

/** Sends like Notifications: a failed delivery (502) is delivered again, up to a bound. */
async function deliver(harness: Harness, message: object): Promise<{ response: FnCallResult; attempts: number }> {
  markStreamsFiring(harness.emulator, message);
  const body = JSON.stringify(message);
  for (let attempt = 1; ; attempt++) {
    const response = await harness.fn.call(body);
    if (response.status !== 502 || attempt === REDELIVERIES) return { response, attempts: attempt };
  }
}

describe("with OCI failing at random", () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.stop();
    harness = undefined;
  });

  it("each delivery ends correct or fails to be delivered again, and nothing is left half-done", async () => {
    harness = await startHarness(
      {
        MAX_INSTANCES: String(MAX_INSTANCES),
        SCALE_UP_COOLDOWN_SECONDS: "0",
        SCALE_DOWN_COOLDOWN_SECONDS: "0",
        OCI_REQUEST_TIMEOUT_SECONDS: "1",
      },
      { updateDelayMs: null },
    );
    const { emulator } = harness;
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
      const { response, attempts } = await deliver(harness, message);
      redelivered += attempts - 1;
      expect(response.status).toBe(200);
      emulator.completeUpdates();

      const result = (response.body as { results: Array<{ outcome: string; to?: number }> }).results[0];
      const after = instanceCount(emulator, id);
      if (result?.outcome === "updated") expect(after).toBe(result.to);
      else expect(after).toBe(before);
      expect(after).toBeGreaterThanOrEqual(1);
      expect(after).toBeLessThanOrEqual(MAX_INSTANCES);
      // Above the floor there is exactly one way back down; at the floor, none.
      expect(lowCpuAlarms(emulator, id)).toHaveLength(after > 1 ? 1 : 0);
    }
    expect(emulator.faults.injected.length).toBeGreaterThan(10);
    expect(redelivered).toBeGreaterThan(0);
    console.log(
      `faults injected: ${emulator.faults.injected.length}, redeliveries: ${redelivered}, deliveries: ${DELIVERIES}`,
    );
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
