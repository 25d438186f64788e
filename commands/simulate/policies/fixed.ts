/** `fixed:N`: N instances all along, never an update. */
import type { PolicyFactory } from "./policy";

export function fixedPolicy(instances: number): PolicyFactory {
  return {
    name: `fixed:${instances}`,
    initialInstances: () => instances,
    create: () => ({ step: () => undefined }),
  };
}
