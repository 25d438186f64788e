/**
 * ListWorkRequests (GET /20190101/workRequests): the query parameters of the SDK's ListWorkRequestsRequest,
 * which are compartmentId (required), id, resourceId, operationType, status, limit (1..100), page,
 * sortOrder and sortBy (timeAccepted, operationType, status). The answer is an array of WorkRequestSummary,
 * which has the same fields as WorkRequest.
 */
import { invalidParameter } from "./errors";
import { pageOf } from "./paging";
import type { WorkRequest } from "./types";

/** SDK enum WorkRequestStatus. */
export const WORK_REQUEST_STATUSES = ["ACCEPTED", "IN_PROGRESS", "FAILED", "SUCCEEDED", "CANCELING", "CANCELED"];
const SORT_FIELDS = ["timeAccepted", "operationType", "status"] as const;
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 100;

function matches(workRequest: WorkRequest, query: Record<string, string>): boolean {
  if (workRequest.compartmentId !== query.compartmentId) return false;
  if (query.id !== undefined && workRequest.id !== query.id) return false;
  if (query.resourceId !== undefined && !workRequest.resources.some((r) => r.identifier === query.resourceId))
    return false;
  // An operationType outside the SDK's enum simply matches nothing.
  if (query.operationType !== undefined && workRequest.operationType !== query.operationType) return false;
  return query.status === undefined || workRequest.status === query.status;
}

function sortWorkRequests(workRequests: WorkRequest[], query: Record<string, string>): WorkRequest[] {
  const sortBy = (query.sortBy ?? "timeAccepted") as (typeof SORT_FIELDS)[number];
  if (!SORT_FIELDS.includes(sortBy)) throw invalidParameter(`sortBy must be one of ${SORT_FIELDS.join(", ")}.`);
  const { sortOrder } = query;
  if (sortOrder !== undefined && sortOrder !== "ASC" && sortOrder !== "DESC")
    throw invalidParameter("sortOrder must be ASC or DESC.");
  // ListWorkRequestsRequest.sortBy: "when you sort by time fields, the results are shown in descending order".
  const descending = (sortOrder ?? (sortBy === "timeAccepted" ? "DESC" : "ASC")) === "DESC";
  const sorted = [...workRequests].sort((a, b) => a[sortBy].localeCompare(b[sortBy]));
  return descending ? sorted.reverse() : sorted;
}

export function listWorkRequests(
  all: WorkRequest[],
  query: Record<string, string>,
): { items: WorkRequest[]; nextPage: string | undefined } {
  if (!query.compartmentId) throw invalidParameter("compartmentId is required.");
  if (query.status !== undefined && !WORK_REQUEST_STATUSES.includes(query.status))
    throw invalidParameter(`status must be one of ${WORK_REQUEST_STATUSES.join(", ")}.`);
  const sorted = sortWorkRequests(
    all.filter((w) => matches(w, query)),
    query,
  );
  return pageOf(sorted, query, { defaultLimit: DEFAULT_LIMIT, maxLimit: MAX_LIMIT });
}
