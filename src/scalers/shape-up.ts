import type { Config } from "../config";
import type { Decision } from "../decision";
import { noChange, ScalingAction } from "../decision";
import type { DeploymentSnapshot } from "../deployment-snapshot";
import { Reason } from "../reasons";
import { ineligibility } from "./eligibility";
import { ladderPosition } from "./ladder-position";

/** High memory: the next larger shape of the same family. More instances would not help: each holds the whole model. */
export function decideShapeUp(deployment: DeploymentSnapshot, config: Pick<Config, "SHAPE_LADDERS">): Decision {
  const action = ScalingAction.ShapeUp;
  const blocked = ineligibility(action, deployment);
  if (blocked) return blocked;
  const found = ladderPosition(action, deployment, config);
  if (!("position" in found)) return found;
  const { shape, position } = found;
  const next = position.ladder[position.index + 1];
  if (next === undefined) {
    return noChange(action, shape, Reason.AtLargestShape, `${shape} is the largest shape on its ladder`);
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
