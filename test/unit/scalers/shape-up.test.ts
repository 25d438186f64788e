import { describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/policy/config";
import type { DeploymentSnapshot } from "../../../src/scalers/deployment-snapshot";
import { decideShapeUp } from "../../../src/scalers/shape-up";
import { snapshotOf } from "../../support/deployment-snapshots";

function deployment(shape: string | undefined, overrides: Partial<DeploymentSnapshot> = {}): DeploymentSnapshot {
  return snapshotOf({
    instanceCount: 2,
    instanceConfiguration: shape === undefined ? undefined : { instanceShapeName: shape },
    ...overrides,
  });
}

const defaults = loadConfig({});

describe("decideShapeUp", () => {
  it.each([
    ["VM.Standard2.1", "VM.Standard2.2"],
    ["VM.Standard2.2", "VM.Standard2.4"],
    ["VM.Standard2.4", "VM.Standard2.8"],
    ["VM.Standard2.8", "VM.Standard2.16"],
    ["VM.Standard2.16", "VM.Standard2.24"],
    ["VM.Standard.E2.4", "VM.Standard.E2.8"],
    ["VM.GPU3.2", "VM.GPU3.4"],
    ["VM.GPU.A10.1", "VM.GPU.A10.2"],
  ])("moves %s one rung up to %s and ensures the scale-down alarm", (from, to) => {
    expect(decideShapeUp(deployment(from), defaults)).toEqual({
      kind: "change",
      action: "shape-up",
      from,
      to,
      change: { shapeName: to },
      reason: "ScaledUp",
      message: `shape ${from} -> ${to}`,
      scaleDownAlarm: "ensure",
    });
  });

  it.each(["VM.Standard2.24", "VM.Standard.E2.8", "VM.GPU3.4", "VM.GPU.A10.2", "VM.GPU2.1"])(
    "stays on %s, the top of its ladder",
    (shape) => {
      expect(decideShapeUp(deployment(shape), defaults)).toEqual({
        kind: "no-change",
        action: "shape-up",
        from: shape,
        reason: "AtLargestShape",
        message: `${shape}: the largest shape on its ladder`,
        scaleDownAlarm: "none",
      });
    },
  );

  it.each(["VM.Standard.E4.Flex", "VM.Standard3.Flex", "VM.Optimized3.Flex"])(
    "does not scale the flex shape %s when the deployment reports no OCPUs or memory",
    (shape) => {
      expect(decideShapeUp(deployment(shape), defaults)).toEqual({
        kind: "no-change",
        action: "shape-up",
        from: shape,
        reason: "FlexShapeNotScalable",
        message: `${shape} deployment reports no OCPU and memory`,
        scaleDownAlarm: "none",
      });
    },
  );

  it.each([
    "BM.Standard2.52",
    // Shape names are matched exactly, as OCI spells them.
    "vm.standard2.1",
    "VM.Standard2.1 ",
  ])("does not scale %j, which is on no ladder", (shape) => {
    expect(decideShapeUp(deployment(shape), defaults)).toMatchObject({
      kind: "no-change",
      from: shape,
      reason: "ShapeNotOnLadder",
      message: `${shape} is on no shape ladder (see SHAPE_LADDERS)`,
    });
  });

  it.each([
    ["no instance configuration", undefined],
    ["an empty shape name", ""],
  ])("does not scale a deployment with %s", (_name, shape) => {
    expect(decideShapeUp(deployment(shape), defaults)).toMatchObject({
      kind: "no-change",
      from: undefined,
      reason: "ShapeNotOnLadder",
      message: "deployment has no instance shape",
    });
  });

  describe("with custom SHAPE_LADDERS", () => {
    const custom = loadConfig({
      SHAPE_LADDERS: JSON.stringify([
        ["VM.Standard2.2", "VM.Standard2.8"],
        ["BM.Standard2.52", "BM.Standard3.64"],
      ]),
    });

    it.each([
      // A custom ladder may skip rungs of the default one.
      ["VM.Standard2.2", "VM.Standard2.8"],
      ["BM.Standard2.52", "BM.Standard3.64"],
    ])("moves %s up to %s", (from, to) => {
      expect(decideShapeUp(deployment(from), custom)).toMatchObject({ kind: "change", to, change: { shapeName: to } });
    });

    it("stays at the top of a custom ladder", () => {
      expect(decideShapeUp(deployment("VM.Standard2.8"), custom).reason).toBe("AtLargestShape");
    });

    it("no longer knows the default ladders", () => {
      expect(decideShapeUp(deployment("VM.Standard2.1"), custom).reason).toBe("ShapeNotOnLadder");
    });

    it("refuses a flex shape even when a ladder lists it", () => {
      const flexLadder = loadConfig({ SHAPE_LADDERS: '[["VM.Standard.E4.Flex","VM.Standard.E5.Flex"]]' });
      expect(decideShapeUp(deployment("VM.Standard.E4.Flex"), flexLadder).reason).toBe("FlexShapeNotScalable");
    });
  });

  it.each(["UPDATING", "FAILED", "INACTIVE", "CREATING"])("leaves a deployment in state %s alone", (lifecycleState) => {
    expect(decideShapeUp(deployment("VM.Standard2.1", { lifecycleState }), defaults)).toMatchObject({
      kind: "no-change",
      from: undefined,
      reason: "NotActive",
      scaleDownAlarm: "none",
    });
  });

  it.each(["MODEL_GROUP", "SINGLE_MODEL_FLEX"])("does not scale a %s deployment", (deploymentType) => {
    const decision = decideShapeUp(deployment("VM.Standard2.1", { deploymentType, modelId: undefined }), defaults);
    expect(decision).toMatchObject({ kind: "no-change", reason: "UnsupportedDeploymentType" });
  });

  it("changes the shape of a deployment on built-in autoscaling, which only governs the instance count", () => {
    const autoscaled = deployment("VM.Standard2.1", { scalingPolicyType: "AUTOSCALING", instanceCount: undefined });
    expect(decideShapeUp(autoscaled, defaults)).toMatchObject({ kind: "change", to: "VM.Standard2.2" });
  });
});
