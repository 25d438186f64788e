import { afterEach, describe, expect, it } from "vitest";
import type { SeedDeployment } from "../../emulator";
import { alarmMessage } from "../../emulator/alarm-messages";
import { deploymentState } from "../../emulator/deployment-state";
import { type LocalOci, startLocalOci } from "../../emulator/local-oci";
import { autoscalingPolicy } from "../../emulator/realistic-seed";
import {
  EXAMPLE_COMPARTMENT_ID,
  EXAMPLE_TOPIC_ID,
  markStreamsFiring,
  seedCompartmentAlarm,
} from "../../emulator/seed-from-alarm";
import { inProcessFunction } from "../../local-function/in-process";
import { MANAGED_BY_VALUE, ScaleDownAlarmTag } from "../../src/oci/scale-down-alarms";
import { type Harness, startHarness } from "./harness";

const HIGH_CPU = "ocid1.alarm.oc1.iad.aaaaaaaacontrolhighcpu";
const MINUTE = 60_000;

/**
 * Control on realistic time: the handler (real SDK clients) on a simulated clock shared with the emulator,
 * updates that take 8 minutes, alarms every 5. What must not happen is the saw-tooth: a REPEAT that arrives
 * after the update landed but while the alarm's window still holds the old load scaling again.
 */
describe("control on a simulated clock", () => {
  let oci: LocalOci | undefined;
  afterEach(() => oci?.close());

  async function start(seed: SeedDeployment = {}) {
    let now = Date.parse("2026-11-30T10:00:00Z");
    oci = await startLocalOci({ updateDelayMs: 8 * MINUTE, clock: () => now });
    const fn = inProcessFunction(oci, {}, new Date(now));
    seedCompartmentAlarm(oci.emulator, { id: HIGH_CPU, title: "model_deployment_high_cpu", metric: "CpuUtilization" });
    const id = oci.emulator.seedDeployment({ compartmentId: EXAMPLE_COMPARTMENT_ID, instanceCount: 1, ...seed }).id;
    const emulator = oci.emulator;
    const at = (minute: number) => {
      now = Date.parse("2026-11-30T10:00:00Z") + minute * MINUTE;
      fn.clock.now = new Date(now);
    };
    const highCpu = async (minute: number, type: "OK_TO_FIRING" | "REPEAT" = "REPEAT") => {
      at(minute);
      const message = alarmMessage({
        title: "model_deployment_high_cpu",
        alarmId: HIGH_CPU,
        deploymentIds: [id],
        type,
        timestampEpochMillis: Date.parse("2026-11-30T10:00:00Z") + minute * MINUTE,
      });
      markStreamsFiring(emulator, message);
      return (await fn.send(message)).results[0];
    };
    return { fn, id, emulator, at, highCpu };
  }

  it("takes no second step up until the cooldown has passed since the first one landed (no 2 -> 3 on stale load)", async () => {
    const { id, emulator, highCpu } = await start();

    expect(await highCpu(0, "OK_TO_FIRING")).toMatchObject({ outcome: "updated", from: 1, to: 2 });
    expect(await highCpu(5)).toMatchObject({ reasonCode: "NotActive" });
    // ACTIVE since +8; the cooldown from the PUT (300 s) has run out, the one from ACTIVE has not.
    const stale = await highCpu(10);
    expect(stale).toMatchObject({ outcome: "skipped", reasonCode: "CoolingDown" });
    expect(stale?.reason).toContain("finished at 2026-11-30T10:08:00.000Z");
    expect(deploymentState(emulator, id).instances).toBe(2);
    // Five minutes after it landed the window shows the new capacity: a load still high scales again.
    expect(await highCpu(13)).toMatchObject({ outcome: "updated", from: 2, to: 3 });
  });

  it("counts a change made by someone else (a work request it did not start) the same way", async () => {
    const { id, emulator, highCpu } = await start({ instanceCount: 2 });
    emulator.seedWorkRequest({
      modelDeploymentId: id,
      timeAccepted: Date.parse("2026-11-30T09:50:00Z"),
      timeFinished: Date.parse("2026-11-30T09:58:00Z"),
    });
    expect(await highCpu(0, "OK_TO_FIRING")).toMatchObject({ reasonCode: "CoolingDown" });
    expect(await highCpu(3)).toMatchObject({ outcome: "updated", from: 2, to: 3 });
  });

  it("reads the work requests only when a change is about to be made", async () => {
    const { emulator, highCpu } = await start({ instanceCount: 3 });
    emulator.clearRequests();
    await highCpu(0, "OK_TO_FIRING");
    const listed = emulator.requests.filter((r) => r.path.endsWith("/workRequests"));
    expect(listed).toHaveLength(1);
    expect(listed[0]?.query).toMatchObject({ sortBy: "timeAccepted", sortOrder: "DESC" });
    emulator.clearRequests();
    // UPDATING now: nothing is about to change, so no work request is read.
    await highCpu(1);
    expect(emulator.requests.filter((r) => r.path.endsWith("/workRequests"))).toHaveLength(0);
  });
});

