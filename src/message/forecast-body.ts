import * as z from "zod";

/**
 * The body the forecast schedule sends (this project's own format, fixed in docs/forecast.md): Resource
 * Scheduler's START_RESOURCE action on a function passes the BODY parameter stored on the schedule's resource
 * entry as the request body (Functions docs, "Scheduling Functions"; oci-resourcescheduler models Resource,
 * BodyParameter). It names the schedule so the function can read it back and check the body is the one stored.
 */
export const FORECAST_KIND = "model-deployment-autoscale/forecast";
export const FORECAST_BODY_VERSION = 1;

const SCHEDULE_OCID = /^ocid1\.resourceschedule\.[a-z0-9-]+\.[a-z0-9-]*\.[a-z0-9]{1,128}$/i;

export const ForecastBodySchema = z
  .object({
    kind: z.literal(FORECAST_KIND),
    version: z.literal(FORECAST_BODY_VERSION),
    scheduleId: z.string().regex(SCHEDULE_OCID, { message: "expected a Resource Scheduler schedule OCID" }),
    deploymentIds: z.array(z.string().min(1).max(255)).min(1).max(1000),
  })
  .strict();

export type ForecastBody = z.infer<typeof ForecastBodySchema>;

export function forecastBody(scheduleId: string, deploymentIds: readonly string[]): ForecastBody {
  return { kind: FORECAST_KIND, version: FORECAST_BODY_VERSION, scheduleId, deploymentIds: [...deploymentIds] };
}

/**
 * A JSON object that says it is one of this project's bodies (`kind` starting "model-deployment-autoscale/"):
 * it is read as a forecast body, and rejected as one when it is not valid, never read as an alarm.
 */
export function claimsForecastKind(value: unknown): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const kind = (value as Record<string, unknown>).kind;
  return typeof kind === "string" && kind.startsWith("model-deployment-autoscale/");
}

/** Two bodies are the same when their fields are, deployments compared as a set (OCIDs lower-cased). */
export function sameForecastBody(a: ForecastBody, b: ForecastBody): boolean {
  const ids = (body: ForecastBody) => [...new Set(body.deploymentIds.map((id) => id.toLowerCase()))].sort().join(",");
  return (
    a.kind === b.kind &&
    a.version === b.version &&
    a.scheduleId.toLowerCase() === b.scheduleId.toLowerCase() &&
    ids(a) === ids(b)
  );
}
