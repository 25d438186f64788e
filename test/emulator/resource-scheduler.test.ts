/** Resource Scheduler schedules through the real ScheduleClient (oci-resourcescheduler). */
import { models, requests } from "oci-resourcescheduler";
import { describe, expect, it } from "vitest";
import { rejection, useEmulator } from "../../emulator/fixture";
import { resourceSchedulerClient } from "../../emulator/sdk-clients";

const suite = useEmulator({ pageSize: 2, clock: () => Date.parse("2026-03-01T12:00:00Z") });
const client = () => resourceSchedulerClient(suite.emulator.url, suite.provider);
let counter = 0;
const freshCompartment = () => `ocid1.compartment.oc1..schedules${++counter}`;
const unknownId = "ocid1.resourceschedule.oc1.iad.nothere";

function seedFunction(compartmentId: string): string {
  const app = suite.emulator.seedApplication({ compartmentId, displayName: `app-${counter}` });
  return suite.emulator.seedFunction({ applicationId: app.id, displayName: "autoscale" }).id;
}

/** A schedule that invokes one function every 5 minutes with a body, as issue 20's setup creates it. */
function invokeDetails(compartmentId: string, functionId: string, body: object): models.CreateScheduleDetails {
  return {
    compartmentId,
    displayName: "md-autoscale-forecast",
    action: models.CreateScheduleDetails.Action.StartResource,
    recurrenceType: models.CreateScheduleDetails.RecurrenceType.Cron,
    recurrenceDetails: "*/5 * * * *",
    localTimeZone: "Europe/Paris",
    resources: [{ id: functionId, parameters: [{ parameterType: "BODY", value: body } as models.BodyParameter] }],
    freeformTags: { "model-deployment-autoscale": "setup" },
  };
}

const forecastBody = (scheduleId: string) => ({
  kind: "model-deployment-autoscale/forecast",
  version: 1,
  scheduleId,
  deploymentIds: ["ocid1.datasciencemodeldeployment.oc1.iad.a"],
});

describe("schedules", () => {
  it("create, deactivate, write the body, activate, delete; each change checks the if-match", async () => {
    const compartmentId = freshCompartment();
    const functionId = seedFunction(compartmentId);
    const created = await client().createSchedule({
      createScheduleDetails: invokeDetails(compartmentId, functionId, forecastBody("")),
    });
    const { schedule } = created;
    expect(schedule).toMatchObject({
      id: expect.stringMatching(/^ocid1\.resourceschedule\.oc1\.iad\./),
      compartmentId,
      displayName: "md-autoscale-forecast",
      action: "START_RESOURCE",
      recurrenceType: "CRON",
      recurrenceDetails: "*/5 * * * *",
      localTimeZone: "Europe/Paris",
      // CreateScheduleDetails has no state: a new schedule is ACTIVE.
      lifecycleState: "ACTIVE",
      resources: [{ id: functionId, parameters: [{ parameterType: "BODY", value: forecastBody("") }] }],
      freeformTags: { "model-deployment-autoscale": "setup" },
    });
    expect(created.etag).toBeTruthy();
    expect(created.opcWorkRequestId).toBeTruthy();
    expect(created.location).toBe(`/20240430/schedules/${schedule.id}`);
    const scheduleId = schedule.id;

    const idle = await client().deactivateSchedule({ scheduleId, ifMatch: created.etag });
    expect(idle.schedule.lifecycleState).toBe("INACTIVE");
    expect(idle.etag).not.toBe(created.etag);

    const resources = [{ id: functionId, parameters: [{ parameterType: "BODY", value: forecastBody(scheduleId) }] }];
    const stale = await rejection(
      client().updateSchedule({ scheduleId, ifMatch: created.etag, updateScheduleDetails: { resources } }),
    );
    expect(stale).toMatchObject({ statusCode: 412, serviceCode: "NoEtagMatch" });
    const updated = await client().updateSchedule({
      scheduleId,
      ifMatch: idle.etag,
      updateScheduleDetails: { resources },
    });
    expect(updated.opcWorkRequestId).toBeTruthy();
    const got = await client().getSchedule({ scheduleId });
    expect(got.schedule.resources).toEqual(resources);
    expect(got.schedule.lifecycleState).toBe("INACTIVE");
    expect(got.etag).not.toBe(idle.etag);

    expect(await rejection(client().activateSchedule({ scheduleId, ifMatch: idle.etag }))).toMatchObject({
      statusCode: 412,
    });
    const active = await client().activateSchedule({ scheduleId, ifMatch: got.etag });
    expect(active.schedule.lifecycleState).toBe("ACTIVE");
    expect((await client().getSchedule({ scheduleId })).etag).toBe(active.etag);

    expect(await rejection(client().deleteSchedule({ scheduleId, ifMatch: got.etag }))).toMatchObject({
      statusCode: 412,
    });
    await client().deleteSchedule({ scheduleId, ifMatch: active.etag });
    expect(await rejection(client().getSchedule({ scheduleId }))).toMatchObject({
      statusCode: 404,
      serviceCode: "NotAuthorizedOrNotFound",
    });
    expect(suite.emulator.schedules().some((s) => s.id === scheduleId)).toBe(false);
  });

  it("activating an active schedule answers it unchanged; a FAILED one answers 409", async () => {
    const seeded = suite.emulator.seedSchedule({
      compartmentId: freshCompartment(),
      recurrenceDetails: "0 * * * *",
      resources: [{ id: "ocid1.fnfunc.oc1.iad.f" }],
    });
    const before = await client().getSchedule({ scheduleId: seeded.id });
    const again = await client().activateSchedule({ scheduleId: seeded.id });
    expect(again.etag).toBe(before.etag);
    suite.emulator.setScheduleState(seeded.id, "FAILED");
    expect(await rejection(client().activateSchedule({ scheduleId: seeded.id }))).toMatchObject({
      statusCode: 409,
      serviceCode: "IncorrectState",
    });
  });

  it("a repeated opc-retry-token answers the first schedule", async () => {
    const compartmentId = freshCompartment();
    const createScheduleDetails = invokeDetails(compartmentId, seedFunction(compartmentId), { n: 1 });
    const first = await client().createSchedule({ createScheduleDetails, opcRetryToken: "schedule-token" });
    const again = await client().createSchedule({ createScheduleDetails, opcRetryToken: "schedule-token" });
    expect(again.schedule.id).toBe(first.schedule.id);
    expect(suite.emulator.schedules().filter((s) => s.compartmentId === compartmentId)).toHaveLength(1);
  });

  it("the work requests of a create and an update are SUCCEEDED at once", async () => {
    const compartmentId = freshCompartment();
    const created = await client().createSchedule({
      createScheduleDetails: invokeDetails(compartmentId, seedFunction(compartmentId), {}),
    });
    const scheduleId = created.schedule.id;
    const updated = await client().updateSchedule({ scheduleId, updateScheduleDetails: { description: "forecast" } });
    for (const [workRequestId, operationType, actionType] of [
      [created.opcWorkRequestId, "CREATE_SCHEDULE", "CREATED"],
      [updated.opcWorkRequestId, "UPDATE_SCHEDULE", "UPDATED"],
    ]) {
      const { workRequest } = await client().getWorkRequest({ workRequestId: String(workRequestId) });
      expect(workRequest).toMatchObject({
        operationType,
        status: "SUCCEEDED",
        compartmentId,
        percentComplete: 100,
        resources: [{ actionType, identifier: scheduleId }],
      });
    }
    expect(await rejection(client().getWorkRequest({ workRequestId: "ocid1.nothere" }))).toMatchObject({
      statusCode: 404,
    });
  });

  it("404 for an unknown schedule on every operation", async () => {
    const scheduleId = unknownId;
    for (const call of [
      () => client().getSchedule({ scheduleId }),
      () => client().updateSchedule({ scheduleId, updateScheduleDetails: { displayName: "x" } }),
      () => client().activateSchedule({ scheduleId }),
      () => client().deactivateSchedule({ scheduleId }),
      () => client().deleteSchedule({ scheduleId }),
    ])
      expect(await rejection(call())).toMatchObject({ statusCode: 404, serviceCode: "NotAuthorizedOrNotFound" });
  });

  it("400 for details the models refuse", async () => {
    const compartmentId = freshCompartment();
    const valid = invokeDetails(compartmentId, seedFunction(compartmentId), {});
    for (const createScheduleDetails of [
      { ...valid, resources: [] },
      { ...valid, localTimeZone: "Mars/Olympus" },
      { ...valid, resources: [{ id: "f", parameters: [{ parameterType: "COOKIE" }] }] },
      { ...valid, timeStarts: new Date("2026-03-02"), timeEnds: new Date("2026-03-01") },
    ])
      expect(await rejection(client().createSchedule({ createScheduleDetails }))).toMatchObject({
        statusCode: 400,
        serviceCode: "InvalidParameter",
      });
  });
});

