/**
 * Routes of Resource Scheduler (oci-resourcescheduler 2.139.1 lib/client.js, base path /20240430) on the
 * emulator's one port. Statuses: CreateSchedule 200 with the Schedule, etag, location and content-location
 * (the response's headers) and opc-work-request-id; UpdateSchedule 202 with opc-work-request-id and no body
 * (UpdateScheduleResponse reads none); Activate/DeactivateSchedule 200 with the Schedule and etag;
 * DeleteSchedule 204; ListSchedules 200 with a ScheduleCollection `{ items }` and opc-next-page; GetWorkRequest
 * 200 with the WorkRequest.
 */
import { ApiError } from "./errors";
import { decodeSegment, jsonBody, type RouteRequest, type RouteResponse } from "./routes";
import type { ScheduleStore } from "./schedules";

const SCHEDULES_PATH = /^\/20240430\/schedules(?:\/([^/]+))?(?:\/actions\/([A-Za-z]+))?$/;
const WORK_REQUEST_PATH = /^\/20240430\/workRequests\/([^/]+)$/;
const ACTIONS: Record<string, boolean> = { activateSchedule: true, deactivateSchedule: false };

function noRoute(req: RouteRequest): never {
  throw new ApiError(404, `No route for ${req.method} ${req.path}.`, "NotFound");
}

function collectionRoute(schedules: ScheduleStore, req: RouteRequest): RouteResponse {
  if (req.method === "GET") {
    const { items, nextPage } = schedules.list(req.query);
    return { status: 200, body: { items }, headers: nextPage ? { "opc-next-page": nextPage } : {} };
  }
  if (req.method === "POST") {
    const { body, etag, workRequestId } = schedules.create(jsonBody(req), req.headers["opc-retry-token"]);
    const location = `${req.path}/${encodeURIComponent(body.id)}`;
    return {
      status: 200,
      body,
      headers: { etag, location, "content-location": location, "opc-work-request-id": workRequestId },
    };
  }
  return noRoute(req);
}

function scheduleRoute(schedules: ScheduleStore, req: RouteRequest, id: string): RouteResponse {
  const ifMatch = req.headers["if-match"];
  if (req.method === "GET") {
    const { body, etag } = schedules.read(id);
    return { status: 200, body, headers: { etag } };
  }
  if (req.method === "PUT") {
    const workRequestId = schedules.update(id, ifMatch, jsonBody(req));
    return { status: 202, headers: { "opc-work-request-id": workRequestId } };
  }
  if (req.method === "DELETE") {
    schedules.delete(id, ifMatch);
    return { status: 204 };
  }
  return noRoute(req);
}

/** Answers Resource Scheduler requests, or undefined to let the other routes try. */
export function resourceSchedulerRoute(schedules: ScheduleStore, req: RouteRequest): RouteResponse | undefined {
  const workRequest = WORK_REQUEST_PATH.exec(req.path);
  if (workRequest?.[1] && req.method === "GET")
    return { status: 200, body: schedules.workRequests.read(decodeSegment(workRequest[1])) };
  const match = SCHEDULES_PATH.exec(req.path);
  if (!match) return undefined;
  const [, segment, action] = match;
  if (segment === undefined) return collectionRoute(schedules, req);
  const id = decodeSegment(segment);
  if (action === undefined) return scheduleRoute(schedules, req, id);
  const active = ACTIONS[action];
  if (active === undefined || req.method !== "POST") return noRoute(req);
  // The actions take opc-retry-token too; they are idempotent here, so it changes nothing.
  const { body, etag } = schedules.setActive(id, req.headers["if-match"], active);
  return { status: 200, body, headers: { etag } };
}
