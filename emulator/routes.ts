/** Maps OCI REST paths to the stores. Handlers return a response or throw ApiError. */
import type { AlarmStore } from "./alarms";
import type { DeploymentStore } from "./deployments";
import { ApiError, invalidParameter } from "./errors";
import { parseJsonBody } from "./json";
import { type MonitoringStores, monitoringRoute } from "./monitoring-routes";
import { type TenancyStores, tenancyRoute } from "./tenancy-routes";
import type { Json } from "./types";
import { workRequestRoute } from "./work-request-routes";

export interface RouteRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  rawBody: string;
}

export interface RouteResponse {
  status: number;
  /** Serialized with JSON.stringify. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Stores extends MonitoringStores, TenancyStores {
  deployments: DeploymentStore;
  alarms: AlarmStore;
}

const DEPLOYMENT_PATH = /^\/20190101\/modelDeployments\/([^/]+)$/;
const ALARMS_PATH = /^\/20180401\/alarms$/;
const ALARM_PATH = /^\/20180401\/alarms\/([^/]+)$/;

export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw invalidParameter("Malformed percent-encoding in the path.");
  }
}

export function jsonBody(req: RouteRequest): Json | undefined {
  try {
    return parseJsonBody(req.rawBody);
  } catch {
    throw invalidParameter("The request body is not valid JSON.");
  }
}

function notFoundRoute(req: RouteRequest): never {
  throw new ApiError(404, `No route for ${req.method} ${req.path}.`, "NotFound");
}

function deploymentRoute(stores: Stores, req: RouteRequest, id: string): RouteResponse {
  if (req.method === "GET") {
    const { deployment, etag } = stores.deployments.read(id);
    return { status: 200, body: deployment, headers: { etag } };
  }
  if (req.method === "PUT") {
    const workRequestId = stores.deployments.update(id, req.headers["if-match"], jsonBody(req));
    return { status: 202, headers: { "opc-work-request-id": workRequestId } };
  }
  return notFoundRoute(req);
}

function alarmsRoute(stores: Stores, req: RouteRequest): RouteResponse {
  if (req.method === "GET") {
    const { items, nextPage } = stores.alarms.list(req.query);
    return { status: 200, body: items, headers: nextPage ? { "opc-next-page": nextPage } : {} };
  }
  if (req.method === "POST") {
    const { alarm, etag } = stores.alarms.create(jsonBody(req), req.headers["opc-retry-token"]);
    return { status: 200, body: alarm, headers: { etag } };
  }
  return notFoundRoute(req);
}

function alarmRoute(stores: Stores, req: RouteRequest, id: string): RouteResponse {
  if (req.method === "GET") {
    const { alarm, etag } = stores.alarms.read(id);
    return { status: 200, body: alarm, headers: { etag } };
  }
  if (req.method === "DELETE") {
    stores.alarms.delete(id, req.headers["if-match"]);
    return { status: 204 };
  }
  return notFoundRoute(req);
}

export function route(stores: Stores, req: RouteRequest): RouteResponse {
  const monitoring = monitoringRoute(stores, req);
  if (monitoring) return monitoring;
  const tenancy = tenancyRoute(stores, req);
  if (tenancy) return tenancy;
  const deployment = DEPLOYMENT_PATH.exec(req.path);
  if (deployment?.[1]) return deploymentRoute(stores, req, decodeSegment(deployment[1]));
  const workRequest = workRequestRoute(stores.deployments.workRequests, req);
  if (workRequest) return workRequest;
  if (ALARMS_PATH.test(req.path)) return alarmsRoute(stores, req);
  const alarm = ALARM_PATH.exec(req.path);
  if (alarm?.[1]) return alarmRoute(stores, req, decodeSegment(alarm[1]));
  return notFoundRoute(req);
}
