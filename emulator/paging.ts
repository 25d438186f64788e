/** List paging as OCI does it: `limit`, and an opaque `page` token answered in `opc-next-page`. */
import { invalidParameter } from "./errors";

function encodePageToken(offset: number): string {
  return Buffer.from(JSON.stringify({ offset })).toString("base64url");
}

function decodePageToken(token: string): number {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    const offset = (parsed as { offset?: unknown }).offset;
    if (typeof offset === "number" && Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // fall through to the 400 below
  }
  throw invalidParameter("Invalid page token.");
}

export function pageOf<T>(
  sorted: T[],
  query: Record<string, string>,
  limits: { defaultLimit: number; maxLimit: number },
): { items: T[]; nextPage: string | undefined } {
  let limit = limits.defaultLimit;
  if (query.limit !== undefined) {
    limit = Number(query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > limits.maxLimit)
      throw invalidParameter(`limit must be an integer from 1 to ${limits.maxLimit}.`);
  }
  const offset = query.page === undefined ? 0 : decodePageToken(query.page);
  const items = sorted.slice(offset, offset + limit);
  const nextPage = offset + limit < sorted.length ? encodePageToken(offset + limit) : undefined;
  return { items, nextPage };
}
