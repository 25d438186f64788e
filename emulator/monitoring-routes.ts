/**
 * Routes of the Monitoring operations beyond alarm create/get/list/delete, and of Notifications.
 * Paths, query names and headers follow oci-monitoring lib/client.js (and oci-ons client.ts).
 */
import type { AlarmStore } from "./alarms";
import type { DimensionStateStore } from "./dimension-states";
import type { MetricStore } from "./metrics";
import type { NotificationStore } from "./notifications";
import { decodeSegment, jsonBody, type RouteRequest, type RouteResponse } from "./routes";

export interface MonitoringStores {
  alarms: AlarmStore;
  dimensionStates: DimensionStateStore;
  metrics: MetricStore;
  notifications: NotificationStore;
}

const ALARM_PATH = /^\/20180401\/alarms\/([^/]+)$/;
const DIMENSION_STATES_PATH = /^\/20180401\/alarms\/([^/]+)\/actions\/retrieveDimensionStates$/;
const SUMMARIZE_METRICS_PATH = /^\/20180401\/metrics\/actions\/summarizeMetricsData$/;
const TOPIC_MESSAGES_PATH = /^\/20181201\/topics\/([^/]+)\/messages$/;

/** UpdateAlarm: PUT /alarms/{alarmId}, if-match; answers the Alarm with its new etag. */
function updateAlarm(stores: MonitoringStores, req: RouteRequest, id: string): RouteResponse {
  const { alarm, etag } = stores.alarms.update(id, req.headers["if-match"], jsonBody(req));
  return { status: 200, body: alarm, headers: { etag } };
}

function retrieveDimensionStates(stores: MonitoringStores, req: RouteRequest, id: string): RouteResponse {
  const { collection, nextPage } = stores.dimensionStates.retrieve(id, req.query, jsonBody(req));
  return { status: 200, body: collection, headers: nextPage ? { "opc-next-page": nextPage } : {} };
}

/** The answer is the bare MetricData array (the SDK reads it as `items`). */
function summarizeMetricsData(stores: MonitoringStores, req: RouteRequest): RouteResponse {
  return { status: 200, body: stores.metrics.summarize(req.query, jsonBody(req)) };
}

/** 202: the status is not in the SDK (any 2xx is accepted); the service accepts and delivers later. */
function publishMessage(stores: MonitoringStores, req: RouteRequest, topicId: string): RouteResponse {
  return { status: 202, body: stores.notifications.publish(topicId, req.headers.messagetype, jsonBody(req)) };
}

/** Answers the requests this module owns, or undefined to let the other routes try. */
export function monitoringRoute(stores: MonitoringStores, req: RouteRequest): RouteResponse | undefined {
  const alarm = ALARM_PATH.exec(req.path);
  if (req.method === "PUT" && alarm?.[1]) return updateAlarm(stores, req, decodeSegment(alarm[1]));
  if (req.method !== "POST") return undefined;
  const dimensionStates = DIMENSION_STATES_PATH.exec(req.path);
  if (dimensionStates?.[1]) return retrieveDimensionStates(stores, req, decodeSegment(dimensionStates[1]));
  if (SUMMARIZE_METRICS_PATH.test(req.path)) return summarizeMetricsData(stores, req);
  const topic = TOPIC_MESSAGES_PATH.exec(req.path);
  if (topic?.[1]) return publishMessage(stores, req, decodeSegment(topic[1]));
  return undefined;
}
