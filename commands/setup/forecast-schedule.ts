/**
 * Setup's forecast schedule: one per function, in the function's compartment (oci-resourcescheduler 2.139.1
 * ScheduleClient: listSchedules, getSchedule, createSchedule, deactivateSchedule, updateSchedule,
 * activateSchedule, getWorkRequest). Its body names the schedule's own OCID, known only once it exists, so a
 * new schedule is made in four calls: CreateSchedule (the function as its one resource, no body yet: the API
 * takes no schedule without resources or resourceFilters, and a timeStarts ahead so it cannot run before it is
 * complete), DeactivateSchedule at once (a create leaves no state we can ask for), UpdateSchedule with the
 * function's BODY parameter (forecastResource), then ActivateSchedule. A run that stops half-way leaves an
 * INACTIVE (or body-less) schedule of ours; the next run finds it and completes it.
 */
import { randomUUID } from "node:crypto";
import type { models, ScheduleClient } from "oci-resourcescheduler";
import { FORECAST_SCHEDULE_NAME, forecastResource, MANAGED_BY_TAG } from "../../src/run/forecast-schedule";
import { namedSchedules, splitByTag, storedBody } from "./forecast-schedule-read";
import type { TargetFunction } from "./function-target";
import type { WiringStep } from "./wiring-steps";

/** How far ahead a new schedule starts: past the four calls that complete it. */
const START_DELAY_MS = 15 * 60_000;
const WORK_REQUEST_POLLS = 60;
const WORK_REQUEST_POLL_MS = 2_000;

export interface ForecastTarget {
  fn: TargetFunction;
  deploymentId: string;
  cron: string;
  timeZone: string;
}

export interface ForecastOutcome {
  steps: WiringStep[];
  /** The schedule's OCID; undefined in a dry run before it exists. */
  scheduleId?: string;
}

const step = (outcome: WiringStep["outcome"], id?: string, note?: string): WiringStep => ({
  outcome,
  kind: "schedule",
  name: FORECAST_SCHEDULE_NAME,
  ...(id ? { id } : {}),
  ...(note ? { note } : {}),
});

/** Resource Scheduler changes a schedule through a work request (Create, Update): wait for it to end. */
export async function waitForWorkRequest(client: ScheduleClient, workRequestId: string | undefined): Promise<void> {
  if (!workRequestId) return;
  for (let poll = 0; poll < WORK_REQUEST_POLLS; poll++) {
    const { workRequest } = await client.getWorkRequest({ workRequestId });
    if (workRequest.status === "SUCCEEDED") return;
    if (["FAILED", "CANCELED", "NEEDS_ATTENTION"].includes(workRequest.status))
      throw new Error(`Resource Scheduler work request ${workRequestId} ended ${workRequest.status}`);
    await new Promise((resolve) => setTimeout(resolve, WORK_REQUEST_POLL_MS));
  }
  throw new Error(`Resource Scheduler work request ${workRequestId} had not ended after ${WORK_REQUEST_POLLS} polls`);
}

/** The schedule's resources with the function's entry carrying the body for these deployments. */
function withBody(schedule: models.Schedule, functionId: string, deploymentIds: string[]): models.Resource[] {
  const resource = forecastResource(functionId, schedule.id, deploymentIds);
  const others = (schedule.resources ?? []).filter((r) => r.id !== functionId);
  return [...others, resource];
}

/** Writes the body (if-match the etag read), waits for the update, then activates: the end of every path. */
async function writeBodyAndActivate(
  client: ScheduleClient,
  schedule: models.Schedule,
  etag: string,
  functionId: string,
  deploymentIds: string[],
  activate: boolean,
): Promise<void> {
  const { opcWorkRequestId } = await client.updateSchedule({
    scheduleId: schedule.id,
    updateScheduleDetails: { resources: withBody(schedule, functionId, deploymentIds) },
    ifMatch: etag,
  });
  await waitForWorkRequest(client, opcWorkRequestId);
  if (activate) await client.activateSchedule({ scheduleId: schedule.id, opcRetryToken: randomUUID() });
}

