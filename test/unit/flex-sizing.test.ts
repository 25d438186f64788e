import { describe, expect, it } from "vitest";
import { FLEX_SHAPE_LIMITS } from "../../src/policy/flex-shape-limits";
import { type FlexSize, largerFlexSize, smallerFlexSize } from "../../src/policy/flex-sizing";

const E4 = FLEX_SHAPE_LIMITS["VM.Standard.E4.Flex"];
const OPTIMIZED3 = FLEX_SHAPE_LIMITS["VM.Optimized3.Flex"];
const DEFAULT_POLICY = { minMemoryGB: 6, maxMemoryGB: 1024, stepFactor: 2 };

describe("largerFlexSize", () => {
  it.each<{ name: string; from: FlexSize; policy?: Partial<typeof DEFAULT_POLICY>; to: FlexSize | undefined }>([
    { name: "doubles memory and keeps OCPUs", from: { ocpus: 1, memoryInGBs: 16 }, to: { ocpus: 1, memoryInGBs: 32 } },
    // 128 GB on 1 OCPU exceeds 64 GB per OCPU: a second OCPU comes with it.
    { name: "adds OCPUs the memory needs", from: { ocpus: 1, memoryInGBs: 64 }, to: { ocpus: 2, memoryInGBs: 128 } },
    {
      name: "stops at MAX_MEMORY_GB",
      from: { ocpus: 2, memoryInGBs: 96 },
      policy: { maxMemoryGB: 128 },
      to: { ocpus: 2, memoryInGBs: 128 },
    },
    { name: "is at the ceiling", from: { ocpus: 2, memoryInGBs: 128 }, policy: { maxMemoryGB: 128 }, to: undefined },
    { name: "stops at the shape's total", from: { ocpus: 16, memoryInGBs: 768 }, to: { ocpus: 16, memoryInGBs: 1024 } },
    {
      name: "rounds a fractional step up",
      from: { ocpus: 1, memoryInGBs: 15 },
      policy: { stepFactor: 1.5 },
      to: { ocpus: 1, memoryInGBs: 23 },
    },
    {
      name: "leaves a hand-set size above the ceiling alone",
      from: { ocpus: 4, memoryInGBs: 200 },
      policy: { maxMemoryGB: 128 },
      to: undefined,
    },
  ])("$name", ({ from, policy, to }) => {
    expect(largerFlexSize(from, E4, { ...DEFAULT_POLICY, ...policy })).toEqual(to);
  });

  it("stops at the shape's total for a small shape", () => {
    expect(largerFlexSize({ ocpus: 4, memoryInGBs: 192 }, OPTIMIZED3, DEFAULT_POLICY)).toEqual({
      ocpus: 4,
      memoryInGBs: 256,
    });
  });
});

describe("smallerFlexSize", () => {
  it.each<{ name: string; from: FlexSize; policy?: Partial<typeof DEFAULT_POLICY>; to: FlexSize | undefined }>([
    { name: "halves memory and keeps OCPUs", from: { ocpus: 1, memoryInGBs: 32 }, to: { ocpus: 1, memoryInGBs: 16 } },
    // 16 GB across 4 OCPUs is below 6 GB per OCPU: memory stops at 4 × 6 = 24 GB, the OCPUs stay
    // (removing them could set off a CPU scale-out right after).
    {
      name: "stops at the least the current OCPUs allow, never removing OCPUs",
      from: { ocpus: 4, memoryInGBs: 32 },
      to: { ocpus: 4, memoryInGBs: 24 },
    },
    { name: "is at the least its OCPUs allow", from: { ocpus: 4, memoryInGBs: 24 }, to: undefined },
    { name: "stops at the shape's 6 GB", from: { ocpus: 1, memoryInGBs: 8 }, to: { ocpus: 1, memoryInGBs: 6 } },
    { name: "is at the floor", from: { ocpus: 1, memoryInGBs: 6 }, to: undefined },
    {
      name: "stops at MIN_MEMORY_GB",
      from: { ocpus: 1, memoryInGBs: 32 },
      policy: { minMemoryGB: 24 },
      to: { ocpus: 1, memoryInGBs: 24 },
    },
    { name: "rounds a fractional step down", from: { ocpus: 1, memoryInGBs: 15 }, to: { ocpus: 1, memoryInGBs: 7 } },
  ])("$name", ({ from, policy, to }) => {
    expect(smallerFlexSize(from, E4, { ...DEFAULT_POLICY, ...policy })).toEqual(to);
  });

  it("keeps the memory the fewest OCPUs need", () => {
    const twoOcpuMinimum = { ...E4, minOcpus: 2 };
    // Halving gives 8 GB, but 2 OCPUs need 12.
    expect(smallerFlexSize({ ocpus: 2, memoryInGBs: 16 }, twoOcpuMinimum, DEFAULT_POLICY)).toEqual({
      ocpus: 2,
      memoryInGBs: 12,
    });
    expect(smallerFlexSize({ ocpus: 2, memoryInGBs: 12 }, twoOcpuMinimum, DEFAULT_POLICY)).toBeUndefined();
  });
});
