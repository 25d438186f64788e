import type * as common from "oci-common";
import { NotificationDataPlaneClient, requests } from "oci-ons";

export interface Published {
  messageId: string;
  opcRequestId: string;
}

export type NotificationPublisher = (
  topicId: string,
  message: { title: string; body: string },
  retryConfiguration: common.RetryConfiguration,
) => Promise<Published>;

/**
 * Notifications' data plane client (oci-ons, pinned with the other OCI packages), with the same signing,
 * time-outs and breaker settings as the others. Its own module so the bundle evaluates oci-ons only when
 * something is published.
 */
export function notificationPublisher(
  provider: common.AuthenticationDetailsProvider,
  clientConfig: common.ClientConfiguration,
  endpoint: string | undefined,
): NotificationPublisher {
  const client = new NotificationDataPlaneClient({ authenticationDetailsProvider: provider }, clientConfig);
  // After construction, as for the other clients: the provider's region sets the real endpoint first.
  if (endpoint) client.endpoint = endpoint;
  return (topicId, message, retryConfiguration) => publishMessage(client, topicId, message, retryConfiguration);
}

/**
 * PublishMessage (POST /20181201/topics/{topicId}/messages) as RAW_TEXT: the SDK marks JSON deprecated
 * (PublishMessageRequest.messageType). Title and body follow MessageDetails; a request carries at most 64 KB.
 */
async function publishMessage(
  client: NotificationDataPlaneClient,
  topicId: string,
  message: { title: string; body: string },
  retryConfiguration: common.RetryConfiguration,
): Promise<Published> {
  const response = await client.publishMessage({
    topicId,
    messageDetails: message,
    messageType: requests.PublishMessageRequest.MessageType.RawText,
    retryConfiguration,
  });
  return { messageId: response.publishResult.messageId, opcRequestId: response.opcRequestId };
}
