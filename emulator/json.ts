import type { Json, JsonObject } from "./types";

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}

/** Parses a request body; undefined for an empty body, throws SyntaxError for bad JSON. */
export function parseJsonBody(raw: string): Json | undefined {
  return raw.trim() === "" ? undefined : (JSON.parse(raw) as Json);
}
