/** One line of `npm run doctor`: what was checked, what was found, and for a problem what to do. */
export type CheckStatus = "ok" | "problem" | "unknown";

export interface CheckResult {
  check: string;
  status: CheckStatus;
  detail: string;
  /** For a problem: the fix. For unknown: what could not be read, and the permission that reads it. */
  fix?: string;
}

export function ok(check: string, detail: string): CheckResult {
  return { check, status: "ok", detail };
}

export function problem(check: string, detail: string, fix: string): CheckResult {
  return { check, status: "problem", detail, fix };
}

/** A read OCI refused or could not answer: 401/404 say which permission, anything else what failed. */
export function unknown(check: string, what: string, error: unknown, permission: string): CheckResult {
  const status = (error as { statusCode?: number }).statusCode;
  const message = error instanceof Error ? error.message : String(error);
  const why =
    status === 404 || status === 401
      ? `not found or not authorized (${status}): the user running doctor needs ${permission}`
      : `${message}`;
  return { check, status: "unknown", detail: `could not read ${what}`, fix: why };
}

export function formatCheck(result: CheckResult): string {
  const head = `${result.status.padEnd(8)} ${result.check.padEnd(14)} ${result.detail}`;
  if (!result.fix) return head;
  return `${head}\n${" ".repeat(24)}${result.status === "problem" ? "fix: " : ""}${result.fix}`;
}
