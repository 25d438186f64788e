/**
 * Plays the sample day through the simulator: `this` (the real handler on the local emulator, on the
 * simulated clock, with its default configuration) beside OCI's built-in autoscaling, the 2022 sample and
 * the ideal, on the simulator's plant with its default update duration.
 */
import { DEFAULT_ASSUMPTIONS } from "../simulate/assumptions";
import { idealPolicy } from "../simulate/policies/ideal";
import { ociAutoscalingPolicy } from "../simulate/policies/oci-autoscaling";
import { sample2022Policy } from "../simulate/policies/sample-2022";
import { observedThisPolicy, type ThisDecision } from "../simulate/policies/this";
import { type SimulationResult, simulate } from "../simulate/run";
import { sampleDayTrace } from "./sample-day";

export interface DayResult {
  /** Every decision of the function (`this`), in order. */
  timeline: ThisDecision[];
  simulation: SimulationResult;
}

/** The function tells a (local) Notifications topic of each change, as NOTIFY_TOPIC_ID makes it do on OCI. */
export const DEMO_TOPIC_ID = "ocid1.onstopic.oc1.iad.aaaaaaaademochangenotifications";

export async function playDay(): Promise<DayResult> {
  const timeline: ThisDecision[] = [];
  const observed = observedThisPolicy({ onDecision: (decision) => timeline.push(decision) });
  const policies = [observed, ociAutoscalingPolicy(), sample2022Policy(), idealPolicy];
  // Only NOTIFY_TOPIC_ID is set: everything else is the function's default configuration.
  const config = { NOTIFY_TOPIC_ID: DEMO_TOPIC_ID };
  const simulation = await simulate(sampleDayTrace(), DEFAULT_ASSUMPTIONS, policies, { config });
  return { timeline, simulation };
}
