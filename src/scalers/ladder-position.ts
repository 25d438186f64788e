import type { Config } from "../config";
import type { Decision, ScalingAction } from "../decision";
import { noChange } from "../decision";
import { Reason } from "../reasons";
import { findOnLadder, type LadderPosition } from "../shape-ladders";

/** Where the deployment's fixed shape stands on its ladder, or the decision explaining why it cannot move. */
export function ladderPosition(
  action: ScalingAction,
  shape: string,
  config: Pick<Config, "SHAPE_LADDERS">,
): { shape: string; position: LadderPosition } | Decision {
  const position = findOnLadder(config.SHAPE_LADDERS, shape);
  if (!position) {
    return noChange(action, shape, Reason.ShapeNotOnLadder, `${shape} is on no shape ladder (see SHAPE_LADDERS)`);
  }
  return { shape, position };
}
