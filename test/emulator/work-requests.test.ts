/** GetWorkRequest and ListWorkRequests as the Data Science API serves them, driven by the real SDK. */
import * as common from "oci-common";
import { type models, requests } from "oci-datascience";
import { describe, expect, it } from "vitest";
import { rejection, useEmulator } from "../../emulator/fixture";

const MINUTE = 60_000;
const START = Date.parse("2026-03-01T10:00:00.000Z");
let now = START;
const suite = useEmulator({ clock: () => now, updateDelayMs: 8 * MINUTE });
let compartmentCounter = 0;
const freshCompartment = () => `ocid1.compartment.oc1..workrequests${++compartmentCounter}`;

function scaleTo(modelId: string, instanceCount: number): models.UpdateModelDeploymentDetails {
  return {
    modelDeploymentConfigurationDetails: {
      deploymentType: "SINGLE_MODEL",
      modelConfigurationDetails: { modelId, scalingPolicy: { policyType: "FIXED_SIZE", instanceCount } },
    } as models.UpdateSingleModelDeploymentConfigurationDetails,
  };
}

async function scale(deploymentId: string, instanceCount: number): Promise<string> {
  const modelId = suite.emulator.getDeployment(deploymentId)?.deployment.modelDeploymentConfigurationDetails
    .modelConfigurationDetails as { modelId: string };
  const res = await suite.ds().updateModelDeployment({
    modelDeploymentId: deploymentId,
    updateModelDeploymentDetails: scaleTo(modelId.modelId, instanceCount),
  });
  return res.opcWorkRequestId;
}

describe("GetWorkRequest", () => {
  it("serves the update's work request: IN_PROGRESS on the deployment, then SUCCEEDED and UPDATED", async () => {
    now = START;
    const compartmentId = freshCompartment();
    const d = suite.emulator.seedDeployment({ compartmentId });
    const id = await scale(d.id, 2);
    const running = await suite.ds().getWorkRequest({ workRequestId: id });
    expect(running.opcRequestId).toBeTruthy();
    expect(running.workRequest).toEqual({
      id,
      operationType: "MODEL_DEPLOYMENT_UPDATE",
      status: "IN_PROGRESS",
      compartmentId,
      percentComplete: 0,
      resources: [
        {
          entityType: "model-deployment",
          actionType: "IN_PROGRESS",
          identifier: d.id,
          entityUri: `/20190101/modelDeployments/${d.id}`,
        },
      ],
      timeAccepted: "2026-03-01T10:00:00.000Z",
      timeStarted: "2026-03-01T10:00:00.000Z",
    });
    now += 8 * MINUTE;
    const done = await suite.ds().getWorkRequest({ workRequestId: id });
    expect(done.workRequest).toMatchObject({
      status: "SUCCEEDED",
      percentComplete: 100,
      resources: [{ actionType: "UPDATED", identifier: d.id }],
      timeFinished: "2026-03-01T10:08:00.000Z",
    });
  });

  it("404 NotAuthorizedOrNotFound for an unknown work request", async () => {
    const error = await rejection(
      suite.ds().getWorkRequest({ workRequestId: "ocid1.datascienceworkrequest.oc1..nope" }),
    );
    expect(error).toBeInstanceOf(common.OciError);
    expect(error).toMatchObject({ statusCode: 404, serviceCode: "NotAuthorizedOrNotFound" });
  });

  it("a state set behind the API abandons the pending update's work request and creates none", async () => {
    now = START;
    const d = suite.emulator.seedDeployment({ compartmentId: freshCompartment() });
    const id = await scale(d.id, 2);
    now += MINUTE;
    suite.emulator.setDeploymentState(d.id, "FAILED");
    suite.emulator.setDeploymentState(d.id, "ACTIVE");
    const mine = suite.emulator.workRequests().filter((w) => w.resources.some((r) => r.identifier === d.id));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ id, status: "FAILED", timeFinished: "2026-03-01T10:01:00.000Z" });
  });
});

