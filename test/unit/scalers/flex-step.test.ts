import { describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/policy/config";
import { decideShapeDown, decideShapeUp } from "../../../src/scalers";
import { snapshot } from "../../support/snapshot";

const config = loadConfig({});

describe("flex shapes, memory alarms", () => {
  it.each([
    {
      name: "high memory doubles memory",
      decide: decideShapeUp,
      deployment: { shape: "VM.Standard.E4.Flex", ocpus: 1, memoryInGBs: 16 },
      expected: {
        kind: "change",
        reason: "ScaledUp",
        from: "VM.Standard.E4.Flex 1 OCPU 16 GB",
        to: "VM.Standard.E4.Flex 1 OCPU 32 GB",
        change: { shapeName: "VM.Standard.E4.Flex", flexSize: { ocpus: 1, memoryInGBs: 32 } },
        scaleDownAlarm: "ensure",
      },
    },
    {
      name: "high memory at the shape's total stops",
      decide: decideShapeUp,
      deployment: { shape: "VM.Optimized3.Flex", ocpus: 4, memoryInGBs: 256 },
      expected: { kind: "no-change", reason: "AtMaxMemory", scaleDownAlarm: "none" },
    },
    {
      name: "low memory halves memory",
      decide: decideShapeDown,
      deployment: { shape: "VM.Standard.A1.Flex", ocpus: 2, memoryInGBs: 64 },
      expected: {
        kind: "change",
        reason: "ScaledDown",
        change: { flexSize: { ocpus: 2, memoryInGBs: 32 } },
        scaleDownAlarm: "ensure",
      },
    },
    {
      // 12 -> 6 GB is the last step: the low-memory alarm goes with it.
      name: "low memory reaching the floor deletes the scale-down alarm",
      decide: decideShapeDown,
      deployment: { shape: "VM.Standard3.Flex", ocpus: 1, memoryInGBs: 12 },
      expected: { kind: "change", change: { flexSize: { ocpus: 1, memoryInGBs: 6 } }, scaleDownAlarm: "delete" },
    },
    {
      // 2 OCPUs need 12 GB: memory stops there and says why, rather than taking an OCPU away.
      name: "low memory at the least the OCPUs allow",
      decide: decideShapeDown,
      deployment: { shape: "VM.Standard3.Flex", ocpus: 2, memoryInGBs: 12 },
      expected: {
        kind: "no-change",
        reason: "AtMinMemory",
        message: expect.stringContaining("the least 2 OCPU(s) allow"),
        scaleDownAlarm: "delete",
      },
    },
    {
      name: "low memory at the floor",
      decide: decideShapeDown,
      deployment: { shape: "VM.Standard.E5.Flex", ocpus: 1, memoryInGBs: 6 },
      expected: { kind: "no-change", reason: "AtMinMemory", scaleDownAlarm: "delete" },
    },
    {
      name: "an unknown flex shape is not scaled",
      decide: decideShapeUp,
      deployment: { shape: "VM.Standard.E9.Flex", ocpus: 1, memoryInGBs: 16 },
      expected: { kind: "no-change", reason: "FlexShapeNotScalable" },
    },
    {
      name: "a flex deployment without sizing is not scaled",
      decide: decideShapeUp,
      deployment: { shape: "VM.Standard.E4.Flex" },
      expected: { kind: "no-change", reason: "FlexShapeNotScalable" },
    },
  ])("$name", ({ decide, deployment, expected }) => {
    expect(decide(snapshot(deployment), config)).toMatchObject(expected);
  });

  it("keeps MAX_MEMORY_GB", () => {
    const capped = loadConfig({ MAX_MEMORY_GB: "24" });
    const decision = decideShapeUp(snapshot({ shape: "VM.Standard.E4.Flex", ocpus: 1, memoryInGBs: 16 }), capped);
    expect(decision).toMatchObject({ kind: "change", change: { flexSize: { memoryInGBs: 24 } } });
  });
});
