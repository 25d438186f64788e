import type { Config } from "../config";
import type { Decision, ScalingAction } from "../decision";
import type { DeploymentSnapshot } from "../deployment-snapshot";
import { decideInstanceDown } from "./instance-down";
import { decideInstanceUp } from "./instance-up";
import { decideShapeDown } from "./shape-down";
import { decideShapeUp } from "./shape-up";
import type { ScalingSignal } from "./signal";

export type Scaler = (deployment: DeploymentSnapshot, config: Config, signal: ScalingSignal) => Decision;

export const SCALERS: Record<ScalingAction, Scaler> = {
  "instance-up": decideInstanceUp,
  "instance-down": decideInstanceDown,
  "shape-up": decideShapeUp,
  "shape-down": decideShapeDown,
};

export type { ScalingSignal };
export { decideInstanceDown, decideInstanceUp, decideShapeDown, decideShapeUp };
