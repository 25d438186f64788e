import { decodeAlarm } from "./alarm-decoding";
import { isActionable } from "./alarm-message";
import { actionForTitle } from "./alarm-routing";
import { mapBounded } from "./bounded-parallel";
import type { Config } from "./config";
import { type LogContext, logDecision, logFailure, logMessageOutcome } from "./decision-log";
import { deploymentsInAlarm } from "./deployments-in-alarm";
import { TransientOciError } from "./errors";
import type { OciClients } from "./oci/clients";
import { Reason } from "./reasons";
import type { AlarmResponse, DeploymentResult } from "./response";

export interface Invocation {
  callId?: string;
  /** When the platform kills the call: Fn-Deadline, or now + DEFAULT_TIMEOUT_SECONDS. */
  deadline: Date;
}

export interface Runtime {
  config: Config;
  /** Built on first use, so messages that are rejected or ignored never load the SDK clients. */
  clients: () => Promise<OciClients>;
}

const DEPLOYMENTS_IN_FLIGHT = 4;
/** Time kept back from the deadline to log and answer. */
const ANSWER_MARGIN_MS = 2_000;

/**
 * One alarm message, end to end: decode, route on the title, scale each deployment, answer.
 * Resolves with a response for anything about the message; rejects only when OCI failed transiently,
 * so the FDK answers 502 and Notifications delivers the message again.
 */
export async function handleAlarm(body: Uint8Array, invocation: Invocation, runtime: Runtime): Promise<AlarmResponse> {
  const { config } = runtime;
  const log: LogContext = { callId: invocation.callId };
  const answer = (response: AlarmResponse) => {
    logMessageOutcome(log, response);
    return response;
  };
  const decoded = decodeAlarm(body, config.MAX_BODY_BYTES);
  if (!decoded.ok) {
    return answer({
      status: "rejected",
      reason: decoded.reason,
      problems: decoded.problems,
      dryRun: config.DRY_RUN,
      results: [],
    });
  }
  const message = decoded.message;
  Object.assign(log, { dedupeKey: message.dedupeKey ?? undefined, title: message.title, type: message.type });
  const header = {
    title: message.title,
    type: message.type,
    dedupeKey: message.dedupeKey ?? undefined,
    dryRun: config.DRY_RUN,
  };
  if (!isActionable(message.type)) {
    return answer({
      ...header,
      status: "ignored",
      reason: `alarm type ${message.type} asks for no action`,
      results: [],
    });
  }
  const action = actionForTitle(message.title, config);
  if (!action) {
    return answer({
      ...header,
      status: "ignored",
      reason: `no scaling action for alarm title "${message.title}"`,
      results: [],
    });
  }
  const targets = deploymentsInAlarm(message);
  if (targets.length === 0) {
    return answer({
      ...header,
      status: "rejected",
      reason: "the message names no deployment (no resourceId in dimensions or query)",
      results: [],
    });
  }
  if (targets.length > config.MAX_DEPLOYMENTS_PER_MESSAGE) {
    return answer({
      ...header,
      status: "rejected",
      reason: `the message names ${targets.length} deployments; the limit is ${config.MAX_DEPLOYMENTS_PER_MESSAGE} (MAX_DEPLOYMENTS_PER_MESSAGE)`,
      results: [],
    });
  }

  // Loaded here, not at the top: they load the OCI SDK, which rejected and ignored messages never need.
  const [{ retryUntil }, { scaleDeployment, startScalingRun }, clients] = await Promise.all([
    import("./oci/retry-policy"),
    import("./scale-deployment"),
    runtime.clients(),
  ]);
  const answerBy = new Date(invocation.deadline.getTime() - ANSWER_MARGIN_MS);
  const retry = retryUntil(answerBy, config.OCI_MAX_ATTEMPTS, config.OCI_REQUEST_TIMEOUT_SECONDS * 1000);
  const run = startScalingRun(config, clients, retry);
  const settled = await mapBounded(targets, DEPLOYMENTS_IN_FLIGHT, (target) => scaleDeployment(run, target, action));

  const results: DeploymentResult[] = [];
  const transientFailures: string[] = [];
  settled.forEach((outcome, index) => {
    const target = targets[index];
    if (!target) return;
    if (outcome.status === "fulfilled") {
      results.push(outcome.value);
      logDecision(log, outcome.value, target.firingAlarmId);
      return;
    }
    const error = outcome.reason;
    if (error instanceof TransientOciError) {
      transientFailures.push(`${target.deploymentId}: ${error.message}`);
      logFailure(log, "transient OCI failure; the alarm will be delivered again", {
        deploymentId: target.deploymentId,
        action,
        reason: error.message,
        opcRequestId: error.opcRequestId,
      });
      return;
    }
    const failed: DeploymentResult = {
      deploymentId: target.deploymentId,
      action,
      outcome: "failed",
      reasonCode: Reason.UpdateRefused,
      reason: error instanceof Error ? error.message : String(error),
      scaleDownAlarm: "none",
    };
    results.push(failed);
    logDecision(log, failed, target.firingAlarmId);
  });
  if (transientFailures.length > 0) {
    throw new TransientOciError(
      `OCI failed transiently for ${transientFailures.length} of ${targets.length} deployment(s): ${transientFailures.join("; ")}`,
    );
  }
  return { ...header, status: "ok", results };
}
