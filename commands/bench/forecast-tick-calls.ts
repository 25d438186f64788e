/**
 * The OCI calls of one forecast tick that changes nothing (issue 20: per deployment at most one metrics read
 * besides GetSchedule and the deployment read, and no write): a deployment at 2 instances whose last 7 days
 * were a flat load one instance serves, the schedule setup creates, and its body sent to the running function.
 */
import type { Emulator } from "../../emulator";
import { EXAMPLE_COMPARTMENT_ID } from "../../emulator/seed-from-alarm";
import type { FnProcess } from "../../local-function/fn-runner";
import { DeploymentMetrics } from "../simulate/policies/deployment-metrics";
import { seedFunctionSchedule } from "../simulate/policies/forecast-schedule-seed";
import { type CallAudit, type CallCount, callName } from "./api-calls";
import { freshDeploymentId } from "./scenarios";

const HISTORY_DAYS = 7;

// Why each call: GET schedule, the body checked against the schedule (ACTIVE, tagged, this function, the same
// body); GET deployment, its state and count; READ history, 7 days of its per-minute load (one request).
export const FORECAST_TICK_AUDIT: Pick<CallAudit, "name" | "needed" | "noOp"> = {
  name: "forecast tick, no change (flat week, 2 instances)",
  needed: ["GET schedule", "GET deployment", "READ history"],
};

/** Seeds the deployment, its week of history and the schedule, sends the body, and names the calls it made. */
export async function countForecastTickCalls(
  fn: FnProcess,
  emulator: Emulator,
  functionId: string,
): Promise<CallCount> {
  const deploymentId = freshDeploymentId();
  emulator.seedDeployment({ id: deploymentId, compartmentId: EXAMPLE_COMPARTMENT_ID, instanceCount: 2 });
  const metrics = new DeploymentMetrics(
    (seed) => emulator.seedMetricPoints(seed),
    deploymentId,
    EXAMPLE_COMPARTMENT_ID,
  );
  const now = Math.floor(Date.now() / 60_000) * 60_000;
  for (let m = HISTORY_DAYS * 1440; m > 0; m--) {
    metrics.record({ timeMs: now - m * 60_000, instances: 2, cpuPercent: 30, memoryPercent: 30, requests: 60 });
  }
  metrics.flush();
  const schedule = seedFunctionSchedule(emulator, EXAMPLE_COMPARTMENT_ID, [deploymentId], functionId);
  emulator.clearRequests();
  const answer = await fn.call(JSON.stringify(schedule.body));
  const body = answer.body as { results?: { outcome?: string }[] } | undefined;
  const outcome = body?.results?.[0]?.outcome;
  if (answer.status !== 200 || outcome !== "skipped")
    throw new Error(`${FORECAST_TICK_AUDIT.name}: unexpected answer ${answer.status} ${JSON.stringify(answer.body)}`);
  return { audit: FORECAST_TICK_AUDIT, calls: emulator.requests.map(callName) };
}
