import type { Config } from "../config";
import type { Decision, ScalingAction } from "../decision";
import { noChange } from "../decision";
import type { DeploymentSnapshot } from "../deployment-snapshot";
import { Reason } from "../reasons";
import { findOnLadder, isFlexShape, type LadderPosition } from "../shape-ladders";

/** Where the deployment's shape stands on its ladder, or the decision explaining why it cannot move. */
export function ladderPosition(
  action: ScalingAction,
  deployment: DeploymentSnapshot,
  config: Pick<Config, "SHAPE_LADDERS">,
): { shape: string; position: LadderPosition } | Decision {
  const shape = deployment.instanceConfiguration?.instanceShapeName;
  if (!shape) return noChange(action, undefined, Reason.ShapeNotOnLadder, "deployment has no instance shape");
  if (isFlexShape(shape)) {
    return noChange(
      action,
      shape,
      Reason.FlexShapeNotScalable,
      `${shape} is a flex shape; flex shapes are not scaled yet`,
    );
  }
  const position = findOnLadder(config.SHAPE_LADDERS, shape);
  if (!position) {
    return noChange(action, shape, Reason.ShapeNotOnLadder, `${shape} is on no shape ladder (see SHAPE_LADDERS)`);
  }
  return { shape, position };
}
