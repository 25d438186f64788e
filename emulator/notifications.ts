/**
 * Notifications PublishMessage (oci-ons 2.139.1 NotificationDataPlaneClient#publishMessage, lib/client.js,
 * and its request and model classes):
 * POST /20181201/topics/{topicId}/messages, header `messageType` (PublishMessageRequest.MessageType:
 * JSON | RAW_TEXT), body MessageDetails { title?, body }, answer PublishResult { messageId, timeStamp }.
 */
import { randomUUID } from "node:crypto";
import { invalidParameter } from "./errors";
import { clone, isJsonObject } from "./json";
import type { PublishedMessage } from "./monitoring-types";
import type { Json, JsonObject } from "./types";

const MESSAGE_TYPES = ["JSON", "RAW_TEXT"];

/** PublishMessageRequest.messageType doc: "For messageType of JSON, a default key-value pair is required." */
function checkJsonMessage(body: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw invalidParameter("With messageType JSON the message body must be a JSON object.");
  }
  if (!isJsonObject(parsed) || typeof parsed.default !== "string")
    throw invalidParameter('With messageType JSON the message body needs a "default" key.');
}

export class NotificationStore {
  private readonly messages: PublishedMessage[] = [];

  constructor(
    private readonly clock: () => number,
    /** Throws ApiError for a topic that cannot take messages (see the refusePublishToUnknownTopics option). */
    private readonly checkTopic: (topicId: string) => void = () => undefined,
  ) {}

  publish(topicId: string, messageType: string | undefined, details: Json | undefined): JsonObject {
    this.checkTopic(topicId);
    if (messageType !== undefined && !MESSAGE_TYPES.includes(messageType))
      throw invalidParameter(`messageType must be one of ${MESSAGE_TYPES.join(", ")}.`);
    if (!isJsonObject(details)) throw invalidParameter("The request body must be a MessageDetails object.");
    const { title, body } = details;
    if (typeof body !== "string") throw invalidParameter("body is required.");
    if (title !== undefined && typeof title !== "string") throw invalidParameter("title must be a string.");
    if (messageType === "JSON") checkJsonMessage(body);
    const message: PublishedMessage = {
      topicId,
      messageId: randomUUID(),
      timeStamp: new Date(this.clock()).toISOString(),
      messageType,
      title,
      body,
    };
    this.messages.push(message);
    return { messageId: message.messageId, timeStamp: message.timeStamp };
  }

  published(topicId?: string): PublishedMessage[] {
    return clone(this.messages.filter((m) => topicId === undefined || m.topicId === topicId));
  }
}
