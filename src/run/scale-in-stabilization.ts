import type { DeploymentTarget } from "../message/deployments-in-alarm";
import { classifyOciFailure } from "../oci/failures";
import { loadOverWindow, peakOverWindow, peakSince } from "../oci/load-history";
import { isoDurationMinutes } from "../policy/config";
import type { ScalingLimits } from "../policy/deployment-policy";
import { ACTION_METRIC, type ChangeDecision, type Decision, ScalingAction } from "../results/decision";
import { Reason } from "../results/reasons";
import type { DeploymentSnapshot } from "../scalers/deployment-snapshot";
import { forecastForDeployment } from "../scalers/forecast-need";
import type { Peak } from "../scalers/scale-in-hold";
import { holdByForecast, holdInstanceScaleIn, holdShapeDown } from "../scalers/scale-in-hold";
import { transientError } from "./deployment-results";
import { FORECAST_TICK_MINUTES } from "./forecast-schedule";
import { scaleDownThreshold } from "./scale-down-thresholds";
import type { ScalingRun } from "./scaling-run";

/**
 * Before a scale-in the alarm asked for (an instance count going down, or a shape-down), the deployment's own
 * history, in one SummarizeMetricsData read, only for a scale-in about to be made:
 * - its peak over SCALE_IN_STABILIZATION: a low alarm sees the last few minutes, and a burst that comes back
 *   every hour or two would meet a deployment that had just been scaled in;
 * - with FORECAST_ENABLED, an instance scale-in also keeps what the history forecasts for the coming hour (the
 *   forecast schedule's tick) and one update: the read then spans FORECAST_DAYS (the window lies within it).
 * A history that cannot be read holds nothing (a warning says so): it must never block scaling in for ever.
 * A transient failure fails the call, so the alarm comes again.
 */
export async function stabilizeScaleIn(
  run: ScalingRun,
  target: DeploymentTarget,
  decision: ChangeDecision,
  snapshot: DeploymentSnapshot,
  limits: ScalingLimits,
): Promise<{ decision: Decision; warnings: string[] }> {
  const { config } = run;
  const window = config.SCALE_IN_STABILIZATION;
  const minutes = isoDurationMinutes(window) ?? 0;
  const isInstanceScaleIn = decision.action === ScalingAction.InstanceDown;
  const isShapeDown = decision.action === ScalingAction.ShapeDown;
  const metric = isShapeDown ? "MemoryUtilization" : (target.metric ?? ACTION_METRIC[decision.action]);
  const forecasting = config.FORECAST_ENABLED && isInstanceScaleIn && metric !== "MemoryUtilization";
  if ((minutes === 0 && !forecasting) || decision.reason !== Reason.ScaledDown || !(isInstanceScaleIn || isShapeDown))
    return { decision, warnings: [] };
  const span = forecasting ? Math.max(minutes, config.FORECAST_DAYS * 1440) : minutes;
  try {
    if (!forecasting) {
      const peak = await peakOverWindow(run.clients.monitoring, snapshot, metric, minutes, run.now, run.retry);
      if (isShapeDown) {
        const threshold = scaleDownThreshold("MemoryUtilization", undefined, snapshot, limits);
        return { decision: holdShapeDown(decision, peak, window, threshold), warnings: [] };
      }
      return { decision: holdInstanceScaleIn(decision, metric, peak, window, limits), warnings: [] };
    }
    const load = await loadOverWindow(run.clients.monitoring, snapshot, metric, span, run.now, run.retry);
    const nowMinute = Math.floor(run.now.getTime() / 60_000);
    const peak: Peak | undefined = minutes > 0 ? peakSince(load, nowMinute - minutes) : undefined;
    const byPeak = holdInstanceScaleIn(decision, metric, peak, window, limits);
    const forecast = forecastForDeployment(load, metric, limits, config, {
      now: run.now,
      periodMinutes: FORECAST_TICK_MINUTES + config.FORECAST_UPDATE_MINUTES,
      timeZone: config.FORECAST_TIME_ZONE,
    });
    const byForecast = forecast.kind === "need" ? forecast : undefined;
    return { decision: holdByForecast(byPeak, byForecast, limits.MIN_INSTANCES), warnings: [] };
  } catch (error) {
    const failure = classifyOciFailure(error);
    if (failure.kind === "transient") throw transientError(failure, `reading the deployment's ${metric} history`);
    const warning = `the deployment's ${metric} over the last ${forecasting ? `${config.FORECAST_DAYS} days` : window} could not be read (${failure.message}); the scale-in was not held by it`;
    return { decision, warnings: [warning] };
  }
}
