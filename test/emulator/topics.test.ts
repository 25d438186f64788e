/** Notifications topics through the real NotificationControlPlaneClient, and PublishMessage's view of them. */
import { requests } from "oci-ons";
import { describe, expect, it } from "vitest";
import { rejection, useEmulator } from "../../emulator/fixture";
import { notificationClient, notificationControlPlaneClient } from "../../emulator/sdk-clients";

const suite = useEmulator({ pageSize: 2, clock: () => Date.parse("2026-03-01T12:00:00Z") });
const control = () => notificationControlPlaneClient(suite.emulator.url, suite.provider);
let counter = 0;
const freshCompartment = () => `ocid1.compartment.oc1..topics${++counter}`;

describe("topics", () => {
  it("create, get and delete; a deleted topic answers 404", async () => {
    const compartmentId = freshCompartment();
    const created = await control().createTopic({
      createTopicDetails: { name: "md-autoscale", compartmentId, freeformTags: { project: "autoscale" } },
    });
    expect(created.etag).toBeTruthy();
    expect(created.notificationTopic).toEqual({
      topicId: expect.stringMatching(/^ocid1\.onstopic\.oc1\.iad\./),
      name: "md-autoscale",
      compartmentId,
      lifecycleState: "ACTIVE",
      timeCreated: "2026-03-01T12:00:00.000Z",
      etag: created.etag,
      apiEndpoint: suite.emulator.url,
      freeformTags: { project: "autoscale" },
      definedTags: {},
    });
    const { topicId } = created.notificationTopic;
    const got = await control().getTopic({ topicId });
    expect(got.notificationTopic).toEqual(created.notificationTopic);
    expect(got.etag).toBe(created.etag);
    await control().deleteTopic({ topicId });
    expect(await rejection(control().getTopic({ topicId }))).toMatchObject({
      statusCode: 404,
      serviceCode: "NotAuthorizedOrNotFound",
    });
    expect(await rejection(control().deleteTopic({ topicId }))).toMatchObject({ statusCode: 404 });
  });

  it("a repeated opc-retry-token returns the first topic; another create of the name answers 409", async () => {
    const createTopicDetails = { name: `retried-${++counter}`, compartmentId: freshCompartment() };
    const first = await control().createTopic({ createTopicDetails, opcRetryToken: "topic-token" });
    const again = await control().createTopic({ createTopicDetails, opcRetryToken: "topic-token" });
    expect(again.notificationTopic.topicId).toBe(first.notificationTopic.topicId);
    expect(await rejection(control().createTopic({ createTopicDetails }))).toMatchObject({
      statusCode: 409,
      serviceCode: "NotAuthorizedOrResourceAlreadyExists",
    });
    expect(suite.emulator.topics().filter((t) => t.name === createTopicDetails.name)).toHaveLength(1);
  });

  it("400 without a name", async () => {
    const error = await rejection(
      control().createTopic({ createTopicDetails: { name: "", compartmentId: freshCompartment() } }),
    );
    expect(error).toMatchObject({ statusCode: 400, serviceCode: "InvalidParameter" });
  });

  it("lists by compartment and exact name, in pages", async () => {
    const compartmentId = freshCompartment();
    for (const name of ["a", "b", "c"]) suite.emulator.seedTopic({ compartmentId, name: `${compartmentId}-${name}` });
    suite.emulator.seedTopic({ compartmentId: freshCompartment(), name: "elsewhere" });
    const first = await control().listTopics({ compartmentId });
    expect(first.items.map((t) => t.name)).toEqual([`${compartmentId}-a`, `${compartmentId}-b`]);
    expect(first.items[0]).toEqual({ ...suite.emulator.topics().find((t) => t.name === `${compartmentId}-a`) });
    expect(first.opcNextPage).toBeTruthy();
    const second = await control().listTopics({ compartmentId, page: first.opcNextPage });
    expect(second.items.map((t) => t.name)).toEqual([`${compartmentId}-c`]);
    expect(second.opcNextPage).toBeUndefined();
    const named = await control().listTopics({ compartmentId, name: `${compartmentId}-b` });
    expect(named.items).toHaveLength(1);
    const active = await control().listTopics({ compartmentId, lifecycleState: "active", limit: 10 });
    expect(active.items).toHaveLength(3);
    const newestFirst = await control().listTopics({
      compartmentId,
      sortBy: requests.ListTopicsRequest.SortBy.Timecreated,
      sortOrder: requests.ListTopicsRequest.SortOrder.Desc,
      limit: 10,
    });
    expect(newestFirst.items.map((t) => t.name).at(-1)).toBe(`${compartmentId}-a`);
  });

  it("400 without compartmentId", async () => {
    const response = await suite.signedFetch("GET", "/20181201/topics");
    expect(response.status).toBe(400);
  });
});

describe("PublishMessage and topics", () => {
  const publish = (topicId: string) =>
    notificationClient(suite.emulator.url, suite.provider).publishMessage({
      topicId,
      messageDetails: { body: "scaled" },
    });

  it("publishes to a created topic and refuses a deleted one", async () => {
    const topic = suite.emulator.seedTopic({ compartmentId: freshCompartment(), name: "publish-here" });
    await publish(topic.topicId);
    expect(suite.emulator.publishedMessages(topic.topicId)).toHaveLength(1);
    await control().deleteTopic({ topicId: topic.topicId });
    expect(await rejection(publish(topic.topicId))).toMatchObject({ statusCode: 404 });
  });

  it("accepts a topic it does not hold unless refusePublishToUnknownTopics", async () => {
    await publish("ocid1.onstopic.oc1.iad.madeup");
    expect(suite.emulator.publishedMessages("ocid1.onstopic.oc1.iad.madeup")).toHaveLength(1);
  });
});

describe("PublishMessage with refusePublishToUnknownTopics", () => {
  const strict = useEmulator({ refusePublishToUnknownTopics: true });

  it("answers 404 for a topic the emulator does not hold", async () => {
    const client = notificationClient(strict.emulator.url, strict.provider);
    const topic = strict.emulator.seedTopic({ compartmentId: "ocid1.compartment.oc1..strict", name: "known" });
    await client.publishMessage({ topicId: topic.topicId, messageDetails: { body: "ok" } });
    const error = await rejection(
      client.publishMessage({ topicId: "ocid1.onstopic.oc1.iad.madeup", messageDetails: { body: "x" } }),
    );
    expect(error).toMatchObject({ statusCode: 404, serviceCode: "NotAuthorizedOrNotFound" });
  });
});