async function create(
  client: ScheduleClient,
  target: ForecastTarget,
  onCreated: (item: string) => void,
  now: Date,
): Promise<string> {
  const { fn } = target;
  const createScheduleDetails: models.CreateScheduleDetails = {
    compartmentId: fn.compartmentId,
    displayName: FORECAST_SCHEDULE_NAME,
    description: `Calls the function ${fn.displayName} (${fn.id}) with a forecast body; made by npm run setup`,
    action: "START_RESOURCE" as models.CreateScheduleDetails.Action,
    recurrenceType: "CRON" as models.CreateScheduleDetails.RecurrenceType,
    recurrenceDetails: target.cron,
    localTimeZone: target.timeZone,
    resources: [{ id: fn.id }],
    timeStarts: new Date(now.getTime() + START_DELAY_MS),
    freeformTags: { ...MANAGED_BY_TAG },
  };
  const created = await client.createSchedule({ createScheduleDetails, opcRetryToken: randomUUID() });
  const { id } = created.schedule;
  onCreated(`schedule ${FORECAST_SCHEDULE_NAME} ${id} (no body yet; the next run writes it and activates it)`);
  await waitForWorkRequest(client, created.opcWorkRequestId);
  const deactivated = await client.deactivateSchedule({ scheduleId: id, ifMatch: created.etag });
  await writeBodyAndActivate(client, deactivated.schedule, deactivated.etag, fn.id, [target.deploymentId], true);
  return id;
}

/** A schedule of ours for the function: exists, gains the deployment, or is completed and activated. */
async function update(
  client: ScheduleClient,
  found: models.ScheduleSummary,
  target: ForecastTarget,
  dryRun: boolean,
): Promise<WiringStep> {
  const { fn, deploymentId } = target;
  const { schedule, etag } = await client.getSchedule({ scheduleId: found.id });
  const body = storedBody(schedule, fn.id);
  const listed = "problem" in body ? [] : body.deploymentIds;
  const ids = listed.includes(deploymentId) ? listed : [...listed, deploymentId];
  const state = schedule.lifecycleState;
  if (state !== "ACTIVE" && state !== "INACTIVE")
    return step("left", schedule.id, `it is ${state}: setup completes one only when ACTIVE or INACTIVE`);
  if (state === "ACTIVE" && !("problem" in body)) {
    if (listed.includes(deploymentId)) return step("exists", schedule.id);
    if (dryRun) return step("would add", schedule.id, `would add ${deploymentId} to its body`);
    await writeBodyAndActivate(client, schedule, etag, fn.id, ids, false);
    return step("added", schedule.id, `${deploymentId} added to its body (${ids.length} deployment(s))`);
  }
  // INACTIVE (a run stopped half-way, or deactivated by hand) or without a valid body: complete it.
  const why = "problem" in body ? body.problem : "it was INACTIVE";
  if (dryRun) return step("would complete", schedule.id, `${why}: would write its body and activate it`);
  let current = { schedule, etag };
  if (state === "ACTIVE") current = await client.deactivateSchedule({ scheduleId: schedule.id, ifMatch: etag });
  await writeBodyAndActivate(client, current.schedule, current.etag, fn.id, ids, true);
  return step("completed", schedule.id, `${why}: its body is written and it is ACTIVE`);
}

/**
 * Finds the function's schedule (by name, tag and the function among its resources) and brings it to ACTIVE
 * with a body listing the deployment; `onCreated` hears a new schedule as soon as it exists (for a failure
 * half-way). Schedules of the same name without setup's tag are named and left as they are.
 */
export async function ensureForecastSchedule(
  client: ScheduleClient,
  target: ForecastTarget,
  dryRun: boolean,
  onCreated: (item: string) => void,
  now = new Date(),
): Promise<ForecastOutcome> {
  const { ours, others } = splitByTag(await namedSchedules(client, target.fn.compartmentId), target.fn.id);
  const left = others.map((s) => step("left", s.id, "no autoscale-managed-by tag: setup leaves it as it is"));
  const [mine] = ours;
  if (mine) return { steps: [...left, await update(client, mine, target, dryRun)], scheduleId: mine.id };
  if (dryRun) return { steps: [...left, step("would create", undefined, `its body: ${target.deploymentId}`)] };
  const id = await create(client, target, onCreated, now);
  return { steps: [...left, step("created", id, `ACTIVE, ${target.cron} (${target.timeZone})`)], scheduleId: id };
}
