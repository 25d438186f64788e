import { afterEach, describe, expect, it } from "vitest";
import type { FaultRule } from "../../emulator";
import { alarmMessage } from "../../emulator/alarm-messages";
import { deploymentState } from "../../emulator/deployment-state";
import { type LocalOci, startLocalOci } from "../../emulator/local-oci";
import {
  EXAMPLE_COMPARTMENT_ID,
  markStreamsFiring,
  seedCompartmentAlarm,
  seedOwnLowCpuAlarm,
} from "../../emulator/seed-from-alarm";
import { inProcessFunction } from "../../local-function/in-process";

const HIGH_CPU = "ocid1.alarm.oc1.iad.aaaaaaaaupkeephighcpu";
const LOW_CPU = "ocid1.alarm.oc1.iad.aaaaaaaaupkeeplowcpu";
const NOTIFY_TOPIC = "ocid1.onstopic.oc1.iad.aaaaaaaaupkeeppeopletopic";
/** The low alarm as the function left it after a change to 2 instances (LOW_CPU_THRESHOLD=auto: 27 at 2). */
const LOW_QUERY_AT_2 = (id: string) => `CpuUtilization[5m]{resourceId = "${id}"}.groupBy(resourceId).mean() < 27`;

/**
 * The scale-down alarm around an update: what happens to it, and to the answer, when one of the calls
 * before or after the PUT fails. The update is the point; the alarm is upkeep that must neither stop it,
 * nor run ahead of it, nor turn an accepted update into a failure.
 */
