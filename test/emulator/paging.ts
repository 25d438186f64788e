/** OCI list pagination: `page` / `limit` query parameters and opaque `opc-next-page` tokens. */
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
  items: T[],
  query: Record<string, string>,
  defaultLimit: number,
  maxLimit = 1000,
): { items: T[]; nextPage: string | undefined } {
  let limit = defaultLimit;
  if (query.limit !== undefined) {
    limit = Number(query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit)
      throw invalidParameter(`limit must be an integer from 1 to ${maxLimit}.`);
  }
  const offset = query.page === undefined ? 0 : decodePageToken(query.page);
  const page = items.slice(offset, offset + limit);
  const nextPage = offset + limit < items.length ? encodePageToken(offset + limit) : undefined;
  return { items: page, nextPage };
}
