import { afterEach, describe, expect, it } from "vitest";
import { seedFromAlarmMessage } from "../../emulator/seed-from-alarm";
import { type Harness, readFixture, startHarness } from "./harness";

/** The v1.5 fixture (3 → 5 on its 92.31 %) with one field changed. */
function fixtureWith(edit: (message: Record<string, unknown>, entry: Record<string, unknown>) => void): string {
  const message = JSON.parse(readFixture("alarm-v1.5-metric-values.json"));
  edit(message, message.alarmMetaData[0]);
  return JSON.stringify(message);
}

const KEY = Object.keys(JSON.parse(readFixture("alarm-v1.5-metric-values.json")).alarmMetaData[0].metricValues[0])[0];

describe("an odd advisory field never rejects a real alarm, through the bundled function", () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.stop();
    harness = undefined;
  });

  it.each([
    // ceil(3 × 92.31 / 60) = 5, as with the value written as a string.
    { name: "a numeric metricValues value is read as the number", metricValues: [{ [KEY as string]: 92.31 }], to: 5 },
    { name: "a null metricValues value is dropped: one step", metricValues: [{ [KEY as string]: null }], to: 4 },
    { name: "an entry that is not an object is read as empty: one step", metricValues: ["92.31"], to: 4 },
    { name: "a metricValues that is not a list is ignored: one step", metricValues: "92.31", to: 4 },
  ])("$name", async ({ metricValues, to }) => {
    harness = await startHarness({}, { updateDelayMs: null });
    const text = fixtureWith((_message, entry) => {
      entry.metricValues = metricValues;
    });
    seedFromAlarmMessage(harness.emulator, text, { deployment: { instanceCount: 3 } });
    const response = await harness.fn.call(text);

    expect(response.body).toMatchObject({
      status: "ok",
      results: [{ action: "instance-up", outcome: "updated", from: 3, to }],
    });
  });

  it("routes a title longer than 255 characters by the alarm's display name, echoing it cut short", async () => {
    harness = await startHarness({}, { updateDelayMs: null });
    const title = `CRITICAL alarm triggered at 2022-07-08T22:45:00Z for ${"ocid1.datasciencemodeldeployment ".repeat(10)}`;
    const text = fixtureWith((message) => {
      message.title = title;
    });
    seedFromAlarmMessage(harness.emulator, text, {
      deployment: { instanceCount: 3 },
      alarmDisplayName: "model_deployment_high_cpu",
    });
    const response = await harness.fn.call(text);

    expect(title.length).toBeGreaterThan(255);
    expect(response.body).toMatchObject({
      status: "ok",
      title: `${title.slice(0, 255)}…`,
      routedByAlarmName: "model_deployment_high_cpu",
      results: [{ action: "instance-up", outcome: "updated", from: 3, to: 5 }],
    });
  });
});
