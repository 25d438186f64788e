import { type AlarmMessage, AlarmMessageSchema } from "./alarm-message";

export type DecodedAlarm = { ok: true; message: AlarmMessage } | { ok: false; reason: string; problems: string[] };

const MAX_PROBLEMS_REPORTED = 20;

/** `__proto__` keys are dropped while parsing so no later copy of the object can reach a prototype. */
function withoutPrototypeKeys(key: string, value: unknown): unknown {
  return key === "__proto__" ? undefined : value;
}

/**
 * Bytes in, alarm message or a rejection out. The FDK hands over the raw body (inputMode 'buffer'), so
 * decoding is done here in one place: size cap, strict UTF-8, JSON, then the schema.
 */
export function decodeAlarm(body: Uint8Array, maxBytes: number): DecodedAlarm {
  if (body.byteLength > maxBytes) {
    return reject(`body is ${body.byteLength} bytes; the limit is ${maxBytes} (MAX_BODY_BYTES)`);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(body);
  } catch {
    return reject("body is not valid UTF-8");
  }
  if (text.trim() === "") return reject("body is empty; expected an OCI Monitoring alarm message (JSON)");
  let json: unknown;
  try {
    json = JSON.parse(text, withoutPrototypeKeys);
  } catch (error) {
    // A RangeError here means nesting deep enough to exhaust the stack: still just bad input.
    const detail = error instanceof Error ? error.message : String(error);
    return reject(`body is not valid JSON: ${detail.slice(0, 200)}`);
  }
  const parsed = AlarmMessageSchema.safeParse(json);
  if (parsed.success) return { ok: true, message: parsed.data };
  const problems = parsed.error.issues
    .slice(0, MAX_PROBLEMS_REPORTED)
    .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
  return reject("body is not an OCI Monitoring alarm message", problems);
}

function reject(reason: string, problems: string[] = []): DecodedAlarm {
  return { ok: false, reason, problems };
}
