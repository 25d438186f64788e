/**
 * `ideal`: knows each minute's load and changes the count at once (no update time), keeping utilization at
 * the target within the instance bounds: the floor of cost with no overload the others are measured against.
 */
import type { Assumptions } from "../assumptions";
import { clampInstances, type PolicyFactory } from "./policy";

export function idealCount(demand: number, a: Assumptions): number {
  return clampInstances(Math.ceil(demand / (a.idealTargetPercent / 100) - 1e-9), a);
}

export const idealPolicy: PolicyFactory = {
  name: "ideal",
  create: ({ trace, assumptions }) => ({
    step: (minute, plant) => plant.setInstantly(idealCount(trace.demand[minute] ?? 0, assumptions)),
  }),
};
