/** RetrieveDimensionStates and the emulator's stream-state API, driven by the real OCI SDK. */
import { describe, expect, it } from "vitest";
import { rejection, useEmulator } from "../../emulator/fixture";

const suite = useEmulator({ clock: () => Date.parse("2026-03-01T10:00:00Z") });
const deployment = "ocid1.datasciencemodeldeployment.oc1.iad.md1";

function seedAlarm() {
  return suite.emulator.seedAlarm({
    compartmentId: "ocid1.compartment.oc1..states",
    displayName: "md-scale-up",
    query: "CpuUtilization[1m].mean() > 80",
  });
}

describe("RetrieveDimensionStates", () => {
  it("a new alarm has no stream states", async () => {
    const alarm = seedAlarm();
    const { alarmDimensionStatesCollection } = await suite.mon().retrieveDimensionStates({ alarmId: alarm.id });
    expect(alarmDimensionStatesCollection).toEqual({
      alarmId: alarm.id,
      isEnabled: true,
      isNotificationsPerMetricDimensionEnabled: false,
      items: [],
    });
    expect(suite.emulator.alarmStreamStates(alarm.id)).toEqual([]);
  });

  it("answers the states set through the emulator, a second set replacing the same dimension set", async () => {
    const alarm = seedAlarm();
    const one = { resourceId: deployment, instanceId: "i1" };
    suite.emulator.setAlarmStreamState(alarm.id, one, "FIRING");
    suite.emulator.setAlarmStreamState(alarm.id, { resourceId: deployment, instanceId: "i2" }, "OK");
    suite.emulator.setAlarmStreamState(alarm.id, { instanceId: "i1", resourceId: deployment }, "OK", {
      ruleName: "night",
      timestamp: new Date("2026-03-01T09:58:00Z"),
      alarmSummary: "back to normal",
    });
    const response = await suite.mon().retrieveDimensionStates({ alarmId: alarm.id });
    expect(response.alarmDimensionStatesCollection.items).toEqual([
      {
        alarmSummary: "back to normal",
        dimensions: one,
        status: "OK",
        ruleName: "night",
        timestamp: "2026-03-01T09:58:00.000Z",
      },
      {
        alarmSummary: "",
        dimensions: { resourceId: deployment, instanceId: "i2" },
        status: "OK",
        ruleName: "BASE",
        timestamp: "2026-03-01T10:00:00.000Z",
      },
    ]);
    expect(suite.emulator.alarmStreamStates(alarm.id)).toEqual(response.alarmDimensionStatesCollection.items);
    expect(response.opcNextPage).toBeUndefined();
  });

  it("dimensionFilters match only the exact set of a stream's dimensions; status filters too", async () => {
    const alarm = seedAlarm();
    const full = { resourceId: deployment, instanceId: "i1" };
    suite.emulator.setAlarmStreamState(alarm.id, full, "FIRING");
    suite.emulator.setAlarmStreamState(alarm.id, { resourceId: deployment }, "OK");
    const client = suite.mon();
    const ask = async (retrieveDimensionStatesDetails: object) =>
      (
        await client.retrieveDimensionStates({ alarmId: alarm.id, retrieveDimensionStatesDetails })
      ).alarmDimensionStatesCollection.items.map((e) => e.dimensions);
    expect(await ask({ dimensionFilters: { instanceId: "i1" } })).toEqual([]);
    expect(await ask({ dimensionFilters: { instanceId: "i1", resourceId: deployment } })).toEqual([full]);
    expect(await ask({ dimensionFilters: { resourceId: deployment } })).toEqual([{ resourceId: deployment }]);
    expect(await ask({ status: "FIRING" })).toEqual([full]);
    expect(await ask({ status: "OK", dimensionFilters: full })).toEqual([]);
    expect(await ask({})).toHaveLength(2);
    expect(suite.emulator.requests.at(-1)).toMatchObject({
      method: "POST",
      path: `/20180401/alarms/${alarm.id}/actions/retrieveDimensionStates`,
    });
  });

  it("pages with limit and opc-next-page", async () => {
    const alarm = seedAlarm();
    for (const instanceId of ["i1", "i2", "i3"]) {
      suite.emulator.setAlarmStreamState(alarm.id, { resourceId: deployment, instanceId }, "FIRING");
    }
    const client = suite.mon();
    const first = await client.retrieveDimensionStates({ alarmId: alarm.id, limit: 2 });
    expect(first.alarmDimensionStatesCollection.items.map((e) => e.dimensions.instanceId)).toEqual(["i1", "i2"]);
    expect(first.opcNextPage).toBeTruthy();
    const second = await client.retrieveDimensionStates({ alarmId: alarm.id, limit: 2, page: first.opcNextPage });
    expect(second.alarmDimensionStatesCollection.items.map((e) => e.dimensions.instanceId)).toEqual(["i3"]);
    expect(second.opcNextPage).toBeUndefined();
    expect(suite.emulator.requests.map((r) => r.query)).toEqual([
      { limit: "2" },
      { limit: "2", page: first.opcNextPage },
    ]);
  });

  it("404 for an unknown alarm, 400 for an unknown status; the emulator API refuses an unknown alarm", async () => {
    const client = suite.mon();
    expect(await rejection(client.retrieveDimensionStates({ alarmId: "ocid1.alarm.oc1.iad.nope" }))).toMatchObject({
      statusCode: 404,
      serviceCode: "NotAuthorizedOrNotFound",
    });
    const alarm = seedAlarm();
    const badStatus = client.retrieveDimensionStates({
      alarmId: alarm.id,
      retrieveDimensionStatesDetails: { status: "PENDING" },
    });
    expect(await rejection(badStatus)).toMatchObject({ statusCode: 400, serviceCode: "InvalidParameter" });
    expect(() => suite.emulator.setAlarmStreamState("ocid1.alarm.oc1.iad.nope", {}, "FIRING")).toThrow(/no alarm/);
  });
});
