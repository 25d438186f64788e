import { type ForecastBody, ForecastBodySchema } from "../message/forecast-body";
import type { OciClients } from "../oci/clients";
import { classifyOciFailure } from "../oci/failures";
import { loadOverWindow } from "../oci/load-history";
import type { DeploymentRead } from "../oci/model-deployments";
import { findScaleUpAlarm } from "../oci/scale-up-alarm";
import { lastFinishedChange } from "../oci/work-requests";
import type { Config } from "../policy/config";
import { deploymentPolicy, PolicyTag } from "../policy/deployment-policy";
import { type ChangeDecision, type Decision, noChange, ScalingAction } from "../results/decision";
import { type LogContext, type LogSink, logDecision, logFailure, logMessageOutcome } from "../results/decision-log";
import { Reason } from "../results/reasons";
import type { AlarmResponse, DeploymentResult } from "../results/response";
import { forecastForDeployment } from "../scalers/forecast-need";
import { decideForecastUp, forecastStart } from "../scalers/forecast-up";
import { nextRunAfter } from "../scalers/recurrence";
import { applyChange } from "./apply-change";
import { compartmentRefusal } from "./authorization";
import { mapBounded, splitByStart } from "./bounded-parallel";
import { answerDeadline, startCutoff } from "./deadline-cutoff";
import { readNamedDeployment } from "./deployment-read";
import { failureResult, resultOf, skipped, transientError } from "./deployment-results";
import { FORECAST_TICK_MINUTES, FORECAST_TIME_ZONE } from "./forecast-schedule";
import { withNotification } from "./notify";
import { collectResults } from "./result-collection";
import { invocationBudget, type ScalingRun, startScalingRun } from "./scaling-run";
import { cooldownAfterFinishedChange, stateBlock } from "./scaling-state";
import { checkSchedule } from "./schedule-check";

/** What the handler passes (its Invocation and Runtime, which live above run/). */
export interface TickInvocation {
  callId?: string;
  deadline: Date;
}
export interface TickRuntime {
  config: Config;
  clients: () => Promise<OciClients>;
  now: () => Date;
  log: LogSink;
  retryDelayScale?: number;
}
const ACTION = ScalingAction.InstanceUp;

/**
 * One tick of the forecast schedule: the body checked against the schedule it names, then for each deployment
 * it lists, the need its own history forecasts for the coming period, and a scale-out ahead when that is more
 * than there is. Nothing is written before the schedule vouched for the body. Resolves with a response for
 * anything about the body; rejects only when OCI failed transiently (the next tick comes within the hour).
 */
