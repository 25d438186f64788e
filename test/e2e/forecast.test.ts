import { afterEach, describe, expect, it } from "vitest";
import { scaleUpAlarms } from "../../commands/setup/scale-up-alarms";
import type { AlarmSeed } from "../../emulator";
import { alarmMessage } from "../../emulator/alarm-messages";
import { type LocalOci, startLocalOci } from "../../emulator/local-oci";
import {
  EXAMPLE_COMPARTMENT_ID,
  EXAMPLE_TOPIC_ID,
  markStreamsFiring,
  seedOwnLowCpuAlarm,
} from "../../emulator/seed-from-alarm";
import { inProcessFunction } from "../../local-function/in-process";
import { forecastBody } from "../../src/message/forecast-body";
import { TransientOciError } from "../../src/results/errors";
import { forecastResource, MANAGED_BY_TAG } from "../../src/run/forecast-schedule";

const FN_ID = "ocid1.fnfunc.oc1.iad.aaaaaaaaforecastfunction";
const SCHEDULE_ID = "ocid1.resourceschedule.oc1.iad.aaaaaaaaforecastschedule";
const LOW_CPU = "ocid1.alarm.oc1.iad.aaaaaaaaforecastlowcpu";
const MINUTE = 60_000;
/** A Tuesday: the seven days before it hold five weekdays and a weekend. */
const DAY8 = Date.parse("2026-12-08T00:00:00Z");

/**
 * The forecast schedule's tick, end to end on the emulator and a simulated clock: the schedule as setup makes
 * it, the deployment's own per-minute CPU history (four instance streams: quiet at 15 % each, 0.6 instances'
 * worth; every day from 08:00 to 09:30 at 80 % each, 3.2 instances' worth, which needs 4 at FORECAST_UTILIZATION 80 %).
 */