/** The same saw-tooth through the bundle behind the FDK socket, on scaled time: seconds for minutes. */
describe("control through the bundle, on scaled time", () => {
  let harness: Harness | undefined;
  afterEach(() => harness?.stop());

  it("holds the second step until the cooldown after the update landed", async () => {
    // Updates take 2.5 s; the cooldown is 2 s: by the time the deployment is ACTIVE, a cooldown stamped at
    // the PUT would have run out.
    const h = await startHarness({ SCALE_UP_COOLDOWN_SECONDS: "2" }, { updateDelayMs: 2_500 });
    harness = h;
    seedCompartmentAlarm(h.emulator, {
      id: HIGH_CPU,
      title: "model_deployment_high_cpu",
      metric: "CpuUtilization",
    });
    const id = h.emulator.seedDeployment({ compartmentId: EXAMPLE_COMPARTMENT_ID, instanceCount: 1 }).id;
    const send = async (n: number) => {
      const message = alarmMessage({
        title: "model_deployment_high_cpu",
        alarmId: HIGH_CPU,
        deploymentIds: [id],
        type: n === 0 ? "OK_TO_FIRING" : "REPEAT",
        timestampEpochMillis: 1_700_000_000_000 + n,
      });
      markStreamsFiring(h.emulator, message);
      const response = await h.fn.call(JSON.stringify(message));
      return (response.body as { results: Array<Record<string, unknown>> }).results[0];
    };
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

    expect(await send(0)).toMatchObject({ outcome: "updated", to: 2 });
    await sleep(2_700);
    expect(deploymentState(h.emulator, id).lifecycleState).toBe("ACTIVE");
    expect(await send(1)).toMatchObject({ reasonCode: "CoolingDown" });
    await sleep(2_000);
    expect(await send(2)).toMatchObject({ outcome: "updated", from: 2, to: 3 });
  });
});

