import { describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/policy/config";
import { ScalingAction } from "../../../src/results/decision";
import { SCALERS } from "../../../src/scalers";
import { snapshotOf } from "../../support/deployment-snapshots";

const deployment = snapshotOf({ instanceCount: 2, instanceConfiguration: { instanceShapeName: "VM.Standard2.4" } });

describe("SCALERS", () => {
  it.each([
    [ScalingAction.InstanceUp, { instanceCount: 3 }],
    [ScalingAction.InstanceDown, { instanceCount: 1 }],
    [ScalingAction.ShapeUp, { shapeName: "VM.Standard2.8" }],
    [ScalingAction.ShapeDown, { shapeName: "VM.Standard2.2" }],
  ])("maps %s to the scaler that makes that change", (action, change) => {
    expect(SCALERS[action](deployment, loadConfig({}), {})).toMatchObject({ kind: "change", action, change });
  });
});