describe("the scale-down alarm's upkeep around an update", () => {
  let oci: LocalOci | undefined;
  afterEach(() => oci?.close());

  async function start(instanceCount: number, withLowAlarm: boolean) {
    let now = Date.parse("2026-12-01T10:00:00Z");
    oci = await startLocalOci({ updateDelayMs: null, clock: () => now });
    const fn = inProcessFunction(oci, { NOTIFY_TOPIC_ID: NOTIFY_TOPIC }, new Date(now), { retryDelayScale: 0.01 });
    const advanceMinutes = (minutes: number) => {
      now += minutes * 60_000;
      fn.clock.now = new Date(now);
    };
    const emulator = oci.emulator;
    seedCompartmentAlarm(emulator, { id: HIGH_CPU, title: "model_deployment_high_cpu", metric: "CpuUtilization" });
    const id = emulator.seedDeployment({ compartmentId: EXAMPLE_COMPARTMENT_ID, instanceCount }).id;
    if (withLowAlarm) seedOwnLowCpuAlarm(emulator, { id: LOW_CPU, deploymentId: id, threshold: 27 });
    const send = async (alarmId: string, title: string) => {
      const message = alarmMessage({ title, alarmId, deploymentIds: [id] });
      markStreamsFiring(emulator, message);
      return fn.send(message);
    };
    const decisionLines = () => fn.logs.filter((line) => line.event === "decision" && line.deploymentId === id);
    const fault = (rule: FaultRule) => emulator.faults.add(rule);
    const told = () => emulator.publishedMessages(NOTIFY_TOPIC);
    return { fn, id, emulator, send, decisionLines, fault, told, advanceMinutes };
  }

  it.each([
    ["refuses the query (400)", 400],
    ["is not allowed to manage alarms (404)", 404],
  ] as const)(
    "scales up when OCI %s to create the scale-down alarm, and tells people what to fix",
    async (_, status) => {
      const { id, emulator, send, fault, decisionLines, told } = await start(1, false);
      fault({ method: "POST", path: /\/alarms$/, status, times: Number.POSITIVE_INFINITY });

      const response = await send(HIGH_CPU, "model_deployment_high_cpu");

      expect(response.results[0]).toMatchObject({
        outcome: "updated",
        from: 1,
        to: 2,
        scaleDownAlarm: "failed",
        notification: "sent",
        warnings: [expect.stringMatching(/scale-down alarm .* could not be created.*manage alarms/)],
      });
      emulator.completeUpdates();
      expect(deploymentState(emulator, id).instances).toBe(2);
      expect(decisionLines()).toContainEqual(expect.objectContaining({ outcome: "updated", scaleDownAlarm: "failed" }));
      expect(told()).toHaveLength(1);
      expect(told()[0]?.body).toContain("Warning: the scale-down alarm model_deployment_low_cpu could not be created");
      expect(told()[0]?.body).not.toContain("refused the update");
    },
  );

  it("creates the missing scale-down alarm at the next change", async () => {
    const { emulator, send, fault, advanceMinutes } = await start(1, false);
    fault({ method: "POST", path: /\/alarms$/, status: 404, times: 1 });
    expect((await send(HIGH_CPU, "model_deployment_high_cpu")).results[0]?.scaleDownAlarm).toBe("failed");
    emulator.completeUpdates();
    advanceMinutes(30);

    const next = (await send(HIGH_CPU, "model_deployment_high_cpu")).results[0];

    expect(next).toMatchObject({ outcome: "updated", from: 2, to: 3, scaleDownAlarm: "created" });
    expect(emulator.alarms().filter((a) => a.displayName === "model_deployment_low_cpu")).toHaveLength(1);
  });

  it.each([
    ["409", 409],
    ["412", 412],
    ["400", 400],
  ] as const)(
    "leaves the scale-down alarm's threshold as it was when OCI refuses the update (%s)",
    async (_, status) => {
      const { id, emulator, send, fault } = await start(2, true);
      fault({ method: "PUT", path: "/modelDeployments/", status, times: Number.POSITIVE_INFINITY });

      const response = await send(HIGH_CPU, "model_deployment_high_cpu");

      expect(response.results[0]?.outcome).not.toBe("updated");
      expect(emulator.getAlarm(LOW_CPU)?.query).toBe(LOW_QUERY_AT_2(id));
      expect(emulator.writes().filter((w) => w.path.includes(LOW_CPU))).toHaveLength(0);
    },
  );

  it("retunes the scale-down alarm once OCI accepted the update", async () => {
    const { id, emulator, send } = await start(2, true);

    const response = await send(HIGH_CPU, "model_deployment_high_cpu");

    expect(response.results[0]).toMatchObject({ outcome: "updated", from: 2, to: 3, scaleDownAlarm: "updated" });
    expect(emulator.getAlarm(LOW_CPU)?.query).toBe(
      `CpuUtilization[5m]{resourceId = "${id}"}.groupBy(resourceId).mean() < 36`,
    );
    const puts = emulator.writes().filter((w) => w.method === "PUT");
    expect(puts.map((w) => (w.path.includes("/alarms/") ? "alarm" : "deployment"))).toEqual(["deployment", "alarm"]);
  });

  it.each([
    ["listing the alarms answers 503", { method: "GET", path: /\/alarms$/, status: 503 }],
    ["deleting the alarm answers 409", { method: "DELETE", path: "/alarms/", status: 409 }],
    ["deleting the alarm answers 401", { method: "DELETE", path: "/alarms/", status: 401 }],
  ] as const)("reports an accepted scale-in to the floor as updated, logged and told, when %s", async (_, rule) => {
    const { id, emulator, send, fault, decisionLines, told } = await start(2, true);
    fault({ ...rule, times: Number.POSITIVE_INFINITY } as FaultRule);

    const response = await send(LOW_CPU, "model_deployment_low_cpu");

    expect(response.results[0]).toMatchObject({
      outcome: "updated",
      from: 2,
      to: 1,
      notification: "sent",
      warnings: [expect.stringContaining("could not delete the scale-down alarm")],
    });
    expect(deploymentState(emulator, id).lifecycleState).toBe("UPDATING");
    expect(decisionLines()).toContainEqual(expect.objectContaining({ outcome: "updated", from: 2, to: 1 }));
    expect(told()).toHaveLength(1);
  });
});
