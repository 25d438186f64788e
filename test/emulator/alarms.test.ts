/** The emulator's Monitoring alarm API, driven by the real OCI SDK. */
import * as common from "oci-common";
import { MonitoringClient, models, requests } from "oci-monitoring";
import { describe, expect, it } from "vitest";
import { rejection, useEmulator } from "../../emulator/fixture";
import { testClientConfiguration } from "../../emulator/sdk-clients";
import { startEmulator } from "../../emulator/server";

const suite = useEmulator();
let compartmentCounter = 0;
const freshCompartment = () => `ocid1.compartment.oc1..alarms${++compartmentCounter}`;

function alarmDetails(compartmentId: string, displayName: string): models.CreateAlarmDetails {
  return {
    displayName,
    compartmentId,
    metricCompartmentId: compartmentId,
    namespace: "oci_datascience_modeldeploy",
    query: 'CpuUtilization[5m]{resourceId = "ocid1.datasciencemodeldeployment.oc1.iad.x"}.mean() > 80',
    severity: "CRITICAL",
    destinations: ["ocid1.onstopic.oc1.iad.topic"],
    isEnabled: true,
    body: "scale up",
    pendingDuration: "PT5M",
    messageFormat: models.CreateAlarmDetails.MessageFormat.Raw,
    freeformTags: { autoscale: "up" },
  };
}

describe("alarms", () => {
  it("create, get and delete; a deleted alarm stays readable as DELETED", async () => {
    const client = suite.mon();
    const compartmentId = freshCompartment();
    const created = await client.createAlarm({ createAlarmDetails: alarmDetails(compartmentId, "md-scale-up") });
    expect(created.etag).toBeTruthy();
    expect(created.alarm).toMatchObject({
      id: expect.stringMatching(/^ocid1\.alarm\.oc1\.iad\./),
      lifecycleState: "ACTIVE",
      body: "scale up",
      pendingDuration: "PT5M",
      messageFormat: "RAW",
      isNotificationsPerMetricDimensionEnabled: false,
      freeformTags: { autoscale: "up" },
    });
    expect(typeof created.alarm.timeCreated).toBe("string"); // the SDK leaves timestamps as strings at run time
    const got = await client.getAlarm({ alarmId: created.alarm.id });
    expect(got.alarm).toEqual(created.alarm);
    await client.deleteAlarm({ alarmId: created.alarm.id });
    expect((await client.getAlarm({ alarmId: created.alarm.id })).alarm.lifecycleState).toBe("DELETED");
    expect(await rejection(client.deleteAlarm({ alarmId: created.alarm.id }))).toMatchObject({ statusCode: 404 });
    expect(suite.emulator.alarms().map((a) => a.id)).not.toContain(created.alarm.id);
    expect(suite.emulator.alarms({ includeDeleted: true }).map((a) => a.id)).toContain(created.alarm.id);
  });

  it("400 InvalidParameter when a required field is missing", async () => {
    const details = { ...alarmDetails(freshCompartment(), "bad"), destinations: [] };
    const error = await rejection(suite.mon().createAlarm({ createAlarmDetails: details }));
    expect(error).toBeInstanceOf(common.OciError);
    expect(error).toMatchObject({ statusCode: 400, serviceCode: "InvalidParameter" });
    expect(suite.emulator.writes().map((w) => w.status)).toEqual([400]);
  });

  it("a repeated opc-retry-token returns the first alarm", async () => {
    const details = alarmDetails(freshCompartment(), "idempotent");
    const first = await suite.mon().createAlarm({ createAlarmDetails: details, opcRetryToken: "token-1" });
    const second = await suite.mon().createAlarm({ createAlarmDetails: details, opcRetryToken: "token-1" });
    expect(second.alarm.id).toBe(first.alarm.id);
  });

  it("404 for an unknown alarm", async () => {
    const error = await rejection(suite.mon().getAlarm({ alarmId: "ocid1.alarm.oc1.iad.unknown" }));
    expect(error).toMatchObject({ statusCode: 404, serviceCode: "NotAuthorizedOrNotFound" });
  });

  it("lists by compartment and exact display name; without lifecycleState only ACTIVE alarms", async () => {
    const compartmentId = freshCompartment();
    const name = "md scale-up & more {x}";
    const keep = suite.emulator.seedAlarm({ compartmentId, displayName: name, query: "q1" });
    const gone = suite.emulator.seedAlarm({ compartmentId, displayName: name, query: "q2", lifecycleState: "DELETED" });
    suite.emulator.seedAlarm({ compartmentId, displayName: "other", query: "q3" });
    suite.emulator.seedAlarm({ compartmentId: freshCompartment(), displayName: name, query: "q4" });
    const client = suite.mon();
    const displayName = encodeURIComponent(name); // the SDK does not encode query values
    const active = await client.listAlarms({ compartmentId, displayName });
    expect(active.items.map((a) => a.id)).toEqual([keep.id]);
    expect(active.items[0]).not.toHaveProperty("body");
    expect(active.opcNextPage).toBeUndefined();
    const deleted = await client.listAlarms({
      compartmentId,
      displayName,
      lifecycleState: models.Alarm.LifecycleState.Deleted,
    });
    expect(deleted.items.map((a) => a.id)).toEqual([gone.id]);
    expect(suite.emulator.requests[0]?.query).toMatchObject({ compartmentId, displayName: name });
  });

  it("an unencoded '{' in a query value breaks the SDK's own signature (it signs url.parse's escaped path)", async () => {
    const error = await rejection(suite.mon().listAlarms({ compartmentId: freshCompartment(), displayName: "a{b}" }));
    expect(error).toMatchObject({ statusCode: 401, serviceCode: "NotAuthenticated" });
  });

  it("400 for a missing compartmentId or malformed percent-encoding", async () => {
    const client = suite.mon();
    expect(await rejection(client.listAlarms({ compartmentId: "" }))).toMatchObject({ statusCode: 400 });
    expect(await rejection(client.listAlarms({ compartmentId: "c", displayName: "%E0%A4%A" }))).toMatchObject({
      statusCode: 400,
    });
  });

  it("pages with opc-next-page; listAlarmsRecordIterator yields every alarm", async () => {
    const emulator = await startEmulator({ publicKeyPem: suite.auth.publicKeyPem, pageSize: 2 });
    try {
      const compartmentId = freshCompartment();
      const ids = [1, 2, 3, 4, 5].map(
        (i) => emulator.seedAlarm({ compartmentId, displayName: `alarm-${i}`, query: `q${i}` }).id,
      );
      const client = new MonitoringClient({ authenticationDetailsProvider: suite.provider }, testClientConfiguration());
      client.endpoint = emulator.url;
      const first = await client.listAlarms({ compartmentId });
      expect(first.items).toHaveLength(2);
      expect(first.opcNextPage).toBeTruthy();
      emulator.clearRequests();
      const seen: string[] = [];
      for await (const alarm of client.listAlarmsRecordIterator({ compartmentId })) seen.push(alarm.id);
      expect(seen).toEqual(ids);
      expect(emulator.requests.map((r) => r.query.page === undefined)).toEqual([true, false, false]);
      const { SortBy, SortOrder } = requests.ListAlarmsRequest;
      const sorted = await client.listAlarms({
        compartmentId,
        limit: 10,
        sortBy: SortBy.DisplayName,
        sortOrder: SortOrder.Desc,
      });
      expect(sorted.items.map((a) => a.displayName)).toEqual(["alarm-5", "alarm-4", "alarm-3", "alarm-2", "alarm-1"]);
    } finally {
      await emulator.close();
    }
  });
});
