import { decodeAlarm } from "./message/alarm-decoding";
import { type AlarmMessage, isActionable } from "./message/alarm-message";
import { routeForTitle } from "./message/alarm-routing";
import { deploymentsInAlarm } from "./message/deployments-in-alarm";
import { claimsForecastKind } from "./message/forecast-body";
import type { OciClients } from "./oci/clients";
import type { Config } from "./policy/config";
import type { AlarmRoute } from "./results/decision";
import { type LogContext, type LogSink, logDecision, logFailure, logMessageOutcome } from "./results/decision-log";
import { TransientOciError } from "./results/errors";
import type { AlarmResponse } from "./results/response";
import { mapBounded, splitByStart } from "./run/bounded-parallel";
import { answerDeadline, notDecidedResult } from "./run/deadline-cutoff";
import { deferredResult, planDelivery } from "./run/delivery-plan";
import { collectResults } from "./run/result-collection";
import type { ScalingRun } from "./run/scaling-run";
import { deliveryKey } from "./run/scaling-state";

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
  /** Real seconds per second of retry back-off; only local runs on a simulated clock set it (see RetryBudget). */
  retryDelayScale?: number;
}

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
  const forecast = forecastJson(body, config.MAX_BODY_BYTES);
  if (forecast !== undefined) {
    const { handleForecast } = await import("./run/handle-forecast");
    return handleForecast(forecast, invocation, runtime);
  }
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
  const answerBy = answerDeadline(invocation.deadline);
  // Loaded only when needed: they load the OCI SDK, which rejected and ignored messages never need.
  let opened: Promise<ScalingRun> | undefined;
  const openRun = () => {
    opened ??= openScalingRun(runtime, message, answerBy, log);
    return opened;
  };
  const route = await routeOf(message, config, openRun);
  if ("ignored" in route) return answer({ ...header, status: "ignored", reason: route.ignored, results: [] });
  const { action, metric, routedBy } = route;
  Object.assign(log, routedBy);
  const targets = deploymentsInAlarm(message, metric).map((target) => ({ ...target, metric }));
  if (targets.length === 0) {
    const reason = "the message names no deployment (no resourceId in dimensions or query)";
    return answer({ ...header, ...routedBy, status: "rejected", reason, results: [] });
  }
  const [{ scaleDeployment }, { notifyUndecided }, run] = await Promise.all([
    import("./run/scale-deployment"),
    import("./run/notify"),
    openRun(),
  ]);
  const plan = await planDelivery(run, targets, message.timestampEpochMillis ?? undefined, answerBy);
  const { chosen } = plan;
  const scale = mapBounded(
    chosen,
    config.MAX_PARALLEL_DEPLOYMENTS,
    (t) => scaleDeployment(run, t, action),
    plan.mayStart,
  );
  const outcomes = await beforeDeadline(scale, answerBy, log, (late) => {
    // Nobody waits for these any more, but a change made late is still a decision: it goes in the log.
    try {
      const { started, settled } = splitByStart(chosen, late);
      collectResults({ ...log, afterDeadline: true }, started, action, settled);
    } catch {
      // Transient failures are logged by collectResults before it throws; nothing is left to tell.
    }
  });
  const { started, settled, notStarted } = splitByStart(chosen, outcomes);
  const unstarted = notStarted.map((target) => notDecidedResult(target, action, targets.length, config));
  const undecided = await notifyUndecided(run, unstarted, plan.alarm, answerBy);
  for (const [index, result] of undecided.entries()) logDecision(log, result, notStarted[index]?.firingAlarmId ?? "");
  const results = collectResults(log, started, action, settled);
  const deferredResults = plan.deferred.map((target) => {
    const result = deferredResult(target, action, targets.length, config.MAX_DEPLOYMENTS_PER_MESSAGE);
    logDecision(log, result, target.firingAlarmId);
    return result;
  });
  return { ...header, ...routedBy, status: "ok", results: [...results, ...undecided, ...deferredResults] };
}

/** The parsed body when it says it is one of this project's (a forecast schedule's tick); undefined otherwise. */
function forecastJson(body: Uint8Array, maxBytes: number): unknown {
  if (body.byteLength > maxBytes) return undefined;
  try {
    const json: unknown = JSON.parse(Buffer.from(body).toString("utf8"));
    return claimsForecastKind(json) ? json : undefined;
  } catch {
    return undefined;
  }
}

type Route = (AlarmRoute & { routedBy: { routedByAlarmName?: string } }) | { ignored: string };

/** The title routes the message; failing that, the firing alarm's display name (see alarm-name-routing.ts). */
async function routeOf(message: AlarmMessage, config: Config, openRun: () => Promise<ScalingRun>): Promise<Route> {
  const byTitle = routeForTitle(message.title, config);
  if (byTitle) return { ...byTitle, routedBy: {} };
  const { routeByAlarmName } = await import("./run/alarm-name-routing");
  const routed = await routeByAlarmName(await openRun(), message, config);
  if ("ignored" in routed) return routed;
  return { action: routed.action, metric: routed.metric, routedBy: { routedByAlarmName: routed.alarmName } };
}

async function openScalingRun(runtime: Runtime, message: AlarmMessage, answerBy: Date, log: LogContext) {
  const { config } = runtime;
  const [{ startScalingRun, invocationBudget }, clients] = await Promise.all([
    import("./run/scaling-run"),
    runtime.clients(),
  ]);
  return startScalingRun(config, clients, invocationBudget(config, answerBy, runtime.retryDelayScale), {
    now: runtime.now(),
    delivery: deliveryKey(message.dedupeKey ?? undefined, message.timestampEpochMillis ?? undefined),
    trigger: { title: message.title, type: message.type },
    onFailure: (text, details) => logFailure(log, text, details),
  });
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
