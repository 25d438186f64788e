import type { FlexShapeLimits } from "./flex-shape-limits";

/** A flex shape's sizing: `modelDeploymentInstanceShapeConfigDetails` without the rest. */
export interface FlexSize {
  ocpus: number;
  memoryInGBs: number;
}

/** The function's own bounds (MIN_MEMORY_GB, MAX_MEMORY_GB, per-deployment tags) and step factor. */
export interface MemoryPolicy {
  minMemoryGB: number;
  maxMemoryGB: number;
  stepFactor: number;
}

/** Memory a step may reach: the tighter of the shape's limits and the policy's bounds. */
export function memoryRange(limits: FlexShapeLimits, policy: MemoryPolicy): { floor: number; ceiling: number } {
  return {
    floor: Math.max(limits.minMemoryGB, policy.minMemoryGB),
    ceiling: Math.min(limits.maxMemoryGB, policy.maxMemoryGB, limits.maxOcpus * limits.maxMemoryPerOcpuGB),
  };
}

/**
 * One step up: memory times the step factor, up to the ceiling. OCPUs stay unless the memory-per-OCPU
 * maximum needs more of them (memory is what the alarm asked for; OCPUs cost money).
 * Undefined when memory is already at the ceiling.
 */
export function largerFlexSize(current: FlexSize, limits: FlexShapeLimits, policy: MemoryPolicy): FlexSize | undefined {
  const { ceiling } = memoryRange(limits, policy);
  if (current.memoryInGBs >= ceiling) return undefined;
  const memoryInGBs = Math.min(Math.ceil(current.memoryInGBs * policy.stepFactor), ceiling);
  const ocpus = Math.max(current.ocpus, limits.minOcpus, Math.ceil(memoryInGBs / limits.maxMemoryPerOcpuGB));
  return { ocpus, memoryInGBs };
}

/**
 * The least memory a step down may reach: the floor, and what the current OCPUs need (memory per OCPU has
 * a minimum). A memory step never lowers OCPUs: taking CPU away could set off a CPU scale-out right after.
 */
export function leastMemory(current: FlexSize, limits: FlexShapeLimits, policy: MemoryPolicy): number {
  return Math.max(memoryRange(limits, policy).floor, current.ocpus * limits.minMemoryPerOcpuGB);
}

/**
 * One step down: memory divided by the step factor, down to the least the floor and the current OCPUs allow;
 * OCPUs stay. Undefined when memory cannot go lower.
 */
export function smallerFlexSize(
  current: FlexSize,
  limits: FlexShapeLimits,
  policy: MemoryPolicy,
): FlexSize | undefined {
  const least = leastMemory(current, limits, policy);
  if (current.memoryInGBs <= least) return undefined;
  const memoryInGBs = Math.max(Math.floor(current.memoryInGBs / policy.stepFactor), least);
  return { ocpus: current.ocpus, memoryInGBs };
}

export function describeFlexSize(shape: string, size: FlexSize): string {
  return `${shape} ${size.ocpus} OCPU ${size.memoryInGBs} GB`;
}
