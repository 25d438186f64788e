/**
 * Doctor's check of the forecast schedule (7): setup's schedule for the function (by name, tag and the function
 * among its resources, in the function's compartment) exists, is ACTIVE, and the body stored for the function
 * parses (ForecastBodySchema), names the schedule itself and lists the deployment: what the function checks a
 * forecast body against before it acts. Reads only (ListSchedules, GetSchedule).
 */
import type { ScheduleClient } from "oci-resourcescheduler";
import { FORECAST_SCHEDULE_NAME } from "../../src/run/forecast-schedule";
import { namedSchedules, splitByTag, storedBody } from "../setup/forecast-schedule-read";
import { type CheckResult, ok, problem, unknown } from "./check";

const CHECK = "forecast";
const READ = "read resource-schedule-family in the function's compartment";

export async function forecastScheduleCheck(
  client: ScheduleClient,
  fn: { id: string; compartmentId: string },
  deploymentId: string,
): Promise<{ result: CheckResult; scheduleId?: string }> {
  const setup = `npm run setup -- --deployment ${deploymentId} --function ${fn.id}`;
  let found: Awaited<ReturnType<typeof namedSchedules>>;
  try {
    found = await namedSchedules(client, fn.compartmentId);
  } catch (error) {
    return { result: unknown(CHECK, `the schedules of compartment ${fn.compartmentId}`, error, READ) };
  }
  const { ours, others } = splitByTag(found, fn.id);
  const [mine] = ours;
  if (!mine) {
    const untagged = others.map((s) => s.id).join(", ");
    const detail = untagged
      ? `${FORECAST_SCHEDULE_NAME} ${untagged} calls the function without setup's autoscale-managed-by tag: the function refuses its bodies`
      : `no forecast schedule calls the function in compartment ${fn.compartmentId}`;
    return { result: problem(CHECK, detail, `${setup} (or give doctor --no-forecast if setup ran with it)`) };
  }
  let schedule: Awaited<ReturnType<ScheduleClient["getSchedule"]>>["schedule"];
  try {
    schedule = (await client.getSchedule({ scheduleId: mine.id })).schedule;
  } catch (error) {
    return { result: unknown(CHECK, `schedule ${mine.id}`, error, READ), scheduleId: mine.id };
  }
  const name = `${FORECAST_SCHEDULE_NAME} ${schedule.id}`;
  const found1 = (result: CheckResult) => ({ result, scheduleId: schedule.id });
  if (schedule.lifecycleState !== "ACTIVE")
    return found1(problem(CHECK, `${name}: ${schedule.lifecycleState}`, `${setup} (it completes and activates it)`));
  const body = storedBody(schedule, fn.id);
  if ("problem" in body) return found1(problem(CHECK, `${name}: ${body.problem}`, `${setup} (it writes the body)`));
  if (!body.deploymentIds.includes(deploymentId))
    return found1(problem(CHECK, `${name}: its body does not list ${deploymentId}`, `${setup} (it adds it)`));
  const when = `${schedule.recurrenceDetails} (${schedule.localTimeZone ?? "UTC"})`;
  return found1(
    ok(CHECK, `${name}: ACTIVE, ${when}, its body lists ${body.deploymentIds.length} deployment(s), this one included`),
  );
}
