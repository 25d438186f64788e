/** Reads a deployment's instance count and shape from the emulator, as the demo shows and charts them. */
import type { Emulator } from "../../test/emulator";

export interface DeploymentState {
  lifecycleState: string;
  instances: number;
  shape: string;
}

export function deploymentState(emulator: Emulator, id: string): DeploymentState {
  const d = emulator.getDeployment(id)?.deployment;
  const model = (d?.modelDeploymentConfigurationDetails.modelConfigurationDetails ?? {}) as {
    scalingPolicy?: { instanceCount?: number };
    instanceConfiguration?: { instanceShapeName?: string };
  };
  return {
    lifecycleState: d?.lifecycleState ?? "GONE",
    instances: model.scalingPolicy?.instanceCount ?? 0,
    shape: model.instanceConfiguration?.instanceShapeName ?? "?",
  };
}
