/**
 * Body checks for the Create...Details models of the setup-side services: each field has the type the SDK
 * model declares; fields the model does not have are dropped, as the SDK's serializer would not send them.
 */
import { invalidParameter } from "./errors";
import { isJsonObject } from "./json";
import type { Json, JsonObject } from "./types";

export type DetailsField = "string" | "strings" | "tags" | "object";

function hasType(value: Json, kind: DetailsField): boolean {
  if (kind === "string") return typeof value === "string";
  if (kind === "strings") return Array.isArray(value) && value.every((s) => typeof s === "string");
  if (kind === "tags") return isJsonObject(value) && Object.values(value).every((v) => typeof v === "string");
  return isJsonObject(value);
}

/** The known fields of `body`; 400 InvalidParameter for a missing required field or a wrong type. */
export function createDetails(
  body: Json | undefined,
  model: string,
  fields: Record<string, DetailsField>,
  required: readonly string[],
): JsonObject {
  if (!isJsonObject(body)) throw invalidParameter(`The request body must be a ${model} object.`);
  const details: JsonObject = {};
  for (const [name, kind] of Object.entries(fields)) {
    const value = body[name];
    if (value === undefined || value === null) continue;
    if (!hasType(value, kind)) throw invalidParameter(`${model}.${name} has the wrong type.`);
    details[name] = value;
  }
  for (const name of required) {
    const value = details[name];
    if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0))
      throw invalidParameter(`${model}.${name} is required.`);
  }
  return details;
}
