import { afterEach, describe, expect, it } from "vitest";
import { deploymentState } from "../../emulator/deployment-state";
import { type LocalOci, startLocalOci } from "../../emulator/local-oci";
import { markStreamsFiring, seedFromAlarmMessage } from "../../emulator/seed-from-alarm";
import { inProcessFunction } from "../../local-function/in-process";
import { readFixture } from "./harness";

const DEPLOYMENT = "ocid1.datasciencemodeldeployment.oc1.iad.amaaaaaaexamplemodeldeployment0001";
const MINUTE = 60_000;
const UPDATE_MINUTES = 10;

/** `absent(72h)` → minutes; a bare `absent()` has the default absence detection period, two hours (docs). */
function absenceDetectionMinutes(query: string): number {
  const period = /\.absent\((\d+)([mhd])\)/.exec(query);
  if (!period) return 120;
  return Number(period[1]) * { m: 1, h: 60, d: 1440 }[period[2] as "m" | "h" | "d"];
}

/**
 * Traffic that stops: PredictRequestCount is no longer emitted, so only the low-request alarm's absent() part
 * can fire. Monitoring as the docs describe it: the alarm fires once the condition held for its pending
 * duration, repeats every repeat interval, and absent() stops returning values once the absence detection
 * period has passed (docs, "Creating an Absence Alarm"), after which the alarm has nothing left to fire on.
 * The handler runs on a simulated clock shared with the emulator, whose updates take 10 minutes.
 */
describe("a deployment whose traffic stops", () => {
  let oci: LocalOci | undefined;
  afterEach(() => oci?.close());

  it("steps down to its floor before the low-request alarm's absence detection ends (10 -> 1 at default settings)", async () => {
    let now = Date.parse("2026-12-01T08:00:00Z");
    oci = await startLocalOci({ updateDelayMs: UPDATE_MINUTES * MINUTE, clock: () => now });
    const fn = inProcessFunction(oci, {}, new Date(now));
    const emulator = oci.emulator;
    const at = (time: number) => {
      now = time;
      fn.clock.now = new Date(time);
    };

    // 6,000 requests a minute at 9 instances (over the 10 % tolerance): the high-request alarm takes it to 10 and creates the low alarm.
    const high = JSON.parse(readFixture("alarm-high-requests-v1.5.json"));
    const [entry] = high.alarmMetaData;
    entry.metricValues = [{ [Object.keys(entry.metricValues[0])[0] as string]: "6000" }];
    high.timestampEpochMillis = now;
    seedFromAlarmMessage(emulator, JSON.stringify(high), { deployment: { instanceCount: 9 } });
    const up = (await fn.send(high)).results[0];
    expect(up).toMatchObject({ outcome: "updated", from: 9, to: 10, scaleDownAlarm: "created" });
    const lowAlarm = emulator.getAlarm(up?.scaleDownAlarmId as string);
    if (!lowAlarm) throw new Error("no low-request alarm was created");

    // The update lands and traffic stops at once: the worst case for the absence detection period.
    const stopped = now + UPDATE_MINUTES * MINUTE;
    const pending = Number(/PT(\d+)M/.exec(lowAlarm.pendingDuration ?? "PT1M")?.[1]);
    const repeat = Number(/PT(\d+)M/.exec(lowAlarm.repeatNotificationDuration ?? "")?.[1]);
    const detectionEnds = stopped + absenceDetectionMinutes(lowAlarm.query) * MINUTE;
    const low = JSON.parse(readFixture("alarm-low-requests.json"));
    low.alarmMetaData[0].id = lowAlarm.id;
    low.alarmMetaData[0].query = lowAlarm.query;
    let floorAt: number | undefined;
    for (let time = stopped + pending * MINUTE, first = true; time < detectionEnds; time += repeat * MINUTE) {
      at(time);
      if (!emulator.getAlarm(lowAlarm.id) || emulator.getAlarm(lowAlarm.id)?.lifecycleState === "DELETED") break;
      const message = {
        ...low,
        type: first ? "OK_TO_FIRING" : "REPEAT",
        timestampEpochMillis: time,
        dedupeKey: `idle-${time}`,
      };
      first = false;
      markStreamsFiring(emulator, message);
      const result = (await fn.send(message)).results[0];
      if (result?.to === 1 && result.outcome === "updated") floorAt = time;
    }

    at(detectionEnds);
    expect(deploymentState(emulator, DEPLOYMENT).instances).toBe(1);
    expect(floorAt).toBeDefined();
    // From 10 instances, nine one-instance steps: each waits for the update to land and the cooldown to pass.
    expect(((floorAt as number) - stopped) / MINUTE).toBeGreaterThan(9 * UPDATE_MINUTES);
  });
});
