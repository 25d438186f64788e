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
 * Low memory: the next smaller shape, or a flex shape's next memory step down; at the bottom (of the
 * ladder, or `autoscale-min-shape`) the scale-down alarm has done its job.
 */
export function decideShapeDown(
  deployment: DeploymentSnapshot,
  config: Pick<Config, "SHAPE_LADDERS"> & FlexLimits & ShapeBounds,
): Decision {
  const action = ScalingAction.ShapeDown;
  const blocked = ineligibility(action, deployment);
  if (blocked) return blocked;
  const shape = deployment.instanceConfiguration?.instanceShapeName;
  if (!shape) return noChange(action, undefined, Reason.ShapeNotOnLadder, "deployment has no instance shape");
  if (isFlexShape(shape)) return decideFlexStep(action, shape, deployment, config);
  const found = ladderPosition(action, shape, config);
  if (!("position" in found)) return found;
  const { position, lowest } = found;
  if (position.index <= lowest) {
    const why = lowest > 0 ? `autoscale-min-shape is ${position.ladder[lowest]}` : "the smallest shape on its ladder";
    return noChange(action, shape, Reason.AtSmallestShape, `${shape}: ${why}`, "delete");
  }
  const previous = position.ladder[position.index - 1] as string;
  return {
    kind: "change",
    action,
    from: shape,
    to: previous,
    change: { shapeName: previous },
    reason: Reason.ScaledDown,
    message: `shape ${shape} -> ${previous}`,
    scaleDownAlarm: position.index - 1 <= lowest ? "delete" : "ensure",
  };
}
