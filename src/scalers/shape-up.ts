import type { Config } from "../policy/config";
import { isFlexShape } from "../policy/shape-ladders";
import type { Decision } from "../results/decision";
import { noChange, ScalingAction } from "../results/decision";
import { Reason } from "../results/reasons";
import type { DeploymentSnapshot } from "./deployment-snapshot";
import { ineligibility } from "./eligibility";
import { decideFlexStep, type FlexLimits } from "./flex-step";
import { ladderPosition, type ShapeBounds } from "./ladder-position";

/**
 * High memory: the next larger shape of the same family, or a flex shape's next memory step.
 * More instances would not help: each holds the whole model.
 */
export function decideShapeUp(
  deployment: DeploymentSnapshot,
  config: Pick<Config, "SHAPE_LADDERS"> & FlexLimits & ShapeBounds,
): Decision {
  const action = ScalingAction.ShapeUp;
  const blocked = ineligibility(action, deployment);
  if (blocked) return blocked;
  const shape = deployment.instanceConfiguration?.instanceShapeName;
  if (!shape) return noChange(action, undefined, Reason.ShapeNotOnLadder, "deployment has no instance shape");
  if (isFlexShape(shape)) return decideFlexStep(action, shape, deployment, config);
  const found = ladderPosition(action, shape, config);
  if (!("position" in found)) return found;
  const { position, highest } = found;
  const next = position.ladder[position.index + 1];
  if (next === undefined || position.index >= highest) {
    const why =
      highest < position.ladder.length - 1
        ? `autoscale-max-shape is ${position.ladder[highest]}`
        : "the largest shape on its ladder";
    return noChange(action, shape, Reason.AtLargestShape, `${shape}: ${why}`);
  }
  return {
    kind: "change",
    action,
    from: shape,
    to: next,
    change: { shapeName: next },
    reason: Reason.ScaledUp,
    message: `shape ${shape} -> ${next}`,
    scaleDownAlarm: "ensure",
  };
}
