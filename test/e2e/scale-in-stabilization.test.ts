import { afterEach, describe, expect, it } from "vitest";
import { alarmMessage } from "../../emulator/alarm-messages";
import { type LocalOci, startLocalOci } from "../../emulator/local-oci";
import { EXAMPLE_COMPARTMENT_ID, markStreamsFiring, seedOwnLowCpuAlarm } from "../../emulator/seed-from-alarm";
import { inProcessFunction } from "../../local-function/in-process";
import { TransientOciError } from "../../src/results/errors";

const LOW_CPU = "ocid1.alarm.oc1.iad.aaaaaaaastabilizelowcpu";
const START = Date.parse("2026-12-01T10:00:00Z");
const MINUTE = 60_000;

/**
 * The scale-in that remembers, on a simulated clock shared with the emulator: the deployment's own CPU history
 * in the emulator's Monitoring (one stream per instance, as OCI emits it), a low alarm of the function's own.
 */
describe("a scale-in held by the deployment's own recent peak (SCALE_IN_STABILIZATION=PT1H)", () => {
  let oci: LocalOci | undefined;
  afterEach(() => oci?.close());

  async function start(instances: number) {
    let now = START;
    oci = await startLocalOci({ updateDelayMs: null, clock: () => now });
    const fn = inProcessFunction(oci, { SCALE_IN_STABILIZATION: "PT1H" }, new Date(now), { retryDelayScale: 0.01 });
    const emulator = oci.emulator;
    const id = emulator.seedDeployment({ compartmentId: EXAMPLE_COMPARTMENT_ID, instanceCount: instances }).id;
    seedOwnLowCpuAlarm(emulator, { id: LOW_CPU, deploymentId: id, threshold: 48 });
    /** Each instance's CPU percent, minute by minute from `fromMinute` (minutes after START). */
    const cpuHistory = (fromMinute: number, percentByMinute: number[]) => {
      for (let instance = 0; instance < instances; instance++) {
        emulator.seedMetricPoints({
          namespace: "oci_datascience_modeldeploy",
          compartmentId: EXAMPLE_COMPARTMENT_ID,
          name: "CpuUtilization",
          dimensions: { resourceId: id, instanceId: `ocid1.datasciencemodeldeploymentinstance.oc1.iad.i${instance}` },
          points: percentByMinute.map((value, m) => ({
            timestamp: new Date(START + (fromMinute + m) * MINUTE),
            value,
          })),
        });
      }
    };
    const lowAlarm = async (minute: number) => {
      now = START + minute * MINUTE;
      fn.clock.now = new Date(now);
      const message = alarmMessage({
        title: "model_deployment_low_cpu",
        alarmId: LOW_CPU,
        deploymentIds: [id],
        type: "REPEAT",
        timestampEpochMillis: now,
      });
      markStreamsFiring(emulator, message);
      return (await fn.send(message)).results[0];
    };
    return { emulator, cpuHistory, lowAlarm, fn };
  }

  it("holds while a burst is inside the window, and scales in once the window has passed it", async () => {
    const { emulator, cpuHistory, lowAlarm } = await start(5);
    // Quiet at 20 %, a 15-minute burst at 58 % per instance (2.9 instances' worth: 5 at the 60 % target), quiet.
    cpuHistory(0, [...Array(30).fill(20), ...Array(15).fill(58), ...Array(75).fill(20)]);

    const held = await lowAlarm(70);
    expect(held).toMatchObject({ outcome: "skipped", reasonCode: "ScaleInStabilized", from: 5 });
    expect(held?.reason).toContain("2.9 instances' worth of CPU at 2026-12-01T10:30:00.000Z, needs 5 instance(s)");
    expect(emulator.writes().filter((w) => w.method === "PUT")).toHaveLength(0);
    const reads = emulator.requests.filter((r) => r.path.endsWith("/summarizeMetricsData"));
    expect(reads.map((r) => (r.body as { query: string }).query)).toEqual([
      expect.stringMatching(/^CpuUtilization\[1m\]\{resourceId = ".*"\}\.groupBy\(instanceId\)\.mean\(\)$/),
    ]);

    // 60 minutes after the burst's last minute (10:44), the window holds only the quiet minutes.
    const scaled = await lowAlarm(105);
    expect(scaled).toMatchObject({ outcome: "updated", from: 5, to: 4 });
  });

  it("scales in without a hold, and says so, when the history cannot be read", async () => {
    const { emulator, cpuHistory, lowAlarm } = await start(5);
    cpuHistory(0, Array(60).fill(58));
    emulator.faults.add({ method: "POST", path: /summarizeMetricsData/, status: 404, times: Number.POSITIVE_INFINITY });

    const result = await lowAlarm(60);

    expect(result).toMatchObject({ outcome: "updated", from: 5, to: 4 });
    expect(result?.warnings).toContainEqual(expect.stringContaining("could not be read"));
  });

  it("fails the call, so the alarm comes again, when reading the history fails transiently", async () => {
    const { emulator, cpuHistory, lowAlarm } = await start(5);
    cpuHistory(0, Array(60).fill(58));
    emulator.faults.add({ method: "POST", path: /summarizeMetricsData/, status: 503, times: Number.POSITIVE_INFINITY });

    await expect(lowAlarm(60)).rejects.toBeInstanceOf(TransientOciError);
    expect(emulator.writes().filter((w) => w.method === "PUT")).toHaveLength(0);
  });

  it("reads the history once per scale-in decision, and never for a decision that holds nothing back", async () => {
    const { emulator, lowAlarm } = await start(1);
    await lowAlarm(60);
    expect(emulator.requests.filter((r) => r.path.endsWith("/summarizeMetricsData"))).toHaveLength(0);
  });
});
