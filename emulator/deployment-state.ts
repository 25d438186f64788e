/** Where a deployment stands in the emulator (instances, shape, state; "GONE" once purged), for the demo, invoke and tests. */
import type { Emulator } from "./";

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
