import { describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/policy/config";
import type { DeploymentSnapshot } from "../../../src/scalers/deployment-snapshot";
import { decideInstanceDown } from "../../../src/scalers/instance-down";
import { snapshotOf } from "../../support/deployment-snapshots";

function deployment(overrides: Partial<DeploymentSnapshot> = {}): DeploymentSnapshot {
  return snapshotOf({
    instanceCount: 3,
    ...overrides,
  });
}

const defaults = loadConfig({});
const twoToFive = { MIN_INSTANCES: 2, MAX_INSTANCES: 5 };

describe("decideInstanceDown", () => {
  it.each(Array.from({ length: defaults.MAX_INSTANCES - 2 }, (_, i) => i + 3))(
    "removes one instance from %i and keeps the scale-down alarm",
    (count) => {
      expect(decideInstanceDown(deployment({ instanceCount: count }), defaults)).toEqual({
        kind: "change",
        action: "instance-down",
        from: count,
        to: count - 1,
        change: { instanceCount: count - 1 },
        reason: "ScaledDown",
        message: `instances ${count} -> ${count - 1}`,
        // Kept, and its threshold retuned for the count it lands on.
        scaleDownAlarm: "ensure",
      });
    },
  );

  it.each([
    { count: 2, limits: { MIN_INSTANCES: 1, MAX_INSTANCES: 10 }, to: 1 },
    { count: 3, limits: twoToFive, to: 2 },
    { count: 5, limits: { MIN_INSTANCES: 4, MAX_INSTANCES: 5 }, to: 4 },
  ])("deletes the scale-down alarm when $count instances reach the floor with $limits", ({ count, limits, to }) => {
    expect(decideInstanceDown(deployment({ instanceCount: count }), { ...defaults, ...limits })).toMatchObject({
      kind: "change",
      from: count,
      to,
      change: { instanceCount: to },
      reason: "ScaledDown",
      scaleDownAlarm: "delete",
    });
  });

  it.each([
    { count: 1, limits: { MIN_INSTANCES: 1, MAX_INSTANCES: 10 } },
    { count: 2, limits: twoToFive },
    { count: 5, limits: { MIN_INSTANCES: 5, MAX_INSTANCES: 5 } },
  ])("stays at $count instances with $limits and deletes the scale-down alarm", ({ count, limits }) => {
    expect(decideInstanceDown(deployment({ instanceCount: count }), { ...defaults, ...limits })).toEqual({
      kind: "no-change",
      action: "instance-down",
      from: count,
      reason: "AtMinInstances",
      message: `already at ${count} instances (minimum ${limits.MIN_INSTANCES})`,
      scaleDownAlarm: "delete",
    });
  });

  it.each([
    // Outside the bounds the deployment goes straight inside them, whichever way the alarm points (HPA clamps).
    { count: 9, to: 5, scaleDownAlarm: "ensure" },
    { count: 6, to: 5, scaleDownAlarm: "ensure" },
    // Below the floor (set by hand): a low alarm brings it up to the floor, and its job is done.
    { count: 1, to: 2, scaleDownAlarm: "delete" },
  ])("brings $count instances within 2..5: $to", ({ count, to, scaleDownAlarm }) => {
    expect(decideInstanceDown(deployment({ instanceCount: count }), { ...defaults, ...twoToFive })).toMatchObject({
      kind: "change",
      to,
      reason: "BroughtWithinBounds",
      scaleDownAlarm,
    });
  });

  it.each(["CREATING", "UPDATING", "FAILED", "INACTIVE", "DELETING", "DELETED"])(
    "leaves a deployment in state %s alone, keeping its scale-down alarm",
    (lifecycleState) => {
      expect(decideInstanceDown(deployment({ lifecycleState }), defaults)).toEqual({
        kind: "no-change",
        action: "instance-down",
        from: undefined,
        reason: "NotActive",
        message: `deployment is ${lifecycleState}, not ACTIVE or NEEDS_ATTENTION`,
        scaleDownAlarm: "none",
      });
    },
  );

  it.each([
    { deploymentType: "MODEL_GROUP", modelId: undefined },
    { deploymentType: "SINGLE_MODEL_FLEX", modelId: undefined },
    { deploymentType: "SINGLE_MODEL", modelId: undefined },
  ])("does not scale a $deploymentType deployment without a single model", (overrides) => {
    expect(decideInstanceDown(deployment(overrides), defaults)).toMatchObject({
      kind: "no-change",
      reason: "UnsupportedDeploymentType",
      scaleDownAlarm: "none",
    });
  });

  it.each([
    { overrides: { scalingPolicyType: "AUTOSCALING", instanceCount: undefined }, reason: "BuiltInAutoscaling" },
    // Even with a count reported next to it, a built-in policy is never overwritten with FIXED_SIZE.
    { overrides: { scalingPolicyType: "AUTOSCALING", instanceCount: 4 }, reason: "BuiltInAutoscaling" },
    { overrides: { scalingPolicyType: undefined, instanceCount: undefined }, reason: "UnsupportedScalingPolicy" },
    { overrides: { instanceCount: undefined }, reason: "UnsupportedScalingPolicy" },
  ])("does not scale with $overrides", ({ overrides, reason }) => {
    expect(decideInstanceDown(deployment(overrides), defaults)).toMatchObject({
      kind: "no-change",
      from: undefined,
      reason,
      scaleDownAlarm: "none",
    });
  });
});
