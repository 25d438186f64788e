import { describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/policy/config";
import type { DeploymentSnapshot } from "../../../src/scalers/deployment-snapshot";
import { decideShapeDown } from "../../../src/scalers/shape-down";
import { snapshotOf } from "../../support/deployment-snapshots";

function deployment(shape: string | undefined, overrides: Partial<DeploymentSnapshot> = {}): DeploymentSnapshot {
  return snapshotOf({
    instanceCount: 2,
    instanceConfiguration: shape === undefined ? undefined : { instanceShapeName: shape },
    ...overrides,
  });
}

const defaults = loadConfig({});

describe("decideShapeDown", () => {
  it.each([
    ["VM.Standard2.24", "VM.Standard2.16", "ensure"],
    ["VM.Standard2.16", "VM.Standard2.8", "ensure"],
    ["VM.Standard2.8", "VM.Standard2.4", "ensure"],
    ["VM.Standard2.4", "VM.Standard2.2", "ensure"],
    // Reaching the bottom rung: nothing smaller is left, so the scale-down alarm goes.
    ["VM.Standard2.2", "VM.Standard2.1", "delete"],
    ["VM.Standard.E2.2", "VM.Standard.E2.1", "delete"],
    ["VM.GPU3.4", "VM.GPU3.2", "ensure"],
    ["VM.GPU.A10.2", "VM.GPU.A10.1", "delete"],
  ])("moves %s one rung down to %s (scale-down alarm: %s)", (from, to, scaleDownAlarm) => {
    expect(decideShapeDown(deployment(from), defaults)).toEqual({
      kind: "change",
      action: "shape-down",
      from,
      to,
      change: { shapeName: to },
      reason: "ScaledDown",
      message: `shape ${from} -> ${to}`,
      scaleDownAlarm,
    });
  });

  it.each(["VM.Standard2.1", "VM.Standard.E2.1", "VM.GPU3.1", "VM.GPU.A10.1", "VM.GPU2.1"])(
    "stays on %s, the bottom of its ladder, and deletes the scale-down alarm",
    (shape) => {
      expect(decideShapeDown(deployment(shape), defaults)).toEqual({
        kind: "no-change",
        action: "shape-down",
        from: shape,
        reason: "AtSmallestShape",
        message: `${shape}: the smallest shape on its ladder`,
        scaleDownAlarm: "delete",
      });
    },
  );

  it.each(["VM.Standard.E4.Flex", "VM.Standard3.Flex"])(
    "does not scale the flex shape %s when the deployment reports no OCPUs or memory",
    (shape) => {
      expect(decideShapeDown(deployment(shape), defaults)).toEqual({
        kind: "no-change",
        action: "shape-down",
        from: shape,
        reason: "FlexShapeNotScalable",
        message: `${shape} deployment reports no OCPU and memory`,
        scaleDownAlarm: "none",
      });
    },
  );

  it.each(["BM.Standard2.52", "VM.Standard1.1"])("does not scale %s, which is on no ladder", (shape) => {
    expect(decideShapeDown(deployment(shape), defaults)).toMatchObject({
      kind: "no-change",
      from: shape,
      reason: "ShapeNotOnLadder",
      scaleDownAlarm: "none",
    });
  });

  it("does not scale a deployment without an instance shape", () => {
    expect(decideShapeDown(deployment(undefined), defaults)).toMatchObject({
      kind: "no-change",
      from: undefined,
      reason: "ShapeNotOnLadder",
    });
  });

  describe("with custom SHAPE_LADDERS", () => {
    const custom = loadConfig({
      SHAPE_LADDERS: JSON.stringify([["VM.Standard2.2", "VM.Standard2.8", "VM.Standard2.24"]]),
    });

    it.each([
      ["VM.Standard2.24", "VM.Standard2.8", "ensure"],
      ["VM.Standard2.8", "VM.Standard2.2", "delete"],
    ])("moves %s down to %s (scale-down alarm: %s)", (from, to, scaleDownAlarm) => {
      expect(decideShapeDown(deployment(from), custom)).toMatchObject({ kind: "change", to, scaleDownAlarm });
    });

    it("stays at the bottom of a custom ladder", () => {
      expect(decideShapeDown(deployment("VM.Standard2.2"), custom).reason).toBe("AtSmallestShape");
    });

    it("does not move to a default rung that the custom ladder leaves out", () => {
      expect(decideShapeDown(deployment("VM.Standard2.4"), custom).reason).toBe("ShapeNotOnLadder");
    });
  });

  it.each(["UPDATING", "FAILED", "INACTIVE", "DELETING"])(
    "leaves a deployment in state %s alone, keeping its scale-down alarm",
    (lifecycleState) => {
      expect(decideShapeDown(deployment("VM.Standard2.1", { lifecycleState }), defaults)).toMatchObject({
        kind: "no-change",
        reason: "NotActive",
        scaleDownAlarm: "none",
      });
    },
  );

  it.each(["MODEL_GROUP", "SINGLE_MODEL_FLEX"])("does not scale a %s deployment", (deploymentType) => {
    const decision = decideShapeDown(deployment("VM.Standard2.8", { deploymentType, modelId: undefined }), defaults);
    expect(decision).toMatchObject({ kind: "no-change", reason: "UnsupportedDeploymentType", scaleDownAlarm: "none" });
  });
});
