import type { Config } from "../policy/config";
import { findOnLadder, type LadderPosition } from "../policy/shape-ladders";
import type { Decision, ScalingAction } from "../results/decision";
import { noChange } from "../results/decision";
import { Reason } from "../results/reasons";

/** A deployment's own end rungs (tags `autoscale-min-shape` / `-max-shape`), already checked to be on its ladder. */
export interface ShapeBounds {
  minShape?: string;
  maxShape?: string;
}

export interface LadderStanding {
  shape: string;
  position: LadderPosition;
  /** Index of the lowest and highest rung this deployment may use. */
  lowest: number;
  highest: number;
}

/** Where the deployment's fixed shape stands on its ladder, or the decision explaining why it cannot move. */
export function ladderPosition(
  action: ScalingAction,
  shape: string,
  config: Pick<Config, "SHAPE_LADDERS"> & ShapeBounds,
): LadderStanding | Decision {
  const position = findOnLadder(config.SHAPE_LADDERS, shape);
  if (!position) {
    return noChange(action, shape, Reason.ShapeNotOnLadder, `${shape} is on no shape ladder (see SHAPE_LADDERS)`);
  }
  const rung = (name: string | undefined, fallback: number) => {
    const index = name === undefined ? -1 : position.ladder.indexOf(name);
    return index >= 0 ? index : fallback;
  };
  return {
    shape,
    position,
    lowest: rung(config.minShape, 0),
    highest: rung(config.maxShape, position.ladder.length - 1),
  };
}
