import { describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/policy/config";
import type { DeploymentSnapshot } from "../../../src/scalers/deployment-snapshot";
import { decideInstanceUp } from "../../../src/scalers/instance-up";
import { snapshotOf } from "../../support/deployment-snapshots";

function deployment(overrides: Partial<DeploymentSnapshot> = {}): DeploymentSnapshot {
  return snapshotOf({
    ...overrides,
  });
}

const defaults = loadConfig({});

describe("decideInstanceUp", () => {
  it.each(Array.from({ length: defaults.MAX_INSTANCES - 1 }, (_, i) => i + 1))(
    "adds one instance to %i under the default maximum of 10 and ensures the scale-down alarm",
    (count) => {
      expect(decideInstanceUp(deployment({ instanceCount: count }), defaults)).toEqual({
        kind: "change",
        action: "instance-up",
        from: count,
        to: count + 1,
        change: { instanceCount: count + 1 },
        reason: "ScaledUp",
        message: `instances ${count} -> ${count + 1}`,
        scaleDownAlarm: "ensure",
      });
    },
  );

  it.each([
    { count: 10, limits: { MIN_INSTANCES: 1, MAX_INSTANCES: 10 } },
    { count: 4, limits: { MIN_INSTANCES: 2, MAX_INSTANCES: 4 } },
    { count: 1, limits: { MIN_INSTANCES: 1, MAX_INSTANCES: 1 } },
  ])("stays at $count instances with $limits", ({ count, limits }) => {
    expect(decideInstanceUp(deployment({ instanceCount: count }), { ...defaults, ...limits })).toEqual({
      kind: "no-change",
      action: "instance-up",
      from: count,
      reason: "AtMaxInstances",
      message: `already at ${count} instances (maximum ${limits.MAX_INSTANCES})`,
      scaleDownAlarm: "none",
    });
  });

  it.each([
    // Outside the bounds (a lowered limit, a count set by hand) the deployment goes straight inside them,
    // whatever the alarm's direction, as Kubernetes' HPA clamps: at the floor its scale-down alarm goes.
    { count: 12, limits: { MIN_INSTANCES: 1, MAX_INSTANCES: 10 }, to: 10, scaleDownAlarm: "ensure" },
    { count: 20, limits: { MIN_INSTANCES: 2, MAX_INSTANCES: 2 }, to: 2, scaleDownAlarm: "delete" },
    { count: 1, limits: { MIN_INSTANCES: 3, MAX_INSTANCES: 6 }, to: 3, scaleDownAlarm: "delete" },
    { count: 0, limits: { MIN_INSTANCES: 1, MAX_INSTANCES: 6 }, to: 1, scaleDownAlarm: "delete" },
  ])("brings $count instances within $limits: $to", ({ count, limits, to, scaleDownAlarm }) => {
    expect(decideInstanceUp(deployment({ instanceCount: count }), { ...defaults, ...limits })).toMatchObject({
      kind: "change",
      from: count,
      to,
      change: { instanceCount: to },
      reason: "BroughtWithinBounds",
      scaleDownAlarm,
    });
  });

  it.each([
    { count: 3, limits: { MIN_INSTANCES: 3, MAX_INSTANCES: 6 }, to: 4 },
    { count: 5, limits: { MIN_INSTANCES: 3, MAX_INSTANCES: 6 }, to: 6 },
  ])("goes from $count to $to instances with $limits", ({ count, limits, to }) => {
    expect(decideInstanceUp(deployment({ instanceCount: count }), { ...defaults, ...limits })).toMatchObject({
      kind: "change",
      from: count,
      to,
      change: { instanceCount: to },
      scaleDownAlarm: "ensure",
    });
  });

  it.each(["CREATING", "UPDATING", "FAILED", "INACTIVE", "DELETING", "DELETED", "UNKNOWN_VALUE"])(
    "leaves a deployment in state %s alone",
    (lifecycleState) => {
      expect(decideInstanceUp(deployment({ lifecycleState }), defaults)).toEqual({
        kind: "no-change",
        action: "instance-up",
        from: undefined,
        reason: "NotActive",
        message: `deployment is ${lifecycleState}, not ACTIVE or NEEDS_ATTENTION`,
        scaleDownAlarm: "none",
      });
    },
  );

  it("scales a deployment in NEEDS_ATTENTION: OCI takes zero-downtime updates there too", () => {
    const degraded = decideInstanceUp(deployment({ lifecycleState: "NEEDS_ATTENTION", instanceCount: 2 }), defaults);
    expect(degraded).toMatchObject({ kind: "change", from: 2, to: 3 });
  });

  it("reports NotActive before looking at the deployment type or policy", () => {
    const updating = deployment({
      lifecycleState: "UPDATING",
      deploymentType: "MODEL_GROUP",
      scalingPolicyType: "AUTOSCALING",
    });
    expect(decideInstanceUp(updating, defaults).reason).toBe("NotActive");
  });

  it.each([
    { name: "MODEL_GROUP", overrides: { deploymentType: "MODEL_GROUP", modelId: undefined }, type: "MODEL_GROUP" },
    {
      name: "SINGLE_MODEL_FLEX",
      overrides: { deploymentType: "SINGLE_MODEL_FLEX", modelId: undefined },
      type: "SINGLE_MODEL_FLEX",
    },
    { name: "no configuration", overrides: { deploymentType: undefined, modelId: undefined }, type: "unknown" },
    // Without a model id no update body can be built (modelId is required by the API).
    { name: "SINGLE_MODEL without model id", overrides: { modelId: undefined }, type: "SINGLE_MODEL" },
  ])("does not scale a $name deployment", ({ overrides, type }) => {
    expect(decideInstanceUp(deployment(overrides), defaults)).toEqual({
      kind: "no-change",
      action: "instance-up",
      from: undefined,
      reason: "UnsupportedDeploymentType",
      message: `deployment type ${type} is not scaled by this function (SINGLE_MODEL only)`,
      scaleDownAlarm: "none",
    });
  });

  it("leaves a deployment on OCI's built-in AUTOSCALING policy to it", () => {
    const decision = decideInstanceUp(
      deployment({ scalingPolicyType: "AUTOSCALING", instanceCount: undefined }),
      defaults,
    );
    expect(decision).toMatchObject({ kind: "no-change", reason: "BuiltInAutoscaling", scaleDownAlarm: "none" });
  });

  it("reports the count OCI's autoscaler runs now, when OCI says", () => {
    const decision = decideInstanceUp(
      deployment({ scalingPolicyType: "AUTOSCALING", instanceCount: undefined, currentInstanceCount: 4 }),
      defaults,
    );
    expect(decision).toMatchObject({
      reason: "BuiltInAutoscaling",
      from: 4,
      message: expect.stringContaining("4 instance(s) now"),
    });
  });

  it.each([
    {
      name: "no scaling policy",
      overrides: { scalingPolicyType: undefined, instanceCount: undefined },
      policy: "none",
    },
    { name: "FIXED_SIZE without a count", overrides: { instanceCount: undefined }, policy: "FIXED_SIZE" },
    { name: "an unknown policy", overrides: { scalingPolicyType: "SCHEDULED" }, policy: "SCHEDULED" },
  ])("does not scale a deployment with $name", ({ overrides, policy }) => {
    expect(decideInstanceUp(deployment(overrides), defaults)).toMatchObject({
      kind: "no-change",
      reason: "UnsupportedScalingPolicy",
      message: `scaling policy ${policy} is not FIXED_SIZE`,
    });
  });

  it("changes only the instance count, whatever the shape", () => {
    const flex = deployment({ instanceConfiguration: { instanceShapeName: "VM.Standard.E4.Flex" }, instanceCount: 2 });
    expect(decideInstanceUp(flex, defaults)).toMatchObject({ kind: "change", change: { instanceCount: 3 } });
  });
});

describe("a saturated CPU reading (95 % or more): at least double, within MAX_SCALE_UP_STEP and MAX_INSTANCES", () => {
  it.each([
    // proportional ceil(n × observed / 60) against 2n, then the step and the bound
    { count: 3, observed: 94, to: 5, why: "not saturated: proportional ceil(3 × 94 / 60) = 5" },
    { count: 3, observed: 95, to: 6, why: "saturated: 2 × 3 beats ceil(3 × 95 / 60) = 5" },
    { count: 2, observed: 100, to: 4, why: "saturated: 2 × 2 equals ceil(2 × 100 / 60) = 4" },
    { count: 5, observed: 99, to: 9, why: "saturated: 2 × 5 = 10, but MAX_SCALE_UP_STEP 4 allows 9" },
    { count: 6, observed: 99, to: 10, why: "saturated: 12 is beyond MAX_INSTANCES 10" },
  ])("$count at $observed % -> $to ($why)", ({ count, observed, to }) => {
    const decided = decideInstanceUp(deployment({ instanceCount: count }), defaults, { observedUtilization: observed });
    expect(decided).toMatchObject({ kind: "change", to });
  });

  it("leaves a request rate alone: it is not capped at 100 %", () => {
    const limits = { ...defaults, TARGET_REQUESTS_PER_INSTANCE: 600 };
    const decided = decideInstanceUp(deployment({ instanceCount: 3 }), limits, {
      observedRequestsPerMinute: 2700,
      observedUtilization: 99,
    });
    expect(decided).toMatchObject({ kind: "change", to: 5 });
  });
});
