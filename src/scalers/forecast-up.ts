import type { Config } from "../policy/config";
import type { Decision } from "../results/decision";
import { noChange, ScalingAction } from "../results/decision";
import { Reason } from "../results/reasons";
import type { DeploymentSnapshot } from "./deployment-snapshot";
import { ineligibility } from "./eligibility";
import { boundsCorrection } from "./instance-bounds";
import { fixedInstanceCount, instanceCountChange } from "./instance-count";

type Limits = Pick<Config, "MIN_INSTANCES" | "MAX_INSTANCES" | "MAX_SCALE_UP_STEP">;

/**
 * The count a forecast may start from, or the decision that says why it cannot touch the deployment: the
 * checks of every instance scale-up (state, type, FIXED_SIZE, bounds, at the maximum), made before the history
 * is read so that a deployment a forecast cannot change costs no metrics read.
 */
export function forecastStart(deployment: DeploymentSnapshot, limits: Limits): number | Decision {
  const action = ScalingAction.InstanceUp;
  const blocked = ineligibility(action, deployment);
  if (blocked) return blocked;
  const current = fixedInstanceCount(action, deployment);
  if (typeof current !== "number") return current;
  const outside = boundsCorrection(action, current, limits);
  if (outside) return outside;
  if (current >= limits.MAX_INSTANCES)
    return noChange(
      action,
      current,
      Reason.AtMaxInstances,
      `already at ${current} instances (maximum ${limits.MAX_INSTANCES})`,
    );
  return current;
}

/** A forecast only ever scales out: to its need, at most MAX_SCALE_UP_STEP more and MAX_INSTANCES. */
export function decideForecastUp(
  current: number,
  forecast: { need: number; explanation: string },
  limits: Limits,
): Decision {
  const action = ScalingAction.InstanceUp;
  if (forecast.need <= current)
    return noChange(
      action,
      current,
      Reason.ForecastWithinCount,
      `${current} instance(s) cover the forecast: ${forecast.explanation}`,
    );
  const to = Math.min(forecast.need, current + limits.MAX_SCALE_UP_STEP, limits.MAX_INSTANCES);
  const capped = to < forecast.need ? ` (capped from ${forecast.need})` : "";
  return instanceCountChange(
    action,
    current,
    to,
    Reason.ForecastScaledOut,
    `${capped} ahead of the forecast: ${forecast.explanation}`,
    "ensure",
  );
}