describe("ListSchedules", () => {
  it("pages, filters by name, state (any case), schedule and resource, and needs a compartment or a schedule", async () => {
    const compartmentId = freshCompartment();
    const seed = (displayName: string, functionId: string) =>
      suite.emulator.seedSchedule({
        compartmentId,
        displayName,
        recurrenceDetails: "0 * * * *",
        resources: [{ id: functionId }],
      });
    const a = seed("a", "ocid1.fnfunc.oc1.iad.one");
    const b = seed("b", "ocid1.fnfunc.oc1.iad.two");
    const c = seed("c", "ocid1.fnfunc.oc1.iad.one");
    suite.emulator.setScheduleState(b.id, "INACTIVE");

    const first = await client().listSchedules({
      compartmentId,
      sortBy: requests.ListSchedulesRequest.SortBy.DisplayName,
    });
    expect(first.scheduleCollection.items.map((s) => s.displayName)).toEqual(["a", "b"]);
    expect(first.opcNextPage).toBeTruthy();
    const second = await client().listSchedules({
      compartmentId,
      sortBy: requests.ListSchedulesRequest.SortBy.DisplayName,
      page: first.opcNextPage,
    });
    expect(second.scheduleCollection.items.map((s) => s.displayName)).toEqual(["c"]);
    expect(second.opcNextPage).toBeUndefined();

    const ids = async (request: Parameters<ReturnType<typeof client>["listSchedules"]>[0]) =>
      (await client().listSchedules(request)).scheduleCollection.items.map((s) => s.id);
    expect(await ids({ compartmentId, displayName: "b" })).toEqual([b.id]);
    expect(await ids({ compartmentId, lifecycleState: "inactive" })).toEqual([b.id]);
    expect(await ids({ scheduleId: c.id })).toEqual([c.id]);
    // ListSchedulesRequest.resourceId is not documented on the request, only sent: the schedules naming it.
    expect(await ids({ compartmentId, resourceId: "ocid1.fnfunc.oc1.iad.one", limit: 10 })).toEqual([c.id, a.id]);
    expect(await rejection(client().listSchedules({}))).toMatchObject({ statusCode: 400 });
  });
});
