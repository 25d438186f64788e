import * as common from "oci-common";

/**
 * How a failed OCI call should be treated. The SDK throws `OciError` for HTTP answers and plain objects
 * for network failures and time-outs (FIELD-NOTES), so anything that is not an OciError is transient.
 */
export type OciFailureKind = "transient" | "precondition-failed" | "incorrect-state" | "not-found" | "permanent";

export interface OciFailure {
  kind: OciFailureKind;
  statusCode?: number;
  serviceCode?: string;
  message: string;
  opcRequestId?: string;
}

export function classifyOciFailure(error: unknown): OciFailure {
  if (error instanceof common.OciError) {
    const base = {
      statusCode: error.statusCode,
      serviceCode: error.serviceCode,
      message: `${error.statusCode} ${error.serviceCode}: ${firstLine(error.message)}`,
      opcRequestId: error.opcRequestId ?? undefined,
    };
    if (error.statusCode === 429 || error.statusCode >= 500) return { kind: "transient", ...base };
    if (error.statusCode === 412) return { kind: "precondition-failed", ...base };
    if (error.statusCode === 409) return { kind: "incorrect-state", ...base };
    // OCI answers 404 NotAuthorizedOrNotFound for both a missing resource and a missing permission.
    if (error.statusCode === 404 || error.statusCode === 401) return { kind: "not-found", ...base };
    return { kind: "permanent", ...base };
  }
  const fields = typeof error === "object" && error !== null ? (error as { code?: unknown; message?: unknown }) : {};
  const code = fields.code == null ? undefined : String(fields.code);
  const text = typeof fields.message === "string" ? fields.message : typeof error === "string" ? error : undefined;
  const detail = [code, text ? firstLine(text) : undefined].filter(Boolean).join(": ") || "no details";
  return { kind: "transient", message: `network failure: ${detail}` };
}

/** The retry condition handed to the SDK: retry what may pass on its own, nothing else. */
export function isRetryable(error: common.OciError): boolean {
  return classifyOciFailure(error).kind === "transient";
}

function firstLine(text: string | undefined): string {
  return (text ?? "").split("\n")[0]?.slice(0, 300) ?? "";
}