describe("the scale-down alarms the function owns stay true", () => {
  let harness: Harness | undefined;
  afterEach(() => harness?.stop());
  const OURS = (deploymentId: string) => ({
    [ScaleDownAlarmTag.ManagedBy]: MANAGED_BY_VALUE,
    [ScaleDownAlarmTag.Deployment]: deploymentId,
    [ScaleDownAlarmTag.Metric]: "CpuUtilization",
  });

  async function withLowAlarm(seed: SeedDeployment, tags: (id: string) => Record<string, string> = OURS) {
    const h = await startHarness({}, { updateDelayMs: null });
    harness = h;
    const id = h.emulator.seedDeployment({ compartmentId: EXAMPLE_COMPARTMENT_ID, ...seed }).id;
    const low = h.emulator.seedAlarm({
      displayName: "model_deployment_low_cpu",
      compartmentId: EXAMPLE_COMPARTMENT_ID,
      metricCompartmentId: EXAMPLE_COMPARTMENT_ID,
      query: `CpuUtilization[5m]{resourceId = "${id}"}.groupBy(resourceId).mean() < 10`,
      pendingDuration: "PT1M",
      destinations: [EXAMPLE_TOPIC_ID],
      freeformTags: tags(id),
    });
    const message = alarmMessage({
      title: "model_deployment_low_cpu",
      alarmId: low.id,
      deploymentIds: [id],
      query: low.query,
      type: "REPEAT",
    });
    markStreamsFiring(h.emulator, message);
    return { h, id, low, message };
  }

  it.each([
    { name: "opted out by tag", seed: { instanceCount: 3, freeformTags: { "autoscale-enabled": "false" } } },
    { name: "on OCI's AUTOSCALING policy", seed: { scalingPolicy: autoscalingPolicy({ min: 1, initial: 2, max: 4 }) } },
    { name: "INACTIVE", seed: { instanceCount: 3, lifecycleState: "INACTIVE" } },
  ])("deletes its low alarm when it fires for a deployment $name", async ({ seed }) => {
    const { h, low, message } = await withLowAlarm(seed);
    const response = await h.fn.call(JSON.stringify(message));
    expect(response.body).toMatchObject({ results: [{ outcome: "skipped", scaleDownAlarm: "deleted" }] });
    expect(h.emulator.getAlarm(low.id)?.lifecycleState).toBe("DELETED");
  });

  it("deletes its low alarm when the deployment is gone, and only an alarm tagged as its own", async () => {
    const gone = await withLowAlarm({ instanceCount: 3 });
    gone.h.emulator.purgeDeployment(gone.id);
    const response = await gone.h.fn.call(JSON.stringify(gone.message));
    expect(response.body).toMatchObject({
      results: [{ reasonCode: "NotFoundOrNotAuthorized", scaleDownAlarm: "deleted" }],
    });
    await gone.h.stop();

    const handMade = await withLowAlarm(
      { instanceCount: 3, freeformTags: { "autoscale-enabled": "false" } },
      () => ({}),
    );
    await handMade.h.fn.call(JSON.stringify(handMade.message));
    expect(handMade.h.emulator.getAlarm(handMade.low.id)?.lifecycleState).toBe("ACTIVE");
  });

  it("brings a low alarm that differs from what it would create now up to date on the next change", async () => {
    const { h, id, low } = await withLowAlarm({ instanceCount: 1 });
    seedCompartmentAlarm(h.emulator, { id: HIGH_CPU, title: "model_deployment_high_cpu", metric: "CpuUtilization" });
    const high = alarmMessage({ title: "model_deployment_high_cpu", alarmId: HIGH_CPU, deploymentIds: [id] });
    markStreamsFiring(h.emulator, high);

    const response = await h.fn.call(JSON.stringify(high));

    expect(response.body).toMatchObject({ results: [{ outcome: "updated", to: 2, scaleDownAlarm: "updated" }] });
    const updated = h.emulator.getAlarm(low.id);
    expect(updated?.query).toBe(`CpuUtilization[5m]{resourceId = "${id}"}.groupBy(resourceId).mean() < 27`);
    expect(updated?.pendingDuration).toBe("PT15M");
    expect(h.emulator.writes().filter((w) => w.method === "PUT" && w.path.includes("/alarms/"))).toHaveLength(1);
  });
});

describe("the low-CPU threshold follows the instance count", () => {
  let oci: LocalOci | undefined;
  afterEach(() => oci?.close());

  it("sets it for the count each change lands on", async () => {
    let now = Date.parse("2026-11-30T10:00:00Z");
    oci = await startLocalOci({ updateDelayMs: 8 * MINUTE, clock: () => now });
    const fn = inProcessFunction(oci, {}, new Date(now));
    seedCompartmentAlarm(oci.emulator, { id: HIGH_CPU, title: "model_deployment_high_cpu", metric: "CpuUtilization" });
    const id = oci.emulator.seedDeployment({ compartmentId: EXAMPLE_COMPARTMENT_ID, instanceCount: 1 }).id;
    const send = async (minute: number, metricValues?: number[]) => {
      now = Date.parse("2026-11-30T10:00:00Z") + minute * MINUTE;
      fn.clock.now = new Date(now);
      const message = alarmMessage({
        title: "model_deployment_high_cpu",
        alarmId: HIGH_CPU,
        deploymentIds: [id],
        timestampEpochMillis: now,
        ...(metricValues ? { metricValues } : {}),
      });
      markStreamsFiring(oci?.emulator as LocalOci["emulator"], message);
      return (await fn.send(message)).results[0];
    };
    const lowThreshold = () =>
      oci?.emulator
        .alarms()
        .find((a) => a.displayName === "model_deployment_low_cpu")
        ?.query.split("< ")[1];

    expect(await send(0)).toMatchObject({ to: 2, scaleDownAlarm: "created" });
    expect(lowThreshold()).toBe("27");
    // ceil(2 × 110 / 60) = 4: 60 × 3/4 × 0.9 = 40.5
    expect(await send(13, [110])).toMatchObject({ to: 4, scaleDownAlarm: "updated" });
    expect(lowThreshold()).toBe("40.5");
  });
});
