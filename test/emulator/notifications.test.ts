/**
 * Notifications PublishMessage, through the real oci-ons client and, for what the client would not send,
 * as requests signed like the SDK signs them (POST /20181201/topics/{topicId}/messages, header messageType,
 * body MessageDetails).
 */
import { requests } from "oci-ons";
import { describe, expect, it } from "vitest";
import { useEmulator } from "../../emulator/fixture";
import { notificationClient } from "../../emulator/sdk-clients";

const suite = useEmulator({ clock: () => Date.parse("2026-03-01T12:00:00Z") });
const topicId = "ocid1.onstopic.oc1.iad.scaling";

function publish(details: object, messageType?: string, topic = topicId) {
  const headers: Record<string, string> = messageType ? { messageType } : {};
  return suite.signedFetch("POST", `/20181201/topics/${topic}/messages`, { body: JSON.stringify(details), headers });
}

describe("PublishMessage", () => {
  it("answers the real client with a PublishResult", async () => {
    const client = notificationClient(suite.emulator.url, suite.provider);
    const response = await client.publishMessage({
      topicId: "ocid1.onstopic.oc1.iad.sdk",
      messageDetails: { title: "md1 scaled", body: "md1: 2 -> 3 instances" },
      messageType: requests.PublishMessageRequest.MessageType.RawText,
    });
    expect(response.publishResult.messageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.opcRequestId).toBeTruthy();
    expect(suite.emulator.publishedMessages("ocid1.onstopic.oc1.iad.sdk")).toMatchObject([
      { messageType: "RAW_TEXT", title: "md1 scaled", body: "md1: 2 -> 3 instances" },
    ]);
  });

  it("answers a PublishResult and keeps the message for publishedMessages()", async () => {
    const response = await publish({ title: "md1 scaled", body: "md1: 2 -> 3 instances" }, "RAW_TEXT");
    expect(response.status).toBe(202);
    const result = (await response.json()) as { messageId: string; timeStamp: string };
    expect(result).toEqual({
      messageId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      timeStamp: "2026-03-01T12:00:00.000Z",
    });
    expect(response.headers.get("opc-request-id")).toBeTruthy();
    expect(suite.emulator.publishedMessages(topicId)).toEqual([
      {
        topicId,
        messageId: result.messageId,
        timeStamp: "2026-03-01T12:00:00.000Z",
        messageType: "RAW_TEXT",
        title: "md1 scaled",
        body: "md1: 2 -> 3 instances",
      },
    ]);
    expect(suite.emulator.requests[0]).toMatchObject({ signatureValid: true, headers: { messagetype: "RAW_TEXT" } });
  });

  it("title and messageType are optional; publishedMessages() without a topic lists every topic", async () => {
    const before = suite.emulator.publishedMessages().length;
    expect((await publish({ body: "plain" }, undefined, "ocid1.onstopic.oc1.iad.other")).status).toBe(202);
    const [message] = suite.emulator.publishedMessages("ocid1.onstopic.oc1.iad.other");
    expect(message).toMatchObject({ title: undefined, messageType: undefined, body: "plain" });
    expect(suite.emulator.publishedMessages()).toHaveLength(before + 1);
  });

  it("400 for a missing body, an unknown messageType, or a JSON message without its default key", async () => {
    const refused = [
      await publish({ title: "no body" }),
      await publish({ body: "x" }, "XML"),
      await publish({ body: '{"Email": "only e-mail"}' }, "JSON"),
      await publish({ body: "not json" }, "JSON"),
    ];
    for (const response of refused) {
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: "InvalidParameter" });
    }
    expect((await publish({ body: '{"default": "scaled"}' }, "JSON")).status).toBe(202);
  });
});
