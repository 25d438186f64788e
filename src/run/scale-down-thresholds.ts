import type { Config } from "../policy/config";
import type { DeploymentPolicy } from "../policy/deployment-policy";
import { flexShapeLimits } from "../policy/flex-shape-limits";
import { smallerFlexSize } from "../policy/flex-sizing";
import { findOnLadder, isFlexShape, rungSize } from "../policy/shape-ladders";
import type { ChangeDecision, DeploymentChange, ScalingMetric } from "../results/decision";
import type { DeploymentSnapshot } from "../scalers/deployment-snapshot";

export type ThresholdConfig = Pick<
  Config,
  | "LOW_CPU_THRESHOLD"
  | "LOW_MEM_THRESHOLD"
  | "TARGET_CPU_UTILIZATION"
  | "TARGET_REQUESTS_PER_INSTANCE"
  | "CPU_TOLERANCE"
  | "HIGH_MEM_THRESHOLD"
  | "SHAPE_LADDERS"
  | "MIN_MEMORY_GB"
  | "MAX_MEMORY_GB"
  | "FLEX_MEMORY_STEP_FACTOR"
>;

/** Used when `auto` has nothing to go on (a shape whose size cannot be read); the old fixed default. */
const FALLBACK_THRESHOLD = 10;

/**
 * CPU: the utilization at which one instance fewer would still stay under the target, less the tolerance:
 * target × (n − 1) / n × (1 − tolerance). At that load n − 1 instances run at target × (1 − tolerance), so
 * the scale-in neither lands inside the tolerance band nor sets off the high alarm. With target 60 and
 * tolerance 0.1: 27 at 2 instances, 36 at 3, 40.5 at 4, 48.6 at 10.
 */
export function autoLowCpuThreshold(instances: number, config: ThresholdConfig): number {
  if (instances <= 1) return 0;
  return round((config.TARGET_CPU_UTILIZATION * (instances - 1) * (1 - config.CPU_TOLERANCE)) / instances);
}

/**
 * Requests: the deployment's rate at which one instance fewer would still stay under the target, less the
 * tolerance: TARGET_REQUESTS_PER_INSTANCE × (n − 1) × (1 − tolerance) requests per minute. At that rate n − 1
 * instances each serve target × (1 − tolerance). With 600 and 0.1: 540 at 2 instances, 1080 at 3, 4860 at 10.
 */
export function autoLowRequestsThreshold(instances: number, config: ThresholdConfig): number {
  if (instances <= 1) return 0;
  return round(config.TARGET_REQUESTS_PER_INSTANCE * (instances - 1) * (1 - config.CPU_TOLERANCE));
}

/**
 * Memory: the utilization at which the next smaller shape (or flex memory step) would stay under the
 * scale-up threshold, less the tolerance: HIGH_MEM_THRESHOLD × smaller / current × (1 − tolerance). Memory per
 * rung follows the number at the end of a ladder shape's name (VM.Standard2.4 has twice VM.Standard2.2's
 * OCPUs and memory; every built-in ladder grows that way). 80 and 0.1 give 36 for a halving step.
 */
export function autoLowMemThreshold(memoryNow: number, memorySmaller: number, config: ThresholdConfig): number {
  return round(((config.HIGH_MEM_THRESHOLD * memorySmaller) / memoryNow) * (1 - config.CPU_TOLERANCE));
}

/**
 * The scale-down alarm's threshold for the deployment as it will be after `decision`: a fixed
 * LOW_*_THRESHOLD when configured, otherwise the `auto` rule for the count or size it lands on.
 */
export function scaleDownThreshold(
  metric: ScalingMetric,
  decision: Pick<ChangeDecision, "change"> | undefined,
  deployment: DeploymentSnapshot,
  config: ThresholdConfig & Pick<DeploymentPolicy["limits"], "MIN_MEMORY_GB" | "MAX_MEMORY_GB">,
): number {
  const change: DeploymentChange | undefined = decision?.change;
  const instances = change && "instanceCount" in change ? change.instanceCount : deployment.instanceCount;
  if (metric === "PredictRequestCount") {
    // Requests have no fixed setting: a fixed rate would not follow the count. No count read: the least rate that
    // still says something (one instance fewer than two).
    return autoLowRequestsThreshold(instances ?? 2, config);
  }
  const fixed = metric === "CpuUtilization" ? config.LOW_CPU_THRESHOLD : config.LOW_MEM_THRESHOLD;
  if (fixed !== "auto") return fixed;
  if (metric === "CpuUtilization") {
    return instances === undefined ? FALLBACK_THRESHOLD : autoLowCpuThreshold(instances, config);
  }
  return memoryThreshold(decision?.change, deployment, config) ?? FALLBACK_THRESHOLD;
}

function memoryThreshold(
  change: DeploymentChange | undefined,
  deployment: DeploymentSnapshot,
  config: ThresholdConfig,
): number | undefined {
  const current = deployment.instanceConfiguration;
  const shape = change && "shapeName" in change ? change.shapeName : current?.instanceShapeName;
  if (shape === undefined) return undefined;
  if (isFlexShape(shape)) {
    const size =
      change && "shapeName" in change && change.flexSize
        ? change.flexSize
        : current?.modelDeploymentInstanceShapeConfigDetails;
    const limits = flexShapeLimits(shape);
    if (!limits || typeof size?.ocpus !== "number" || typeof size.memoryInGBs !== "number") return undefined;
    const policy = {
      minMemoryGB: config.MIN_MEMORY_GB,
      maxMemoryGB: config.MAX_MEMORY_GB,
      stepFactor: config.FLEX_MEMORY_STEP_FACTOR,
    };
    const smaller = smallerFlexSize({ ocpus: size.ocpus, memoryInGBs: size.memoryInGBs }, limits, policy);
    return smaller ? autoLowMemThreshold(size.memoryInGBs, smaller.memoryInGBs, config) : undefined;
  }
  const position = findOnLadder(config.SHAPE_LADDERS, shape);
  const below = position && position.index > 0 ? position.ladder[position.index - 1] : undefined;
  const [now, smaller] = [rungSize(shape), below === undefined ? undefined : rungSize(below)];
  return now && smaller ? autoLowMemThreshold(now, smaller, config) : undefined;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
