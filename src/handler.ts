import { decodeAlarm } from "./alarm-decoding";
import { isActionable } from "./alarm-message";
import { actionForTitle } from "./alarm-routing";
import { mapBounded } from "./bounded-parallel";
import type { Config } from "./config";
import { type LogContext, type LogSink, logFailure, logMessageOutcome } from "./decision-log";
import { deploymentsInAlarm } from "./deployments-in-alarm";
import { TransientOciError } from "./errors";
import type { OciClients } from "./oci/clients";
import type { AlarmResponse } from "./response";
import { collectResults } from "./result-collection";
import { deliveryKey } from "./scaling-state";

export interface Invocation {
  callId?: string;
  /** When the platform kills the call: Fn-Deadline, or now + DEFAULT_TIMEOUT_SECONDS. */
  deadline: Date;
}

export interface Runtime {
  config: Config;
  /** Built on first use, so messages that are rejected or ignored never load the SDK clients. */
  clients: () => Promise<OciClients>;
  now: () => Date;
  log: LogSink;
}

/** Time kept back from the deadline to log and answer. */
const ANSWER_MARGIN_MS = 1_500;

/**
 * One alarm message, end to end: decode, route on the title, scale each deployment, answer.
 * Resolves with a response for anything about the message; rejects only when OCI failed transiently
 * (or time ran out), so the FDK answers 502 and Notifications delivers the message again.
 */
export async function handleAlarm(body: Uint8Array, invocation: Invocation, runtime: Runtime): Promise<AlarmResponse> {
  const { config } = runtime;
  const log: LogContext = { sink: runtime.log, callId: invocation.callId };
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
  const tooMany = targets.length > config.MAX_DEPLOYMENTS_PER_MESSAGE;
  if (targets.length === 0 || tooMany) {
    const reason = tooMany
      ? `the message names ${targets.length} deployments; the limit is ${config.MAX_DEPLOYMENTS_PER_MESSAGE} (MAX_DEPLOYMENTS_PER_MESSAGE)`
      : "the message names no deployment (no resourceId in dimensions or query)";
    return answer({ ...header, status: "rejected", reason, results: [] });
  }

  // Loaded here, not at the top: they load the OCI SDK, which rejected and ignored messages never need.
  const [{ scaleDeployment }, { startScalingRun }, clients] = await Promise.all([
    import("./scale-deployment"),
    import("./scaling-run"),
    runtime.clients(),
  ]);
  const answerBy = new Date(invocation.deadline.getTime() - ANSWER_MARGIN_MS);
  const run = startScalingRun(
    config,
    clients,
    {
      deadline: answerBy,
      maxAttempts: config.OCI_MAX_ATTEMPTS,
      requestTimeoutMs: config.OCI_REQUEST_TIMEOUT_SECONDS * 1000,
    },
    {
      now: runtime.now(),
      delivery: deliveryKey(message.dedupeKey ?? undefined, message.timestampEpochMillis ?? undefined),
      title: message.title,
    },
  );
  const work = mapBounded(targets, config.MAX_PARALLEL_DEPLOYMENTS, (target) => scaleDeployment(run, target, action));
  const settled = await beforeDeadline(work, answerBy, log, (late) => {
    // Nobody waits for these any more, but a change made late is still a decision: it goes in the log.
    try {
      collectResults({ ...log, afterDeadline: true }, targets, action, late);
    } catch {
      // Transient failures are logged by collectResults before it throws; nothing is left to tell.
    }
  });
  const results = collectResults(log, targets, action, settled);
  return { ...header, status: "ok", results };
}

/**
 * Every OCI call is bounded, but a call can still be slow to give up; the platform kills a call that
 * overruns, and then nobody would learn why. Past the deadline the invocation fails (502, delivered
 * again) while the work in flight finishes: each write is guarded by its ETag, so a late one is safe,
 * and `onLate` receives its outcome so it is logged.
 */
async function beforeDeadline<T>(
  work: Promise<T>,
  answerBy: Date,
  log: LogContext,
  onLate: (late: T) => void,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => {
        logFailure(log, "ran out of time before Fn-Deadline; the alarm will be delivered again", {
          answerBy: answerBy.toISOString(),
        });
        work.then(onLate, () => undefined);
        reject(new TransientOciError("ran out of time before the Fn deadline"));
      },
      Math.max(0, answerBy.getTime() - Date.now()),
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
