import type { Config } from "../policy/config";
import { flexShapeLimits } from "../policy/flex-shape-limits";
import {
  describeFlexSize,
  type FlexSize,
  largerFlexSize,
  leastMemory,
  memoryRange,
  smallerFlexSize,
} from "../policy/flex-sizing";
import type { Decision } from "../results/decision";
import { noChange, ScalingAction } from "../results/decision";
import { Reason } from "../results/reasons";
import type { DeploymentSnapshot } from "./deployment-snapshot";

export type FlexLimits = Pick<Config, "MIN_MEMORY_GB" | "MAX_MEMORY_GB" | "FLEX_MEMORY_STEP_FACTOR">;

/**
 * Vertical scaling of a flex shape: the shape stays, its memory (and OCPUs where the memory-per-OCPU
 * range demands it) moves one step. A flex shape this function has no limits for is left alone.
 */
export function decideFlexStep(
  action: typeof ScalingAction.ShapeUp | typeof ScalingAction.ShapeDown,
  shape: string,
  deployment: DeploymentSnapshot,
  config: FlexLimits,
): Decision {
  const limits = flexShapeLimits(shape);
  if (!limits) {
    return noChange(action, shape, Reason.FlexShapeNotScalable, `${shape} is a flex shape with no known limits`);
  }
  const current = currentSize(deployment);
  if (!current) {
    return noChange(action, shape, Reason.FlexShapeNotScalable, `${shape} deployment reports no OCPU and memory`);
  }
  const policy = {
    minMemoryGB: config.MIN_MEMORY_GB,
    maxMemoryGB: config.MAX_MEMORY_GB,
    stepFactor: config.FLEX_MEMORY_STEP_FACTOR,
  };
  const from = describeFlexSize(shape, current);
  const { floor, ceiling } = memoryRange(limits, policy);
  if (action === ScalingAction.ShapeUp) {
    const next = largerFlexSize(current, limits, policy);
    if (!next) {
      return noChange(
        action,
        from,
        Reason.AtMaxMemory,
        `${current.memoryInGBs} GB is the most allowed (${ceiling} GB)`,
      );
    }
    return change(action, shape, current, next, Reason.ScaledUp, "ensure");
  }
  const next = smallerFlexSize(current, limits, policy);
  if (!next) {
    const byOcpus = leastMemory(current, limits, policy) > floor;
    const why = byOcpus
      ? `the least ${current.ocpus} OCPU(s) allow (${limits.minMemoryPerOcpuGB} GB per OCPU; a memory step never removes OCPUs)`
      : `the least allowed (${floor} GB)`;
    return noChange(action, from, Reason.AtMinMemory, `${current.memoryInGBs} GB is ${why}`, "delete");
  }
  // Once no further step down is possible, the scale-down alarm has done its job.
  const last = smallerFlexSize(next, limits, policy) === undefined;
  // Above the floor the alarm stays, its threshold retuned for the smaller size.
  return change(action, shape, current, next, Reason.ScaledDown, last ? "delete" : "ensure");
}

function change(
  action: ScalingAction,
  shape: string,
  from: FlexSize,
  to: FlexSize,
  reason: typeof Reason.ScaledUp | typeof Reason.ScaledDown,
  scaleDownAlarm: "ensure" | "delete" | "none",
): Decision {
  const ocpus = from.ocpus === to.ocpus ? `${to.ocpus} OCPU` : `OCPUs ${from.ocpus} -> ${to.ocpus}`;
  return {
    kind: "change",
    action,
    from: describeFlexSize(shape, from),
    to: describeFlexSize(shape, to),
    change: { shapeName: shape, flexSize: to },
    reason,
    message: `${shape} memory ${from.memoryInGBs} -> ${to.memoryInGBs} GB, ${ocpus}`,
    scaleDownAlarm,
  };
}

function currentSize(deployment: DeploymentSnapshot): FlexSize | undefined {
  const details = deployment.instanceConfiguration?.modelDeploymentInstanceShapeConfigDetails;
  const { ocpus, memoryInGBs } = details ?? {};
  return typeof ocpus === "number" && ocpus > 0 && typeof memoryInGBs === "number" && memoryInGBs > 0
    ? { ocpus, memoryInGBs }
    : undefined;
}
