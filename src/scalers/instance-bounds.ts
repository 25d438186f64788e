import type { Config } from "../policy/config";
import type { Decision, ScalingAction } from "../results/decision";
import { Reason } from "../results/reasons";
import { instanceCountChange } from "./instance-count";

type Bounds = Pick<Config, "MIN_INSTANCES" | "MAX_INSTANCES">;

/**
 * A deployment outside [MIN_INSTANCES, MAX_INSTANCES] (the limit was lowered, or someone set the count by
 * hand) is brought inside by the next alarm of either direction, as Kubernetes' HPA clamps to its bounds
 * before anything else: a high-CPU alarm at 20 instances with a maximum of 10 goes to 10.
 */
export function boundsCorrection(action: ScalingAction, current: number, bounds: Bounds): Decision | undefined {
  const to = Math.min(Math.max(current, bounds.MIN_INSTANCES), bounds.MAX_INSTANCES);
  if (to === current) return undefined;
  const side = to < current ? `above the maximum ${bounds.MAX_INSTANCES}` : `below the minimum ${bounds.MIN_INSTANCES}`;
  // The way back down must exist above the floor; at the floor it has done its job.
  const plan = to <= bounds.MIN_INSTANCES ? "delete" : "ensure";
  return instanceCountChange(action, current, to, Reason.BroughtWithinBounds, `: ${current} is ${side}`, plan);
}
