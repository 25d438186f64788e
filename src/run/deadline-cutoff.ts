import type { DeploymentTarget } from "../message/deployments-in-alarm";
import type { Config } from "../policy/config";
import type { ScalingAction } from "../results/decision";
import { Reason } from "../results/reasons";
import type { DeploymentResult } from "../results/response";
import { skipped } from "./deployment-results";

/** Time kept back from the platform's deadline to log and answer. */
const ANSWER_MARGIN_MS = 1_500;

/** When the answer is due: the invocation's deadline, less the time to log and answer. */
export function answerDeadline(deadline: Date): Date {
  return new Date(deadline.getTime() - ANSWER_MARGIN_MS);
}

/**
 * Whether a deployment may still be started: while at least one OCI request time-out is left before the
 * answer is due. A deployment takes several calls; one started later could not finish even its first before
 * the platform kills the call, and the overrun would fail the answer for every deployment already decided.
 * `nowMs` is the wall clock in the function (the deadline is one); tests pass a simulated one.
 */
export function startCutoff(answerBy: Date, requestTimeoutMs: number, nowMs: () => number = Date.now): () => boolean {
  return () => answerBy.getTime() - nowMs() >= requestTimeoutMs;
}

/** A deployment of a message without REPEATs that the deadline left unstarted: nothing will bring it back. */
export function notDecidedResult(
  target: DeploymentTarget,
  action: ScalingAction,
  named: number,
  config: Pick<Config, "MAX_DEPLOYMENTS_PER_MESSAGE" | "OCI_REQUEST_TIMEOUT_SECONDS">,
): DeploymentResult {
  return skipped(
    target.deploymentId,
    action,
    Reason.NotDecidedBeforeDeadline,
    `the message names ${named} deployments, more than MAX_DEPLOYMENTS_PER_MESSAGE (${config.MAX_DEPLOYMENTS_PER_MESSAGE}), and ` +
      "its alarm sends no REPEAT to decide the rest on, so every one the deadline allowed was started; this one " +
      `was not: less than one OCI request time-out (${config.OCI_REQUEST_TIMEOUT_SECONDS} s) was left before the answer was due`,
  );
}
