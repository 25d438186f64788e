/** What the function answered, in a few lines, and the exit code that goes with it (docs/deploying.md, Exit codes). */
import type { FnCallResult } from "../../local-function/fn-runner";
import { ExitCode } from "../cli/exit-codes";

interface Result {
  deploymentId?: string;
  action?: string;
  outcome?: string;
  reasonCode?: string;
  reason?: string;
  scaleDownAlarm?: string;
  scaleDownAlarmPlan?: string;
  notification?: string;
}

interface Answer {
  status?: string;
  reason?: string;
  problems?: string[];
  dryRun?: boolean;
  results?: Result[];
  detail?: string;
}

export interface Summary {
  lines: string[];
  exitCode: ExitCode;
}

function resultLine(r: Result): string {
  const alarm = r.scaleDownAlarmPlan
    ? `, scale-down alarm: would ${r.scaleDownAlarmPlan}`
    : r.scaleDownAlarm && r.scaleDownAlarm !== "none"
      ? `, scale-down alarm ${r.scaleDownAlarm}`
      : "";
  const told = r.notification && r.notification !== "none" ? `, notification ${r.notification}` : "";
  return `${r.deploymentId}: ${r.action} ${r.outcome} (${r.reasonCode}: ${r.reason})${alarm}${told}`;
}

/** 401 and 404 reach the function's answer as NotFoundOrNotAuthorized, with OCI's status in the reason. */
function exitCodeFor(r: Result): ExitCode | undefined {
  if (r.outcome === "failed") return ExitCode.NotDone;
  if (r.reasonCode !== "NotFoundOrNotAuthorized") return undefined;
  return /\(401 /.test(r.reason ?? "") ? ExitCode.OciAuth : ExitCode.NotDone;
}

const HINTS: Partial<Record<ExitCode, string>> = {
  [ExitCode.OciAuth]: "OCI did not accept the signature: check the profile's user, fingerprint and key_file.",
  [ExitCode.NotDone]: "",
  [ExitCode.OciUnreachable]: "The function could not reach OCI: check the profile's region and the network.",
};

export function summarize(response: FnCallResult): Summary {
  const answer = (typeof response.body === "object" && response.body !== null ? response.body : {}) as Answer;
  if (response.status !== 200) {
    const unreachable = /network failure/.test(answer.detail ?? response.text);
    const exitCode = unreachable ? ExitCode.OciUnreachable : ExitCode.NotDone;
    const lines = [`the function failed (HTTP ${response.status}): ${answer.detail ?? response.text}`];
    if (unreachable) lines.push(HINTS[ExitCode.OciUnreachable] ?? "");
    else lines.push("Notifications would deliver this message again later.");
    return { lines, exitCode };
  }
  if (answer.status === "rejected") {
    return {
      lines: [`rejected: ${answer.reason}`, ...(answer.problems ?? []).map((p) => `  ${p}`)],
      exitCode: ExitCode.NotDone,
    };
  }
  if (answer.status === "ignored")
    return { lines: [`ignored: ${answer.reason ?? "nothing to do"}`], exitCode: ExitCode.Ok };
  const results = answer.results ?? [];
  const codes = results.map(exitCodeFor).filter((c): c is ExitCode => c !== undefined);
  const exitCode = codes.includes(ExitCode.OciAuth) ? ExitCode.OciAuth : (codes[0] ?? ExitCode.Ok);
  const lines = [
    `${answer.status}${answer.dryRun ? " (dry run: nothing was changed)" : ""}`,
    ...results.map((r) => `  ${resultLine(r)}`),
  ];
  const hint = HINTS[exitCode];
  if (hint) lines.push(hint);
  if (codes.includes(ExitCode.NotDone) && results.some((r) => r.reasonCode === "NotFoundOrNotAuthorized"))
    lines.push(
      "NotFoundOrNotAuthorized: check the OCID, the region, and the policy that lets you (or the function) manage the deployment.",
    );
  return { lines, exitCode };
}
