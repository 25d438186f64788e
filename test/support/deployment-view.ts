import type { Emulator } from "../emulator";

export interface DeploymentView {
  state: string;
  instances: number;
  shape: string;
}

/** Where a deployment stands in the emulator, read off its stored JSON (SINGLE_MODEL, FIXED_SIZE). */
export function deploymentView(emulator: Emulator, id: string): DeploymentView {
  const stored = emulator.getDeployment(id);
  if (!stored) throw new Error(`no deployment ${id} in the emulator`);
  const { modelConfigurationDetails } = stored.deployment.modelDeploymentConfigurationDetails as unknown as {
    modelConfigurationDetails: {
      scalingPolicy: { instanceCount: number };
      instanceConfiguration: { instanceShapeName: string };
    };
  };
  return {
    state: stored.deployment.lifecycleState,
    instances: modelConfigurationDetails.scalingPolicy.instanceCount,
    shape: modelConfigurationDetails.instanceConfiguration.instanceShapeName,
  };
}
