import type { Config } from "../config";
import type { Decision } from "../decision";
import { noChange, ScalingAction } from "../decision";
import type { DeploymentSnapshot } from "../deployment-snapshot";
import { Reason } from "../reasons";
import { ineligibility } from "./eligibility";
import { ladderPosition } from "./ladder-position";

/** Low memory: the next smaller shape; at the bottom rung the scale-down alarm has done its job. */
export function decideShapeDown(deployment: DeploymentSnapshot, config: Pick<Config, "SHAPE_LADDERS">): Decision {
  const action = ScalingAction.ShapeDown;
  const blocked = ineligibility(action, deployment);
  if (blocked) return blocked;
  const found = ladderPosition(action, deployment, config);
  if (!("position" in found)) return found;
  const { shape, position } = found;
  if (position.index === 0) {
    return noChange(action, shape, Reason.AtSmallestShape, `${shape} is the smallest shape on its ladder`, "delete");
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
    scaleDownAlarm: position.index - 1 === 0 ? "delete" : "none",
  };
}
