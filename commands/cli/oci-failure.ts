/** One sentence and an exit code for a failed OCI call made by a command (not by the function). */
import * as common from "oci-common";
import { CliError, ExitCode } from "./exit-codes";

function firstLine(text: unknown): string {
  return String(text ?? "").split("\n")[0] ?? "";
}

/**
 * `doing` completes "while ...": e.g. "reading model deployment ocid1...". The SDK throws OciError for
 * HTTP answers and plain objects or TypeErrors for network failures (FIELD-NOTES).
 */
export function ociFailure(error: unknown, doing: string, endpoint: string): CliError {
  if (error instanceof CliError) return error;
  if (error instanceof common.OciError) {
    const answer = `OCI answered ${error.statusCode} ${error.serviceCode} while ${doing}`;
    if (error.statusCode === 401) {
      return new CliError(
        ExitCode.OciAuth,
        `${answer}: the request was not authenticated. Check the profile's user, fingerprint and key_file ` +
          "(the public key must be uploaded to that user), or in Cloud Shell start a new session.",
        { cause: error },
      );
    }
    if (error.statusCode === 404) {
      return new CliError(
        ExitCode.NotDone,
        `${answer}: the OCID is wrong, in another region, or your user has no policy that lets it see it.`,
        { cause: error },
      );
    }
    return new CliError(ExitCode.NotDone, `${answer}: ${firstLine(error.message)}`, { cause: error });
  }
  return new CliError(
    ExitCode.OciUnreachable,
    `cannot reach OCI at ${endpoint} while ${doing} (${networkDetail(error)}). ` +
      "Check the profile's region, the network (proxy, firewall, DNS) and that the service is up.",
    { cause: error },
  );
}

/** The SDK's network failures are plain objects `{code, message: "fetch failed", requestEndpoint}`, cause dropped. */
function networkDetail(error: unknown): string {
  if (typeof error !== "object" || error === null) return String(error);
  const { code, message } = error as { code?: unknown; message?: unknown };
  const text = firstLine(message ?? JSON.stringify(error));
  return code !== undefined && code !== null ? `${String(code)}: ${text}` : text;
}
