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
 * One step down: memory divided by the step factor, down to the floor. OCPUs drop only where the
 * memory-per-OCPU minimum demands it; when even the fewest OCPUs need more memory, memory stops there.
 * Undefined when memory cannot go lower.
 */
export function smallerFlexSize(
  current: FlexSize,
  limits: FlexShapeLimits,
  policy: MemoryPolicy,
): FlexSize | undefined {
  const { floor } = memoryRange(limits, policy);
  if (current.memoryInGBs <= floor) return undefined;
  const stepped = Math.max(Math.floor(current.memoryInGBs / policy.stepFactor), floor);
  const ocpus = Math.min(current.ocpus, Math.max(limits.minOcpus, Math.floor(stepped / limits.minMemoryPerOcpuGB)));
  const memoryInGBs = Math.max(stepped, ocpus * limits.minMemoryPerOcpuGB);
  return memoryInGBs < current.memoryInGBs ? { ocpus, memoryInGBs } : undefined;
}

export function describeFlexSize(shape: string, size: FlexSize): string {
  return `${shape} ${size.ocpus} OCPU ${size.memoryInGBs} GB`;
}
