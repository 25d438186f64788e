/** UpdateAlarm and the full Alarm model from GetAlarm, driven by the real OCI SDK. */
import { models } from "oci-monitoring";
import { describe, expect, it } from "vitest";
import { rejection, useEmulator } from "../../emulator/fixture";

let now = Date.parse("2026-03-01T10:00:00Z");
const suite = useEmulator({ clock: () => now });

function createDetails(overrides: Partial<models.CreateAlarmDetails> = {}): models.CreateAlarmDetails {
  return {
    displayName: "md-scale-up",
    compartmentId: "ocid1.compartment.oc1..update",
    metricCompartmentId: "ocid1.compartment.oc1..update",
    namespace: "oci_datascience_modeldeploy",
    query: "CpuUtilization[1m].mean() > 80",
    severity: "CRITICAL",
    destinations: ["ocid1.onstopic.oc1.iad.topic"],
    isEnabled: true,
    ...overrides,
  };
}

describe("GetAlarm", () => {
  it("returns every CreateAlarmDetails field it was created with, isEnabled false included", async () => {
    const client = suite.mon();
    const details = createDetails({
      isEnabled: false,
      resolution: "1m",
      pendingDuration: "PT3M",
      body: "scale the deployment",
      isNotificationsPerMetricDimensionEnabled: true,
      messageFormat: models.CreateAlarmDetails.MessageFormat.PrettyJson,
      repeatNotificationDuration: "PT30M",
      freeformTags: { autoscale: "up" },
      definedTags: { ops: { team: "ml" } },
      overrides: [{ ruleName: "night", query: "CpuUtilization[1m].mean() > 95", severity: "WARNING" }],
      ruleName: "BASE",
      notificationVersion: "1.X",
      notificationTitle: "{{severity}} on {{dimensions.resourceId}}",
      evaluationSlackDuration: "PT3M",
      alarmSummary: "CPU high",
    });
    const { alarm } = await client.createAlarm({ createAlarmDetails: details });
    const got = await client.getAlarm({ alarmId: alarm.id });
    const { overrides, ...scalarFields } = details;
    expect(got.alarm).toMatchObject({ ...scalarFields, isEnabled: false, lifecycleState: "ACTIVE" });
    expect(got.alarm.overrides).toEqual(overrides);
  });

  it("keeps only fields of the CreateAlarmDetails model", async () => {
    const details = { ...createDetails(), bogusField: "x", lifecycleState: "DELETED" } as models.CreateAlarmDetails;
    const { alarm } = await suite.mon().createAlarm({ createAlarmDetails: details });
    expect(alarm).not.toHaveProperty("bogusField");
    expect(alarm.lifecycleState).toBe("ACTIVE");
  });
});

describe("UpdateAlarm", () => {
  it("replaces the given fields, keeps the others, and answers the Alarm with a new etag and timeUpdated", async () => {
    const client = suite.mon();
    const created = await client.createAlarm({ createAlarmDetails: createDetails({ body: "old" }) });
    now += 60_000;
    const updated = await client.updateAlarm({
      alarmId: created.alarm.id,
      updateAlarmDetails: { isEnabled: false, query: "CpuUtilization[5m].max() > 90", freeformTags: { a: "b" } },
      ifMatch: created.etag,
    });
    expect(updated.etag).toBeTruthy();
    expect(updated.etag).not.toBe(created.etag);
    expect(updated.alarm).toMatchObject({
      id: created.alarm.id,
      isEnabled: false,
      query: "CpuUtilization[5m].max() > 90",
      freeformTags: { a: "b" },
      body: "old",
      displayName: "md-scale-up",
      timeCreated: "2026-03-01T10:00:00.000Z",
      timeUpdated: "2026-03-01T10:01:00.000Z",
    });
    const got = await client.getAlarm({ alarmId: created.alarm.id });
    expect(got.alarm).toEqual(updated.alarm);
    expect(got.etag).toBe(updated.etag);
    expect(suite.emulator.writes()[1]).toMatchObject({ method: "PUT", headers: { "if-match": created.etag } });
  });

  it("412 NoEtagMatch on a stale If-Match, and nothing changes", async () => {
    const client = suite.mon();
    const created = await client.createAlarm({ createAlarmDetails: createDetails() });
    await client.updateAlarm({ alarmId: created.alarm.id, updateAlarmDetails: { severity: "WARNING" } });
    const error = await rejection(
      client.updateAlarm({
        alarmId: created.alarm.id,
        updateAlarmDetails: { severity: "INFO" },
        ifMatch: created.etag,
      }),
    );
    expect(error).toMatchObject({ statusCode: 412, serviceCode: "NoEtagMatch" });
    expect(suite.emulator.getAlarm(created.alarm.id)?.severity).toBe("WARNING");
  });

  it("400 for invalid given fields, as on create", async () => {
    const client = suite.mon();
    const { alarm } = await client.createAlarm({ createAlarmDetails: createDetails() });
    const invalid: models.UpdateAlarmDetails[] = [
      { displayName: "" },
      { severity: "LOUD" },
      { destinations: [] },
      { messageFormat: "HTML" as models.UpdateAlarmDetails.MessageFormat },
      { isEnabled: "yes" as unknown as boolean },
    ];
    for (const updateAlarmDetails of invalid) {
      const error = await rejection(client.updateAlarm({ alarmId: alarm.id, updateAlarmDetails }));
      expect(error).toMatchObject({ statusCode: 400, serviceCode: "InvalidParameter" });
    }
    expect(suite.emulator.getAlarm(alarm.id)).toEqual(alarm);
  });

  it("404 for an unknown or deleted alarm", async () => {
    const client = suite.mon();
    const { alarm } = await client.createAlarm({ createAlarmDetails: createDetails() });
    await client.deleteAlarm({ alarmId: alarm.id });
    for (const alarmId of [alarm.id, "ocid1.alarm.oc1.iad.unknown"]) {
      const error = await rejection(client.updateAlarm({ alarmId, updateAlarmDetails: { isEnabled: true } }));
      expect(error).toMatchObject({ statusCode: 404, serviceCode: "NotAuthorizedOrNotFound" });
    }
  });
});
