import { describe, expect, it } from "vitest";
import { FLEX_SHAPE_LIMITS, flexShapeLimits } from "../../src/policy/flex-shape-limits";

describe("FLEX_SHAPE_LIMITS", () => {
  it.each(Object.entries(FLEX_SHAPE_LIMITS))("%s is consistent", (_shape, limits) => {
    expect(limits.minOcpus).toBeLessThanOrEqual(limits.maxOcpus);
    expect(limits.minMemoryPerOcpuGB).toBeLessThanOrEqual(limits.maxMemoryPerOcpuGB);
    // The smallest size is reachable: the fewest OCPUs fit in the least memory.
    expect(limits.minOcpus * limits.minMemoryPerOcpuGB).toBeLessThanOrEqual(limits.minMemoryGB);
    expect(limits.minMemoryGB).toBeLessThan(limits.maxMemoryGB);
  });

  it("covers the six flex shapes model deployments offer", () => {
    expect(Object.keys(FLEX_SHAPE_LIMITS).sort()).toEqual([
      "VM.Optimized3.Flex",
      "VM.Standard.A1.Flex",
      "VM.Standard.E3.Flex",
      "VM.Standard.E4.Flex",
      "VM.Standard.E5.Flex",
      "VM.Standard3.Flex",
    ]);
  });

  it("knows no other shape", () => {
    expect(flexShapeLimits("VM.Standard.E6.Flex")).toBeUndefined();
    expect(flexShapeLimits("constructor")).toBeUndefined();
  });
});
