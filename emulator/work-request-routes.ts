/**
 * Data Science work request routes, as DataScienceClient calls them: GetWorkRequest
 * (GET /20190101/workRequests/{workRequestId}) and ListWorkRequests (GET /20190101/workRequests?...).
 */
import { ApiError } from "./errors";
import { decodeSegment, type RouteRequest, type RouteResponse } from "./routes";
import type { WorkRequestStore } from "./work-requests";

const WORK_REQUESTS_PATH = /^\/20190101\/workRequests$/;
const WORK_REQUEST_PATH = /^\/20190101\/workRequests\/([^/]+)$/;

/** Undefined when the path is not a work request path. */
export function workRequestRoute(store: WorkRequestStore, req: RouteRequest): RouteResponse | undefined {
  const single = WORK_REQUEST_PATH.exec(req.path);
  const isList = WORK_REQUESTS_PATH.test(req.path);
  if (!single?.[1] && !isList) return undefined;
  if (req.method !== "GET") throw new ApiError(404, `No route for ${req.method} ${req.path}.`, "NotFound");
  if (single?.[1]) return { status: 200, body: store.read(decodeSegment(single[1])) };
  const { items, nextPage } = store.list(req.query);
  return { status: 200, body: items, headers: nextPage ? { "opc-next-page": nextPage } : {} };
}
