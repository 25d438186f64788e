import * as common from "oci-common";
import { describe, expect, it } from "vitest";
import { classifyOciFailure, isRetryable } from "../../../src/oci/failures";

function ociError(
  statusCode: number,
  serviceCode: string,
  message = "it failed",
  opcRequestId: string | null = "req-1",
) {
  return new common.OciError(
    statusCode,
    serviceCode,
    message,
    opcRequestId,
    "DataScience",
    "UpdateModelDeployment",
    "2025-01-01T00:00:00.000Z",
    "PUT https://datascience.us-ashburn-1.oci.oraclecloud.com/20190101/modelDeployments/x",
    "https://docs.oracle.com/iaas/api/#/en/data-science/20190101/ModelDeployment/UpdateModelDeployment",
  );
}

describe("classifyOciFailure", () => {
  it.each([
    [429, "TooManyRequests", "transient"],
    [500, "InternalServerError", "transient"],
    [502, "BadGateway", "transient"],
    [503, "ServiceUnavailable", "transient"],
    [504, "GatewayTimeout", "transient"],
    [400, "InvalidParameter", "permanent"],
    [403, "Forbidden", "permanent"],
    [405, "MethodNotAllowed", "permanent"],
    [409, "IncorrectState", "incorrect-state"],
    [409, "Conflict", "incorrect-state"],
    [412, "NoEtagMatch", "precondition-failed"],
    // OCI answers 404 for both a missing resource and a missing permission.
    [404, "NotAuthorizedOrNotFound", "not-found"],
    [401, "NotAuthenticated", "not-found"],
  ])("classifies HTTP %i %s as %s", (statusCode, serviceCode, kind) => {
    expect(classifyOciFailure(ociError(statusCode, serviceCode))).toEqual({
      kind,
      statusCode,
      serviceCode,
      message: `${statusCode} ${serviceCode}: it failed`,
      opcRequestId: "req-1",
    });
  });

  it("keeps only the first line of the service message, at most 300 characters", () => {
    const long = `${"x".repeat(400)}\nsecond line`;
    const failure = classifyOciFailure(ociError(400, "InvalidParameter", long));
    expect(failure.message).toBe(`400 InvalidParameter: ${"x".repeat(300)}`);
  });

  it("reads a null opc-request-id as none", () => {
    expect(classifyOciFailure(ociError(404, "NotAuthorizedOrNotFound", "gone", null)).opcRequestId).toBeUndefined();
  });

  it.each([
    [{ code: "ECONNRESET", message: "socket hang up" }, "network failure: ECONNRESET: socket hang up"],
    [
      { code: "ETIMEDOUT", message: "connect ETIMEDOUT 10.0.0.1:443" },
      "network failure: ETIMEDOUT: connect ETIMEDOUT 10.0.0.1:443",
    ],
    [
      { code: "ENOTFOUND", message: "getaddrinfo ENOTFOUND telemetry.example" },
      "network failure: ENOTFOUND: getaddrinfo ENOTFOUND telemetry.example",
    ],
    [{ message: "fetch failed\n    at node:internal" }, "network failure: fetch failed"],
    ["boom", "network failure: boom"],
    [undefined, "network failure: no details"],
    [null, "network failure: no details"],
  ])("treats the plain failure %o as transient", (error, message) => {
    expect(classifyOciFailure(error)).toEqual({ kind: "transient", message });
  });

  // Regression (fixed): the SDK turns every network failure into `{ code: err.code, message: err.message, ... }`,
  // so "code" is present even when undefined, and an open circuit breaker is `{ code: "EOPENBREAKER" }` with no
  // message at all: the description then reads "(undefined)" or "[object Object]".
  it.each([[{ code: undefined, message: "fetch failed" }], [{ code: "EOPENBREAKER" }]])(
    "describes %o without placeholder text",
    (error) => {
      expect(classifyOciFailure(error).message).not.toMatch(/undefined|\[object Object\]/);
    },
  );

  it("treats an AbortSignal time-out as transient", () => {
    const timeout = new DOMException("The operation was aborted due to timeout", "TimeoutError");
    expect(classifyOciFailure(timeout)).toMatchObject({
      kind: "transient",
      message: expect.stringContaining("timeout"),
    });
  });

  it("does not take a look-alike plain object for an OciError", () => {
    const lookAlike = { statusCode: 404, serviceCode: "NotAuthorizedOrNotFound", message: "gone" };
    expect(classifyOciFailure(lookAlike).kind).toBe("transient");
  });
});

describe("isRetryable", () => {
  it.each([
    [429, true],
    [500, true],
    [503, true],
    [400, false],
    [404, false],
    [409, false],
    [412, false],
  ])("retries HTTP %i: %s", (statusCode, expected) => {
    expect(isRetryable(ociError(statusCode, "Code"))).toBe(expected);
  });
});
