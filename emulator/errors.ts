/**
 * OCI error responses: `{ code, message }` bodies with the service's code for each status, as the API Errors page
 * lists them (https://docs.oracle.com/iaas/Content/API/References/apierrors.htm).
 */

const CODE_BY_STATUS: Record<number, string> = {
  400: "InvalidParameter",
  401: "NotAuthenticated",
  404: "NotAuthorizedOrNotFound",
  409: "IncorrectState",
  412: "NoEtagMatch",
  429: "TooManyRequests",
  500: "InternalServerError",
  502: "BadGateway",
  503: "ServiceUnavailable",
  504: "GatewayTimeout",
};

const DEFAULT_MESSAGE: Record<number, string> = {
  400: "The request is invalid.",
  401: "The required information to complete authentication was not provided or was incorrect.",
  404: "Authorization failed or requested resource not found.",
  409: "The resource is in a conflicting state.",
  412: "The resource has changed since it was read (If-Match).",
  429: "Too many requests for the tenancy.",
  500: "Internal error occurred.",
  502: "Bad gateway.",
  503: "Service unavailable.",
  504: "Gateway timeout.",
};

export function codeForStatus(status: number): string {
  return CODE_BY_STATUS[status] ?? "InternalServerError";
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message?: string,
    readonly code: string = codeForStatus(status),
  ) {
    super(message ?? DEFAULT_MESSAGE[status] ?? "Error.");
  }
}

export const invalidParameter = (message: string) => new ApiError(400, message);
export const notFound = (what: string) => new ApiError(404, `${what} not found or not authorized.`);

/** 409 for a name that must be unique (topic, dynamic group, policy); the API Errors page's code for it. */
export const alreadyExists = (what: string) =>
  new ApiError(409, `${what} already exists.`, "NotAuthorizedOrResourceAlreadyExists");
