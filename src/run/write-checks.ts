import type { models } from "oci-monitoring";
import type { DeploymentTarget } from "../message/deployments-in-alarm";
import { isFiringFor } from "../oci/alarm-streams";
import { classifyOciFailure } from "../oci/failures";
import type { ScalingAction } from "../results/decision";
import { Reason, type ReasonCode } from "../results/reasons";
import type { DeploymentResult } from "../results/response";
import type { DeploymentSnapshot } from "../scalers/deployment-snapshot";
import { compartmentRefusal, firingAlarmRefusal } from "./authorization";
import { failureResult } from "./deployment-results";
import type { ScalingRun } from "./scaling-run";

export type WriteCheck = { refusal: DeploymentResult } | { warnings: string[] };

/**
 * Before any write: the deployment's compartment is allowed, the firing alarm is real and covers it, and
 * it fires for this deployment now. In a dry run a not-firing alarm is a warning, so a test message can rehearse.
 */
export async function checkBeforeWrite(
  run: ScalingRun,
  target: DeploymentTarget,
  action: ScalingAction,
  snapshot: DeploymentSnapshot,
  result: DeploymentResult,
): Promise<WriteCheck> {
  const compartment = compartmentRefusal(snapshot, run.config);
  if (compartment) return { refusal: skip(result, Reason.CompartmentNotAllowed, compartment) };
  if (!run.config.VERIFY_FIRING_ALARM) return { warnings: [] };
  let refusal: string | undefined;
  let alarm: models.Alarm | undefined;
  try {
    alarm = await run.alarms.firingAlarm(target.firingAlarmId);
    refusal = firingAlarmRefusal(alarm, run.config, action, snapshot, target.metric);
  } catch (error) {
    const failure = classifyOciFailure(error);
    if (failure.kind !== "not-found") return { refusal: failureResult(result, failure, "reading the firing alarm") };
    refusal = `alarm ${target.firingAlarmId} does not exist, or the function may not read it`;
  }
  if (refusal || !alarm) return { refusal: skip(result, Reason.AlarmNotVerified, refusal ?? "") };
  return firingNow(run, target, alarm, result);
}

/**
 * A real alarm id is not enough: replayed, redelivered (Notifications retries for up to 2 hours) or hand-made
 * messages act only while the alarm is enabled and Monitoring holds it FIRING for this deployment.
 */
async function firingNow(
  run: ScalingRun,
  target: DeploymentTarget,
  alarm: models.Alarm,
  result: DeploymentResult,
): Promise<WriteCheck> {
  let notFiring: string | undefined;
  if (!alarm.isEnabled) notFiring = `alarm ${alarm.id} is disabled`;
  else if (run.config.VERIFY_FIRING_STATE) {
    try {
      const firing = await isFiringFor(run.clients.monitoring, alarm.id, target.deploymentId, run.retry);
      if (!firing) notFiring = `Monitoring does not hold alarm ${alarm.id} FIRING for this deployment now`;
    } catch (error) {
      return { refusal: failureResult(result, classifyOciFailure(error), "reading the alarm's firing state") };
    }
  }
  if (!notFiring) return { warnings: [] };
  const reason = `${notFiring}: a stale redelivery or a hand-made test message does not scale. ${REHEARSAL}`;
  return run.config.DRY_RUN ? { warnings: [reason] } : { refusal: skip(result, Reason.AlarmNotFiring, reason) };
}

function skip(result: DeploymentResult, reasonCode: ReasonCode, reason: string): DeploymentResult {
  return { ...result, outcome: "skipped", to: undefined, reasonCode, reason };
}

const REHEARSAL =
  "To rehearse with a test message: DRY_RUN=true, `npm run invoke -- --oci --dry-run`, or VERIFY_FIRING_STATE=false";
