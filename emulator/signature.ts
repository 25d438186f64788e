/**
 * Verification of OCI request signatures (draft-cavage HTTP signatures, version "1", rsa-sha256).
 *
 * The signing string is rebuilt from the headers *as received*: `(request-target)` is the method in
 * lower case and the request URL exactly as it arrived on the request line. The SDK computes it with
 * the legacy `url.parse(uri).path`, which escapes characters such as `{`, `}`, `|` that undici's fetch
 * then sends raw, so such unencoded query values fail verification here as they would at OCI.
 */
import { createHash, type KeyObject, verify } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

export interface SignedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
}

export interface SignatureCheck {
  valid: boolean;
  keyId: string | undefined;
  /** Why verification failed (empty when valid). */
  reason: string;
}

const BODY_METHODS = new Set(["POST", "PUT", "PATCH"]);
const BODY_HEADERS = ["x-content-sha256", "content-length", "content-type"];
const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

export function parseAuthorization(header: string): Map<string, string> | undefined {
  const match = /^Signature\s+(.*)$/s.exec(header.trim());
  if (!match?.[1]) return undefined;
  const params = new Map<string, string>();
  for (const [, key, value] of match[1].matchAll(/([A-Za-z]+)="([^"]*)"/g)) {
    if (key !== undefined && value !== undefined) params.set(key, value);
  }
  return params;
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

export function verifyRequestSignature(req: SignedRequest, publicKey: KeyObject): SignatureCheck {
  const authorization = headerValue(req.headers, "authorization");
  if (!authorization) return { valid: false, keyId: undefined, reason: "missing authorization header" };
  const params = parseAuthorization(authorization);
  const keyId = params?.get("keyId");
  const fail = (reason: string): SignatureCheck => ({ valid: false, keyId, reason });
  if (!params) return fail("authorization header is not a Signature");
  if (params.get("version") !== "1") return fail('version must be "1"');
  if (params.get("algorithm") !== "rsa-sha256") return fail("algorithm must be rsa-sha256");
  if (!keyId) return fail("missing keyId");
  const signature = params.get("signature");
  if (!signature) return fail("missing signature");

  const signedHeaders = (params.get("headers") ?? "date")
    .split(/\s+/)
    .filter(Boolean)
    .map((h) => h.toLowerCase());
  const required = ["(request-target)", "host"];
  if (BODY_METHODS.has(req.method.toUpperCase())) required.push(...BODY_HEADERS);
  const missing = required.filter((h) => !signedHeaders.includes(h));
  if (!signedHeaders.includes("date") && !signedHeaders.includes("x-date")) missing.push("date or x-date");
  if (missing.length > 0) return fail(`headers not signed: ${missing.join(", ")}`);

  const lines: string[] = [];
  for (const name of signedHeaders) {
    if (name === "(request-target)") {
      lines.push(`(request-target): ${req.method.toLowerCase()} ${req.url}`);
      continue;
    }
    const value = headerValue(req.headers, name);
    if (value === undefined) return fail(`signed header ${name} is missing from the request`);
    lines.push(`${name}: ${value}`);
  }
  const signatureOk = verify("sha256", Buffer.from(lines.join("\n")), publicKey, Buffer.from(signature, "base64"));
  if (!signatureOk) return fail("signature does not match");

  const date = headerValue(req.headers, "x-date") ?? headerValue(req.headers, "date");
  const skew = Math.abs(Date.now() - Date.parse(date ?? ""));
  if (!(skew <= MAX_CLOCK_SKEW_MS)) return fail("date header missing, malformed or more than 5 minutes off");

  if (BODY_METHODS.has(req.method.toUpperCase())) {
    const bodyHash = createHash("sha256").update(req.rawBody).digest("base64");
    if (headerValue(req.headers, "x-content-sha256") !== bodyHash)
      return fail("x-content-sha256 does not match the body");
  }
  return { valid: true, keyId, reason: "" };
}