describe("a forecast schedule's tick", () => {
  let oci: LocalOci | undefined;
  afterEach(() => oci?.close());

  async function start(
    options: {
      instances?: number;
      days?: number;
      env?: Record<string, string>;
      storeBodyAsText?: boolean;
      tags?: Record<string, string>;
    } = {},
  ) {
    let now = DAY8;
    oci = await startLocalOci({ updateDelayMs: null, clock: () => now, metricRetentionMs: 9 * 86_400_000 });
    const emulator = oci.emulator;
    const env = { FN_FN_ID: FN_ID, ...options.env };
    const fn = inProcessFunction(oci, env, new Date(now), { retryDelayScale: 0.01 });
    const id = emulator.seedDeployment({
      compartmentId: EXAMPLE_COMPARTMENT_ID,
      instanceCount: options.instances ?? 2,
    }).id;
    const scope = { kind: "deployment", deploymentId: id, compartmentId: EXAMPLE_COMPARTMENT_ID } as const;
    const settings = {
      topicId: EXAMPLE_TOPIC_ID,
      cpuThreshold: 80,
      memThreshold: 80,
      highCpuName: "model_deployment_high_cpu",
      highMemName: "model_deployment_high_mem",
      highRequestsName: "model_deployment_high_requests",
    };
    for (const details of scaleUpAlarms(scope, settings)) emulator.seedAlarm(details as unknown as AlarmSeed);
    const resource = forecastResource(FN_ID, SCHEDULE_ID, [id]);
    const stored = options.storeBodyAsText
      ? { ...resource, parameters: resource.parameters.map((p) => ({ ...p, value: JSON.stringify(p.value) })) }
      : resource;
    emulator.seedSchedule({
      id: SCHEDULE_ID,
      compartmentId: EXAMPLE_COMPARTMENT_ID,
      recurrenceDetails: "0 * * * *",
      localTimeZone: "UTC",
      freeformTags: options.tags ?? { ...MANAGED_BY_TAG },
      resources: [stored],
    });
    const days = options.days ?? 7;
    for (let instance = 0; instance < 4; instance++) {
      const points = [];
      for (let m = -days * 1440; m < 0; m++) {
        const minuteOfDay = ((m % 1440) + 1440) % 1440;
        points.push({
          timestamp: new Date(DAY8 + m * MINUTE),
          value: minuteOfDay >= 480 && minuteOfDay < 570 ? 80 : 15,
        });
      }
      emulator.seedMetricPoints({
        namespace: "oci_datascience_modeldeploy",
        compartmentId: EXAMPLE_COMPARTMENT_ID,
        name: "CpuUtilization",
        dimensions: { resourceId: id, instanceId: `ocid1.datasciencemodeldeploymentinstance.oc1.iad.i${instance}` },
        points,
      });
    }
    const at = (hhmm: string) => {
      const [h, m] = hhmm.split(":").map(Number);
      now = DAY8 + ((h ?? 0) * 60 + (m ?? 0)) * MINUTE;
      fn.clock.now = new Date(now);
    };
    const tick = async (hhmm: string, body: object = forecastBody(SCHEDULE_ID, [id])) => {
      at(hhmm);
      emulator.clearRequests();
      return fn.send(body);
    };
    const requests = () => emulator.requests.map((r) => `${r.method} ${r.path.replace(/\/(ocid1\.[^/?]+)/g, "/{id}")}`);
    return { emulator, fn, id, tick, at, requests };
  }

  it("scales out ahead of the surge its history shows, through the same checks, and makes the way back down", async () => {
    const { emulator, tick, requests } = await start();
    const response = await tick("07:00");
    expect(response).toMatchObject({ kind: "forecast", status: "ok", scheduleId: SCHEDULE_ID });
    expect(response.results[0]).toMatchObject({
      outcome: "updated",
      from: 2,
      to: 4,
      reasonCode: "ForecastScaledOut",
      scaleDownAlarm: "created",
    });
    expect(response.results[0]?.reason).toContain("rose at this time of day on 6 of 6 day(s)");
    expect(requests().slice(0, 3)).toEqual([
      "GET /20240430/schedules/{id}",
      "GET /20190101/modelDeployments/{id}",
      "POST /20180401/metrics/actions/summarizeMetricsData",
    ]);
    expect(emulator.writes().filter((w) => w.method === "PUT")).toHaveLength(1);
  });

  it("costs GetSchedule, the deployment read and one metrics read, and writes nothing, when no change is needed", async () => {
    const { emulator, tick, requests } = await start();
    const response = await tick("03:00");
    expect(response.results[0]).toMatchObject({ outcome: "skipped", reasonCode: "ForecastNoRhythm", from: 2 });
    expect(response.results[0]?.reason).toContain("rose at this time of day on 0 of 6 day(s)");
    expect(requests()).toEqual([
      "GET /20240430/schedules/{id}",
      "GET /20190101/modelDeployments/{id}",
      "POST /20180401/metrics/actions/summarizeMetricsData",
    ]);
    expect(emulator.writes()).toHaveLength(0);
  });

  it("needs nothing when the deployment already has what the forecast needs", async () => {
    const { tick } = await start({ instances: 5 });
    expect((await tick("07:00")).results[0]).toMatchObject({
      outcome: "skipped",
      reasonCode: "ForecastWithinCount",
      from: 5,
    });
  });

  it("forecasts nothing for a deployment with no history, and says so", async () => {
    const { emulator, tick } = await start({ days: 0 });
    expect((await tick("07:00")).results[0]).toMatchObject({
      outcome: "skipped",
      reasonCode: "ForecastTooLittleHistory",
    });
    expect(emulator.writes()).toHaveLength(0);
  });

  it("reads a BODY parameter stored as JSON text as well as one stored as JSON", async () => {
    const { tick } = await start({ storeBodyAsText: true });
    expect((await tick("07:00")).results[0]).toMatchObject({ outcome: "updated", reasonCode: "ForecastScaledOut" });
  });

  it("refuses a body naming another deployment than the schedule stores, reading and writing nothing else", async () => {
    const { emulator, tick, requests } = await start();
    const other = "ocid1.datasciencemodeldeployment.oc1.iad.aaaaaaaaanotherdeployment";
    const response = await tick("07:00", forecastBody(SCHEDULE_ID, [other]));
    expect(response).toMatchObject({ status: "rejected", reasonCode: "ScheduleBodyMismatch", results: [] });
    expect(requests()).toEqual(["GET /20240430/schedules/{id}"]);
    expect(emulator.writes()).toHaveLength(0);
  });

  const other = { FN_FN_ID: "ocid1.fnfunc.oc1.iad.aaaaaaaaanotherfunction" };
  it.each([
    ["ScheduleNotActive", {}, (e: LocalOci["emulator"]) => e.setScheduleState(SCHEDULE_ID, "INACTIVE")],
    ["ScheduleNotTagged", { tags: { team: "ml" } }, () => undefined],
    ["ScheduleNotForThisFunction", { env: other }, () => undefined],
    [
      "ScheduleNotFound",
      {},
      (e: LocalOci["emulator"]) => e.faults.add({ method: "GET", path: /schedules/, status: 404 }),
    ],
  ] as const)("refuses with %s and writes nothing", async (reasonCode, options, spoil) => {
    const { emulator, tick } = await start(options);
    spoil(emulator);
    const response = await tick("07:00");
    expect(response).toMatchObject({ status: "rejected", reasonCode, results: [] });
    expect(emulator.writes()).toHaveLength(0);
  });

  it("rejects a body that claims the kind but is not a valid one, without a request to OCI", async () => {
    const { emulator, tick } = await start();
    const response = await tick("07:00", { ...forecastBody(SCHEDULE_ID, ["x"]), version: 2 });
    expect(response).toMatchObject({
      kind: "forecast",
      status: "rejected",
      problems: [expect.stringContaining("version")],
    });
    expect(emulator.requests).toHaveLength(0);
  });

  it("decides nothing, reading nothing, with FORECAST_ENABLED=false", async () => {
    const { emulator, tick } = await start({ env: { FORECAST_ENABLED: "false" } });
    expect(await tick("07:00")).toMatchObject({ status: "ignored", reasonCode: "ForecastDisabled" });
    expect(emulator.requests).toHaveLength(0);
  });

  it("fails the call on a transient failure, so nothing is dropped silently, and writes nothing", async () => {
    const { emulator, tick } = await start();
    emulator.faults.add({ method: "GET", path: /schedules/, status: 503, times: Number.POSITIVE_INFINITY });
    await expect(tick("07:00")).rejects.toBeInstanceOf(TransientOciError);
    expect(emulator.writes()).toHaveLength(0);
  });

  it("rehearses in a dry run: the scale-out it would make, nothing written", async () => {
    const { emulator, tick } = await start({ env: { DRY_RUN: "true" } });
    expect((await tick("07:00")).results[0]).toMatchObject({
      outcome: "dry-run",
      to: 4,
      reasonCode: "ForecastScaledOut",
    });
    expect(emulator.writes()).toHaveLength(0);
  });

  it("keeps the cooldown after a change, as an alarm's scale-up does", async () => {
    const { emulator, tick } = await start();
    expect((await tick("07:00")).results[0]).toMatchObject({ outcome: "updated", to: 4 });
    emulator.completeUpdates();
    // Four instances streams of history say 4; a deployment just brought to 4 needs nothing more.
    expect((await tick("07:02")).results[0]).toMatchObject({ reasonCode: "ForecastWithinCount", from: 4 });
  });

  it("holds a scale-in that would go below the need forecast for the coming hour", async () => {
    const low = async (env: Record<string, string>) => {
      const { emulator, fn, id, at } = await start({ instances: 4, env });
      seedOwnLowCpuAlarm(emulator, { id: LOW_CPU, deploymentId: id, threshold: 30 });
      at("07:30");
      const message = alarmMessage({
        title: "model_deployment_low_cpu",
        alarmId: LOW_CPU,
        deploymentIds: [id],
        type: "REPEAT",
        timestampEpochMillis: fn.clock.now.getTime(),
      });
      markStreamsFiring(emulator, message);
      const result = (await fn.send(message)).results[0];
      await oci?.close();
      oci = undefined;
      return result;
    };
    const held = await low({});
    expect(held).toMatchObject({ outcome: "skipped", reasonCode: "ScaleInForecastHeld", from: 4 });
    expect(held?.reason).toContain("needs 4 instance(s)");
    expect(await low({ FORECAST_ENABLED: "false" })).toMatchObject({ outcome: "updated", from: 4, to: 3 });
  });
});
