import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alarmMessage } from "../../emulator/alarm-messages";
import { type LocalOci, startLocalOci } from "../../emulator/local-oci";
import { EXAMPLE_COMPARTMENT_ID, markStreamsFiring, seedCompartmentAlarm } from "../../emulator/seed-from-alarm";
import { type FnProcess, startFunction } from "../../local-function/fn-runner";

const CONTAINERS = 3;
const TRIALS = 12;
const HIGH_CPU = "ocid1.alarm.oc1.iad.aaaaaaaaracehighcpu";
const HIGH_MEM = "ocid1.alarm.oc1.iad.aaaaaaaaracehighmem";

/** Several containers of the function racing over one deployment, as duplicate deliveries and paired alarms do. */
describe("concurrent invocations for one deployment", () => {
  let oci: LocalOci;
  let containers: FnProcess[];
  beforeAll(async () => {
    oci = await startLocalOci({ updateDelayMs: null });
    containers = await Promise.all(Array.from({ length: CONTAINERS }, () => startFunction({ env: oci.functionEnv })));
    for (const [id, metric, title] of [
      [HIGH_CPU, "CpuUtilization", "model_deployment_high_cpu"],
      [HIGH_MEM, "MemoryUtilization", "model_deployment_high_mem"],
    ] as const) {
      seedCompartmentAlarm(oci.emulator, { id, title, metric });
    }
  });
  afterAll(async () => {
    await Promise.all(containers.map((c) => c.stop()));
    await oci.close();
  });

  it(`ends in at most one update and exactly one scale-down alarm per metric scaled (${TRIALS} trials)`, async () => {
    let updatesSeen = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const deployment = oci.emulator.seedDeployment({ compartmentId: EXAMPLE_COMPARTMENT_ID, instanceCount: 1 });
      const messages = [
        alarmMessage({ title: "model_deployment_high_cpu", alarmId: HIGH_CPU, deploymentIds: [deployment.id] }),
        alarmMessage({ title: "model_deployment_high_mem", alarmId: HIGH_MEM, deploymentIds: [deployment.id] }),
      ];
      for (const message of messages) markStreamsFiring(oci.emulator, message);
      const [cpu, mem] = messages.map((message) => JSON.stringify(message)) as [string, string];
      // The same CPU delivery to every container (duplicates), and the memory alarm at the same moment.
      const calls = [...containers.map((c) => c.call(cpu)), (containers[trial % CONTAINERS] as FnProcess).call(mem)];
      const responses = await Promise.all(calls);

      const results = responses.map((r) => {
        expect(r.status).toBe(200);
        return (r.body as { results: Array<{ outcome: string; reasonCode: string; action: string }> }).results[0];
      });
      const updated = results.filter((r) => r?.outcome === "updated");
      expect(updated.length).toBeLessThanOrEqual(1);
      for (const loser of results.filter((r) => r?.outcome !== "updated")) {
        expect(["ConcurrentChange", "NotActive", "DuplicateDelivery", "CoolingDown"]).toContain(loser?.reasonCode);
      }
      const accepted = oci.emulator
        .writes()
        .filter((w) => w.method === "PUT" && w.path.endsWith(deployment.id) && w.status === 202);
      expect(accepted).toHaveLength(updated.length);
      updatesSeen += accepted.length;

      if (updated[0]) {
        const metric = updated[0].action === "instance-up" ? "CpuUtilization" : "MemoryUtilization";
        const lowAlarms = oci.emulator
          .alarms()
          .filter(
            (a) =>
              a.freeformTags["autoscale-deployment-id"] === deployment.id &&
              a.freeformTags["autoscale-metric"] === metric,
          );
        expect(lowAlarms).toHaveLength(1);
      }
      oci.emulator.completeUpdates();
    }
    // Races must not starve progress: most trials end with one winner.
    expect(updatesSeen).toBeGreaterThan(TRIALS / 2);
  });
});