describe("ListWorkRequests", () => {
  it("filters by compartmentId, resourceId, status, operationType and id; newest first by default", async () => {
    now = START;
    const compartmentId = freshCompartment();
    const a = suite.emulator.seedDeployment({ compartmentId });
    const b = suite.emulator.seedDeployment({ compartmentId });
    suite.emulator.seedDeployment({ compartmentId: freshCompartment() });
    const person = suite.emulator.seedWorkRequest({
      modelDeploymentId: a.id,
      timeAccepted: START - 60 * MINUTE,
      timeFinished: START - 50 * MINUTE,
    });
    const first = await scale(a.id, 2);
    now += 10 * MINUTE;
    const second = await scale(b.id, 3);
    const client = suite.ds();
    const ids = async (request: Partial<requests.ListWorkRequestsRequest>) =>
      (await client.listWorkRequests({ compartmentId, ...request })).items.map((w) => w.id);

    expect(await ids({})).toEqual([second, first, person.id]);
    expect(await ids({ sortOrder: requests.ListWorkRequestsRequest.SortOrder.Asc })).toEqual([
      person.id,
      first,
      second,
    ]);
    expect(await ids({ resourceId: a.id })).toEqual([first, person.id]);
    expect(await ids({ status: requests.ListWorkRequestsRequest.Status.InProgress })).toEqual([second]);
    expect(await ids({ status: requests.ListWorkRequestsRequest.Status.Succeeded })).toEqual([first, person.id]);
    expect(await ids({ operationType: requests.ListWorkRequestsRequest.OperationType.ModelDeploymentUpdate })).toEqual([
      second,
      first,
      person.id,
    ]);
    expect(await ids({ operationType: requests.ListWorkRequestsRequest.OperationType.ModelDeploymentCreate })).toEqual(
      [],
    );
    expect(await ids({ id: first })).toEqual([first]);
    expect(await ids({ compartmentId: freshCompartment() })).toEqual([]);
    const query = suite.emulator.requests.at(-1)?.query;
    expect(Object.keys(query ?? {})).toEqual(["compartmentId"]);
  });

  it("pages with limit and opc-next-page; the SDK's record iterator walks every page", async () => {
    now = START;
    const compartmentId = freshCompartment();
    const d = suite.emulator.seedDeployment({ compartmentId });
    for (let i = 1; i <= 5; i++) {
      suite.emulator.seedWorkRequest({ modelDeploymentId: d.id, timeAccepted: START - i * MINUTE });
    }
    const client = suite.ds();
    const page1 = await client.listWorkRequests({ compartmentId, limit: 2 });
    expect(page1.items).toHaveLength(2);
    expect(page1.opcNextPage).toBeTruthy();
    const page2 = await client.listWorkRequests({ compartmentId, limit: 2, page: page1.opcNextPage });
    expect(page2.items.map((w) => w.timeAccepted)).toEqual(["2026-03-01T09:57:00.000Z", "2026-03-01T09:56:00.000Z"]);
    const all: models.WorkRequestSummary[] = [];
    for await (const w of client.listWorkRequestsRecordIterator({ compartmentId, limit: 2 })) all.push(w);
    expect(all).toHaveLength(5);
  });

  it("400 InvalidParameter without compartmentId, for a limit over 100, an unknown status or sortBy", async () => {
    const compartmentId = freshCompartment();
    const bad = [
      "/20190101/workRequests",
      `/20190101/workRequests?compartmentId=${compartmentId}&limit=101`,
      `/20190101/workRequests?compartmentId=${compartmentId}&status=DONE`,
      `/20190101/workRequests?compartmentId=${compartmentId}&sortBy=timeFinished`,
      `/20190101/workRequests?compartmentId=${compartmentId}&page=garbage`,
    ];
    for (const path of bad) {
      const res = await suite.signedFetch("GET", path);
      expect(res.status, path).toBe(400);
      expect(await res.json()).toMatchObject({ code: "InvalidParameter" });
    }
  });
});

describe("seedWorkRequest", () => {
  it("records a person's finished update and a still running one, in the deployment's compartment", async () => {
    const compartmentId = freshCompartment();
    const d = suite.emulator.seedDeployment({ compartmentId });
    const finished = suite.emulator.seedWorkRequest({
      modelDeploymentId: d.id,
      timeAccepted: START,
      timeStarted: START + MINUTE,
      timeFinished: START + 9 * MINUTE,
    });
    expect(finished).toMatchObject({
      compartmentId,
      status: "SUCCEEDED",
      percentComplete: 100,
      resources: [{ actionType: "UPDATED", identifier: d.id }],
      timeStarted: "2026-03-01T10:01:00.000Z",
      timeFinished: "2026-03-01T10:09:00.000Z",
    });
    const running = suite.emulator.seedWorkRequest({
      modelDeploymentId: d.id,
      status: "IN_PROGRESS",
      timeAccepted: START,
      percentComplete: 40,
    });
    const served = await suite.ds().getWorkRequest({ workRequestId: running.id });
    expect(served.workRequest).toMatchObject({
      status: "IN_PROGRESS",
      percentComplete: 40,
      resources: [{ actionType: "IN_PROGRESS" }],
    });
    expect(served.workRequest.timeFinished).toBeUndefined();
    expect(suite.emulator.getDeployment(d.id)?.deployment.lifecycleState).toBe("ACTIVE");
  });
});
