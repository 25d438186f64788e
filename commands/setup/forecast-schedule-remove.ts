/**
 * `--remove` and the forecast schedule, found by name and tag in the compartment (setup's schedules of every
 * function there): `--deployment D` takes D out of each body that lists it (UpdateSchedule, if-match the etag
 * read) and deletes a schedule left with no deployment; `--all` deletes them. A schedule of the same name
 * without setup's tag is never changed: it is named, with why it stays.
 */
import type { models, ScheduleClient } from "oci-resourcescheduler";
import { FORECAST_SCHEDULE_NAME, forecastResource } from "../../src/run/forecast-schedule";
import { waitForWorkRequest } from "./forecast-schedule";
import { namedSchedules, splitByTag, storedBody } from "./forecast-schedule-read";
import type { WiringStep } from "./wiring-steps";

const step = (outcome: WiringStep["outcome"], id: string, note?: string): WiringStep => ({
  outcome,
  kind: "schedule",
  name: FORECAST_SCHEDULE_NAME,
  id,
  ...(note ? { note } : {}),
});

/** The function entries of a schedule whose body parses, with their deployments. */
function bodies(schedule: models.ScheduleSummary | models.Schedule): Array<{ functionId: string; ids: string[] }> {
  return (schedule.resources ?? []).flatMap((r) => {
    const body = storedBody(schedule, r.id);
    return "problem" in body ? [] : [{ functionId: r.id, ids: body.deploymentIds }];
  });
}

async function takeOut(
  client: ScheduleClient,
  found: models.ScheduleSummary,
  deploymentId: string,
  dryRun: boolean,
): Promise<WiringStep | undefined> {
  const { schedule, etag } = await client.getSchedule({ scheduleId: found.id });
  const entries = bodies(schedule).filter((b) => b.ids.includes(deploymentId));
  if (entries.length === 0) return undefined;
  const left = entries.map((e) => ({ ...e, ids: e.ids.filter((id) => id !== deploymentId) }));
  if (left.every((e) => e.ids.length === 0)) {
    if (!dryRun) await client.deleteSchedule({ scheduleId: schedule.id, ifMatch: etag });
    return step(
      dryRun ? "would delete" : "deleted",
      schedule.id,
      `${deploymentId} was the last deployment in its body`,
    );
  }
  if (dryRun) return step("would remove", schedule.id, `would take ${deploymentId} out of its body`);
  const changed = new Map(left.map((e) => [e.functionId, e.ids]));
  const resources = (schedule.resources ?? []).map((r) => {
    const ids = changed.get(r.id);
    return ids ? forecastResource(r.id, schedule.id, ids) : r;
  });
  const { opcWorkRequestId } = await client.updateSchedule({
    scheduleId: schedule.id,
    updateScheduleDetails: { resources },
    ifMatch: etag,
  });
  await waitForWorkRequest(client, opcWorkRequestId);
  const remaining = left.map((e) => e.ids.length).reduce((a, b) => a + b, 0);
  return step("removed", schedule.id, `${deploymentId} taken out of its body (${remaining} deployment(s) left)`);
}

/** `deploymentId` undefined: --all, every schedule of setup's in the compartment goes. */
export async function removeForecastSchedules(
  client: ScheduleClient,
  compartmentId: string,
  deploymentId: string | undefined,
  dryRun: boolean,
): Promise<WiringStep[]> {
  const { ours, others } = splitByTag(await namedSchedules(client, compartmentId));
  const steps: WiringStep[] = [];
  for (const schedule of ours) {
    if (deploymentId === undefined) {
      if (!dryRun) await client.deleteSchedule({ scheduleId: schedule.id });
      steps.push(step(dryRun ? "would delete" : "deleted", schedule.id));
      continue;
    }
    const taken = await takeOut(client, schedule, deploymentId, dryRun);
    if (taken) steps.push(taken);
  }
  for (const schedule of others) {
    const named = deploymentId === undefined || bodies(schedule).some((b) => b.ids.includes(deploymentId));
    if (named) steps.push(step("left", schedule.id, "no autoscale-managed-by tag: setup does not change it"));
  }
  return steps;
}
