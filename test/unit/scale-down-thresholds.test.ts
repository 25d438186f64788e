import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/policy/config";
import { autoLowCpuThreshold, scaleDownThreshold } from "../../src/run/scale-down-thresholds";
import { snapshot } from "../support/snapshot";

const auto = loadConfig({});

describe("autoLowCpuThreshold: target × (n − 1) / n × (1 − tolerance)", () => {
  it.each([
    // At 27 % on 2 instances, one instance runs at 54 %: 60 % less the 10 % tolerance.
    { n: 2, threshold: 27 },
    { n: 3, threshold: 36 },
    { n: 4, threshold: 40.5 },
    { n: 10, threshold: 48.6 },
    // At one instance there is nothing to remove.
    { n: 1, threshold: 0 },
  ])("$n instances: below $threshold %", ({ n, threshold }) => {
    expect(autoLowCpuThreshold(n, auto)).toBe(threshold);
  });

  it("scales in to exactly the target less the tolerance", () => {
    for (const n of [2, 3, 5, 8]) {
      const after = (autoLowCpuThreshold(n, auto) * n) / (n - 1);
      expect(after).toBeCloseTo(auto.TARGET_CPU_UTILIZATION * (1 - auto.CPU_TOLERANCE), 0);
    }
  });
});

describe("scaleDownThreshold", () => {
  it.each([
    {
      name: "CPU after a change to 4 instances",
      metric: "CpuUtilization" as const,
      change: { instanceCount: 4 },
      deployment: snapshot({ instanceCount: 2 }),
      expected: 40.5,
    },
    {
      name: "CPU with no change: the count the deployment has",
      metric: "CpuUtilization" as const,
      change: undefined,
      deployment: snapshot({ instanceCount: 3 }),
      expected: 36,
    },
    {
      // VM.Standard2.4 -> VM.Standard2.2 halves the memory: 80 × 1/2 × 0.9.
      name: "memory after a move to VM.Standard2.4",
      metric: "MemoryUtilization" as const,
      change: { shapeName: "VM.Standard2.4" },
      deployment: snapshot({ shape: "VM.Standard2.2" }),
      expected: 36,
    },
    {
      // VM.Standard2.24 -> VM.Standard2.16: 80 × 16/24 × 0.9.
      name: "memory on the last, uneven rung",
      metric: "MemoryUtilization" as const,
      change: { shapeName: "VM.Standard2.24" },
      deployment: snapshot({ shape: "VM.Standard2.16" }),
      expected: 48,
    },
    {
      // 64 GB steps down to 32 GB: 80 × 32/64 × 0.9.
      name: "flex memory after a step to 64 GB",
      metric: "MemoryUtilization" as const,
      change: { shapeName: "VM.Standard.E4.Flex", flexSize: { ocpus: 2, memoryInGBs: 64 } },
      deployment: snapshot({ shape: "VM.Standard.E4.Flex", ocpus: 2, memoryInGBs: 32 }),
      expected: 36,
    },
    {
      // 4 OCPUs need 24 GB: 32 GB can only step to 24 GB, so the alarm must wait for 80 × 24/32 × 0.9.
      name: "flex memory whose next step is bounded by its OCPUs",
      metric: "MemoryUtilization" as const,
      change: undefined,
      deployment: snapshot({ shape: "VM.Standard.E4.Flex", ocpus: 4, memoryInGBs: 32 }),
      expected: 54,
    },
  ])("$name: $expected", ({ metric, change, deployment, expected }) => {
    const decision = change ? { change } : undefined;
    expect(scaleDownThreshold(metric, decision, deployment, auto)).toBe(expected);
  });

  it("keeps a fixed LOW_*_THRESHOLD as it is", () => {
    const fixed = loadConfig({ LOW_CPU_THRESHOLD: "12", LOW_MEM_THRESHOLD: "15" });
    const deployment = snapshot({ instanceCount: 5 });
    expect(scaleDownThreshold("CpuUtilization", { change: { instanceCount: 4 } }, deployment, fixed)).toBe(12);
    expect(scaleDownThreshold("MemoryUtilization", undefined, deployment, fixed)).toBe(15);
  });
});
