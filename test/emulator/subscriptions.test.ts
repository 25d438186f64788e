/**
 * Notifications subscriptions through the real NotificationDataPlaneClient: ORACLE_FUNCTIONS ones are
 * confirmed by OCI itself (ACTIVE), others stay PENDING until their endpoint confirms them.
 */
import { describe, expect, it } from "vitest";
import { rejection, useEmulator } from "../../emulator/fixture";
import { notificationClient } from "../../emulator/sdk-clients";

const suite = useEmulator({ pageSize: 2 });
const client = () => notificationClient(suite.emulator.url, suite.provider);
let counter = 0;

function freshTopic() {
  return suite.emulator.seedTopic({ compartmentId: `ocid1.compartment.oc1..subs${++counter}`, name: `t${counter}` });
}

const functionId = "ocid1.fnfunc.oc1.iad.autoscaler";

describe("subscriptions", () => {
  it("an ORACLE_FUNCTIONS subscription is ACTIVE at once; get, then delete and 404", async () => {
    const topic = freshTopic();
    const created = await client().createSubscription({
      createSubscriptionDetails: {
        topicId: topic.topicId,
        compartmentId: topic.compartmentId,
        protocol: "ORACLE_FUNCTIONS",
        endpoint: functionId,
        freeformTags: { project: "autoscale" },
      },
    });
    expect(created.etag).toBeTruthy();
    expect(created.subscription).toEqual({
      id: expect.stringMatching(/^ocid1\.onssubscription\.oc1\.iad\./),
      topicId: topic.topicId,
      compartmentId: topic.compartmentId,
      protocol: "ORACLE_FUNCTIONS",
      endpoint: functionId,
      lifecycleState: "ACTIVE",
      createdTime: expect.any(Number),
      etag: created.etag,
      freeformTags: { project: "autoscale" },
      definedTags: {},
    });
    const { id } = created.subscription;
    expect((await client().getSubscription({ subscriptionId: id })).subscription).toEqual(created.subscription);
    await client().deleteSubscription({ subscriptionId: id });
    expect(await rejection(client().getSubscription({ subscriptionId: id }))).toMatchObject({
      statusCode: 404,
      serviceCode: "NotAuthorizedOrNotFound",
    });
  });

  it("other protocols stay PENDING until setSubscriptionState confirms them", async () => {
    const topic = freshTopic();
    const { subscription } = await client().createSubscription({
      createSubscriptionDetails: {
        topicId: topic.topicId,
        compartmentId: topic.compartmentId,
        protocol: "EMAIL",
        endpoint: "ops@example.com",
      },
    });
    expect(subscription.lifecycleState).toBe("PENDING");
    suite.emulator.setSubscriptionState(subscription.id, "ACTIVE");
    const got = await client().getSubscription({ subscriptionId: subscription.id });
    expect(got.subscription.lifecycleState).toBe("ACTIVE");
    expect(got.etag).not.toBe(subscription.etag);
  });

  it("404 for a subscription to an unknown topic, 400 for an unknown protocol", async () => {
    const details = {
      topicId: "ocid1.onstopic.oc1.iad.unknown",
      compartmentId: "ocid1.compartment.oc1..x",
      protocol: "ORACLE_FUNCTIONS",
      endpoint: functionId,
    };
    expect(await rejection(client().createSubscription({ createSubscriptionDetails: details }))).toMatchObject({
      statusCode: 404,
    });
    const topic = freshTopic();
    const badProtocol = { ...details, topicId: topic.topicId, protocol: "CARRIER_PIGEON" };
    expect(await rejection(client().createSubscription({ createSubscriptionDetails: badProtocol }))).toMatchObject({
      statusCode: 400,
      serviceCode: "InvalidParameter",
    });
  });

  it("a repeated opc-retry-token returns the first subscription", async () => {
    const topic = freshTopic();
    const createSubscriptionDetails = {
      topicId: topic.topicId,
      compartmentId: topic.compartmentId,
      protocol: "ORACLE_FUNCTIONS",
      endpoint: functionId,
    };
    const first = await client().createSubscription({ createSubscriptionDetails, opcRetryToken: "sub-token" });
    const again = await client().createSubscription({ createSubscriptionDetails, opcRetryToken: "sub-token" });
    expect(again.subscription.id).toBe(first.subscription.id);
    expect(suite.emulator.subscriptions(topic.topicId)).toHaveLength(1);
  });

  it("lists by topic or compartment, in pages", async () => {
    const topic = freshTopic();
    const other = freshTopic();
    for (const endpoint of ["a", "b", "c"])
      suite.emulator.seedSubscription({ topicId: topic.topicId, protocol: "ORACLE_FUNCTIONS", endpoint });
    suite.emulator.seedSubscription({ topicId: other.topicId, protocol: "ORACLE_FUNCTIONS", endpoint: "d" });
    const first = await client().listSubscriptions({ compartmentId: topic.compartmentId, topicId: topic.topicId });
    expect(first.items.map((s) => s.endpoint)).toEqual(["a", "b"]);
    expect(first.opcNextPage).toBeTruthy();
    const second = await client().listSubscriptions({
      compartmentId: topic.compartmentId,
      topicId: topic.topicId,
      page: first.opcNextPage,
    });
    expect(second.items.map((s) => s.endpoint)).toEqual(["c"]);
    expect(second.opcNextPage).toBeUndefined();
    const inOther = await client().listSubscriptions({ compartmentId: other.compartmentId });
    expect(inOther.items.map((s) => s.endpoint)).toEqual(["d"]);
  });
});

describe("subscriptions with functionSubscriptions: pending", () => {
  const pending = useEmulator({ functionSubscriptions: "pending" });

  it("leaves a new ORACLE_FUNCTIONS subscription PENDING", async () => {
    const topic = pending.emulator.seedTopic({ compartmentId: "ocid1.compartment.oc1..pending", name: "p" });
    const { subscription } = await notificationClient(pending.emulator.url, pending.provider).createSubscription({
      createSubscriptionDetails: {
        topicId: topic.topicId,
        compartmentId: topic.compartmentId,
        protocol: "ORACLE_FUNCTIONS",
        endpoint: functionId,
      },
    });
    expect(subscription.lifecycleState).toBe("PENDING");
    expect(pending.emulator.subscriptions(topic.topicId)).toMatchObject([{ lifecycleState: "PENDING" }]);
  });
});
