/** Request parsing shared by the route modules. */
import { invalidParameter } from "./errors";
import { parseJsonBody } from "./json";
import type { Json } from "./types";

export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw invalidParameter("Malformed percent-encoding in the path.");
  }
}

export function jsonBody(req: { rawBody: string }): Json | undefined {
  try {
    return parseJsonBody(req.rawBody);
  } catch {
    throw invalidParameter("The request body is not valid JSON.");
  }
}