export async function handleForecast(
  json: unknown,
  invocation: TickInvocation,
  runtime: TickRuntime,
): Promise<AlarmResponse> {
  const { config } = runtime;
  const log: LogContext = { sink: runtime.log, callId: invocation.callId, title: "forecast", type: "SCHEDULE" };
  const answer = (response: AlarmResponse) => {
    logMessageOutcome(log, response);
    return response;
  };
  const parsed = ForecastBodySchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`);
    return answer({
      kind: "forecast",
      status: "rejected",
      reason: "not a valid forecast body",
      problems,
      dryRun: config.DRY_RUN,
      results: [],
    });
  }
  const body = parsed.data;
  const header = { kind: "forecast" as const, scheduleId: body.scheduleId, dryRun: config.DRY_RUN };
  if (!config.FORECAST_ENABLED) {
    const reason = "FORECAST_ENABLED=false: the schedule's tick decides nothing";
    return answer({ ...header, status: "ignored", reasonCode: Reason.ForecastDisabled, reason, results: [] });
  }
  const answerBy = answerDeadline(invocation.deadline);
  const clients = await runtime.clients();
  const run = startScalingRun(config, clients, invocationBudget(config, answerBy, runtime.retryDelayScale), {
    now: runtime.now(),
    delivery: undefined,
    trigger: { title: `forecast schedule ${body.scheduleId}`, type: "SCHEDULE" },
    onFailure: (text, details) => logFailure(log, text, details),
  });
  const verdict = await checkSchedule(await clients.schedules(), body, config.FN_FN_ID, run.retry);
  if (!verdict.ok)
    return answer({
      ...header,
      status: "rejected",
      reasonCode: verdict.reasonCode,
      reason: verdict.reason,
      results: [],
    });
  const timeZone = verdict.schedule.localTimeZone || FORECAST_TIME_ZONE;
  const periodMinutes = minutesToNextTick(verdict.schedule, run.now, timeZone) + config.FORECAST_UPDATE_MINUTES;
  const ids = [...new Set(body.deploymentIds.map((id) => id.toLowerCase()))];
  const mayStart = startCutoff(answerBy, config.OCI_REQUEST_TIMEOUT_SECONDS * 1000);
  const outcomes = await mapBounded(
    ids,
    config.MAX_PARALLEL_DEPLOYMENTS,
    (id) => forecastDeployment(run, id, periodMinutes, timeZone),
    mayStart,
  );
  // As for an alarm's deployments: a transient failure fails the call after every result is logged.
  const targets = ids.map((deploymentId) => ({ deploymentId, firingAlarmId: body.scheduleId }));
  const { started, settled, notStarted } = splitByStart(targets, outcomes);
  const unstarted = notStarted.map(({ deploymentId }) => {
    const reason = "the deadline came before this deployment was decided; the next tick decides it";
    const result = skipped(deploymentId, ACTION, Reason.NotDecidedBeforeDeadline, reason);
    logDecision(log, result, body.scheduleId);
    return result;
  });
  const results = [...collectResults(log, started, ACTION, settled), ...unstarted];
  return { ...header, status: "ok", results };
}

/** From now to the schedule's next run (its cron, in its time zone); an hour when the recurrence is not one read here. */
function minutesToNextTick(
  schedule: { recurrenceType: unknown; recurrenceDetails: string },
  now: Date,
  timeZone: string,
): number {
  const next =
    String(schedule.recurrenceType) === "CRON" ? nextRunAfter(schedule.recurrenceDetails, now, timeZone) : undefined;
  return next ? Math.ceil((next.getTime() - now.getTime()) / 60_000) : FORECAST_TICK_MINUTES;
}

async function forecastDeployment(
  run: ScalingRun,
  deploymentId: string,
  periodMinutes: number,
  timeZone: string,
): Promise<DeploymentResult> {
  const named = await readNamedDeployment(run, deploymentId, ACTION);
  if (!("read" in named)) return named.result;
  const { read } = named;
  const { snapshot } = read;
  const metric = run.config.FORECAST_METRIC;
  const target = { deploymentId, firingAlarmId: "", metric };
  const decided = await decide(run, read, periodMinutes, timeZone);
  const result: DeploymentResult = {
    ...resultOf(deploymentId, decided.decision),
    opcRequestId: read.opcRequestId,
    ...(decided.warnings.length > 0 ? { warnings: decided.warnings } : {}),
  };
  const { decision } = decided;
  if (decision.kind !== "change") return result;
  const compartment = compartmentRefusal(snapshot, run.config);
  if (compartment) return { ...result, to: undefined, reasonCode: Reason.CompartmentNotAllowed, reason: compartment };
  let scaleUpAlarmId: string | undefined;
  const alarmName =
    metric === "PredictRequestCount" ? run.config.HIGH_REQUESTS_ALARM_NAME : run.config.HIGH_CPU_ALARM_NAME;
  try {
    scaleUpAlarmId = await findScaleUpAlarm(
      run.clients.monitoring,
      snapshot.compartmentId,
      alarmName,
      deploymentId,
      run.retry,
    );
  } catch (error) {
    return failureResult(result, classifyOciFailure(error), "finding the deployment's scale-up alarm");
  }
  if (!scaleUpAlarmId) {
    const reason = `no enabled scale-up alarm named ${alarmName} for this deployment in its compartment: a forecast scale-out would have no scale-down alarm to come back down by; nothing was written`;
    return { ...result, to: undefined, reasonCode: Reason.ForecastNoScaleUpAlarm, reason };
  }
  if (run.config.DRY_RUN) return { ...result, outcome: "dry-run", scaleDownAlarmPlan: decision.scaleDownAlarm };
  const changed = await applyChange(
    run,
    { ...target, firingAlarmId: scaleUpAlarmId },
    snapshot,
    decision,
    result,
    decided.limits,
  );
  return changed.outcome === "updated" || changed.outcome === "failed"
    ? withNotification(run, { ...target, firingAlarmId: scaleUpAlarmId }, snapshot, changed)
    : changed;
}

/** The deployment's own policy, the forecast from its history (one metrics read), then cooldowns. */
async function decide(run: ScalingRun, read: DeploymentRead, periodMinutes: number, timeZone: string) {
  const { snapshot } = read;
  const shape = snapshot.instanceConfiguration?.instanceShapeName;
  const policy = deploymentPolicy(snapshot.freeformTags, shape, run.config);
  const limits = policy.limits;
  const warnings = [...policy.warnings];
  const done = (decision: Decision) => ({ decision, limits, warnings });
  if (!policy.enabled)
    return done(
      noChange(
        ACTION,
        undefined,
        Reason.AutoscaleDisabled,
        `tag ${PolicyTag.Enabled}=false: this deployment opted out of autoscaling`,
      ),
    );
  const start = forecastStart(snapshot, limits);
  if (typeof start !== "number") return done(start);
  const metric = run.config.FORECAST_METRIC;
  let load: Map<number, number>;
  try {
    load = await loadOverWindow(
      run.clients.monitoring,
      snapshot,
      metric,
      run.config.FORECAST_DAYS * 1440,
      run.now,
      run.retry,
    );
  } catch (error) {
    const failure = classifyOciFailure(error);
    if (failure.kind === "transient") throw transientError(failure, `reading the deployment's ${metric} history`);
    return done(
      noChange(
        ACTION,
        start,
        Reason.ForecastTooLittleHistory,
        `the deployment's ${metric} history could not be read (${failure.message}); nothing forecast`,
      ),
    );
  }
  const forecast = forecastForDeployment(load, metric, limits, run.config, { now: run.now, periodMinutes, timeZone });
  if (forecast.kind === "too-little-history")
    return done(noChange(ACTION, start, Reason.ForecastTooLittleHistory, `${forecast.explanation}; nothing forecast`));
  if (forecast.kind === "no-rhythm")
    return done(noChange(ACTION, start, Reason.ForecastNoRhythm, `${forecast.explanation}; nothing forecast`));
  const decision = decideForecastUp(start, forecast, limits);
  if (decision.kind !== "change") return done(decision);
  const blocked = stateBlock(decision, snapshot, run.config, run.now, undefined);
  if (blocked) return done(blocked);
  return done(await afterLastChange(run, decision, snapshot, warnings));
}

/** The cooldown counted from when the deployment's last change finished (its work requests), as for alarms. */
async function afterLastChange(
  run: ScalingRun,
  decision: ChangeDecision,
  snapshot: DeploymentRead["snapshot"],
  warnings: string[],
): Promise<Decision> {
  try {
    const finishedAt = await lastFinishedChange(run.clients.dataScience, snapshot, run.retry);
    return cooldownAfterFinishedChange(decision, finishedAt, run.config, run.now) ?? decision;
  } catch (error) {
    const failure = classifyOciFailure(error);
    if (failure.kind === "transient") throw transientError(failure, "reading the deployment's work requests");
    warnings.push(
      `could not read the deployment's work requests (${failure.message}); the cooldown counts from this function's own last change only`,
    );
    return decision;
  }
}

export type { ForecastBody };
