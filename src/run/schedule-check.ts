import type * as common from "oci-common";
import type { models } from "oci-resourcescheduler";
import { type ForecastBody, ForecastBodySchema, sameForecastBody } from "../message/forecast-body";
import { classifyOciFailure } from "../oci/failures";
import type { ScheduleReader } from "../oci/schedule-reader";
import { Reason, type ReasonCode } from "../results/reasons";
import { transientError } from "./deployment-results";
import { isManagedBy } from "./forecast-schedule";

export type ScheduleVerdict =
  | { ok: true; schedule: models.Schedule; opcRequestId: string }
  | { ok: false; reasonCode: ReasonCode; reason: string; opcRequestId?: string };

/**
 * A forecast body writes nothing until the schedule it names vouches for it: the schedule exists, is ACTIVE,
 * carries setup's tag, lists this function among its resources, and the BODY parameter stored there is the
 * body received (so a forged or edited body, or one naming other deployments, is refused). Resource Scheduler
 * does not document whether a BODY parameter's `value` reaches the API as the JSON itself or as its text:
 * both are read. A transient failure throws (the invocation fails); any other failure refuses.
 */
export async function checkSchedule(
  read: ScheduleReader,
  body: ForecastBody,
  functionId: string | undefined,
  retryConfiguration: common.RetryConfiguration,
): Promise<ScheduleVerdict> {
  let found: Awaited<ReturnType<ScheduleReader>>;
  try {
    found = await read(body.scheduleId, retryConfiguration);
  } catch (error) {
    const failure = classifyOciFailure(error);
    if (failure.kind === "transient") throw transientError(failure, "reading the forecast schedule");
    const reason = `schedule ${body.scheduleId} could not be read (${failure.message}): it does not exist, or the function may not read it (read resource-schedule-family)`;
    return { ok: false, reasonCode: Reason.ScheduleNotFound, reason, ...opc(failure.opcRequestId) };
  }
  const { schedule, opcRequestId } = found;
  const refuse = (reasonCode: ReasonCode, reason: string): ScheduleVerdict => ({
    ok: false,
    reasonCode,
    reason: `schedule ${schedule.id}: ${reason}; nothing was written`,
    opcRequestId,
  });
  if (String(schedule.lifecycleState) !== "ACTIVE")
    return refuse(Reason.ScheduleNotActive, `it is ${schedule.lifecycleState}, not ACTIVE`);
  if (!isManagedBy(schedule.freeformTags))
    return refuse(Reason.ScheduleNotTagged, "it does not carry setup's autoscale-managed-by tag");
  if (!functionId)
    return refuse(Reason.ScheduleNotForThisFunction, "FN_FN_ID is not set, so the function cannot find itself in it");
  const own = (schedule.resources ?? []).filter((r) => r.id.toLowerCase() === functionId.toLowerCase());
  if (own.length === 0)
    return refuse(Reason.ScheduleNotForThisFunction, `it does not list this function (${functionId})`);
  const stored = own.flatMap((r) => (r.parameters ?? []).filter((p) => p.parameterType === "BODY")).map(storedBody);
  if (!stored.some((s) => s !== undefined && sameForecastBody(s, body)))
    return refuse(
      Reason.ScheduleBodyMismatch,
      "the body received is not the BODY parameter it stores for this function",
    );
  return { ok: true, schedule, opcRequestId };
}

function storedBody(parameter: models.Parameter): ForecastBody | undefined {
  let value: unknown = (parameter as models.BodyParameter).value;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  const parsed = ForecastBodySchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

function opc(id: string | undefined): { opcRequestId?: string } {
  return id ? { opcRequestId: id } : {};
}
