import * as z from "zod";
import { isTimeZone } from "./local-time";
import { DEFAULT_SHAPE_LADDERS } from "./shape-ladders";

const booleanFromEnv = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => ["true", "false", "1", "0", "yes", "no", ""].includes(v), { message: "expected true or false" })
  .transform((v) => v === "true" || v === "1" || v === "yes");

const integerFromEnv = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, { message: "expected a whole number" })
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const numberFromEnv = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?$/, { message: "expected a number" })
    .transform(Number)
    .pipe(z.number().min(min).max(max));

/** `auto` (the threshold follows the deployment, see scale-down-thresholds.ts) or a fixed percentage. */
const thresholdFromEnv = z
  .string()
  .trim()
  .transform((raw, ctx): "auto" | number => {
    if (raw.toLowerCase() === "auto") return "auto";
    const value = Number(raw);
    if (/^\d+(\.\d+)?$/.test(raw) && value <= 100) return value;
    ctx.addIssue({ code: "custom", message: "expected auto or a percentage from 0 to 100" });
    return z.NEVER;
  });

const alarmNameFromEnv = z.string().trim().min(1).max(255);

/** ISO-8601 durations as Monitoring accepts them for pendingDuration / repeatNotificationDuration: PT1M to PT24H. */
const isoDurationFromEnv = z
  .string()
  .trim()
  .regex(/^PT(?=\d)(\d+H)?(\d+M)?$/, { message: "expected an ISO-8601 duration such as PT5M" })
  .refine(
    (v) => {
      const match = /^PT(?=\d)(?:(\d+)H)?(?:(\d+)M)?$/.exec(v);
      if (!match) return true; // the format check above already reports it
      const [, hours = "0", minutes = "0"] = match;
      const total = Number(hours) * 60 + Number(minutes);
      return total >= 1 && total <= 24 * 60;
    },
    { message: "expected a duration from PT1M to PT24H" },
  );

/** Minutes in an ISO-8601 duration of days, hours, minutes and seconds (P1D, PT2H30M, PT0S); undefined if not one. */
export function isoDurationMinutes(value: string): number | undefined {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(value);
  if (!match || value === "P" || value.endsWith("T")) return undefined;
  const [, days = "0", hours = "0", minutes = "0", seconds = "0"] = match;
  return Number(days) * 1440 + Number(hours) * 60 + Number(minutes) + Math.ceil(Number(seconds) / 60);
}

/**
 * SCALE_IN_STABILIZATION: how far back a scale-in looks for the deployment's peak. PT0S turns it off; at most
 * 7 days, the most SummarizeMetricsData returns at a 1-minute resolution in one request.
 */
const stabilizationFromEnv = z
  .string()
  .trim()
  .refine((v) => isoDurationMinutes(v) !== undefined, { message: "expected an ISO-8601 duration such as PT2H or PT0S" })
  .refine((v) => (isoDurationMinutes(v) ?? 0) <= 7 * 1440, { message: "expected at most 7 days (P7D)" });

const ShapeLaddersSchema = z
  .array(z.array(z.string().min(1)).min(1))
  .min(1)
  .superRefine((ladders, ctx) => {
    const seen = new Set<string>();
    for (const shape of ladders.flat()) {
      if (seen.has(shape)) ctx.addIssue({ code: "custom", message: `shape ${shape} is on more than one rung` });
      seen.add(shape);
    }
  });

const shapeLaddersFromEnv = z.string().transform((raw, ctx) => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    ctx.addIssue({ code: "custom", message: 'expected JSON such as [["VM.Standard2.1","VM.Standard2.2"]]' });
    return z.NEVER;
  }
  const result = ShapeLaddersSchema.safeParse(parsed);
  if (!result.success) {
    ctx.addIssue({ code: "custom", message: result.error.issues.map((i) => i.message).join("; ") });
    return z.NEVER;
  }
  return result.data;
});

/** Comma-separated compartment OCIDs; empty means every compartment the policy lets the function reach. */
const compartmentListFromEnv = z
  .string()
  .transform((raw) =>
    raw
      .split(",")
      .map((id) => id.trim())
      .filter((id) => id !== ""),
  )
  .pipe(z.array(z.string().regex(/^ocid1\.(compartment|tenancy)\./, { message: "expected compartment OCIDs" })));

const urlFromEnv = z
  .string()
  .trim()
  .url({ protocol: /^https?$/, message: "expected an http(s):// URL" });

/**
 * The function's configuration: Fn application and function config arrive as environment variables.
 * Every key has a default, so an unconfigured function behaves like the original sample, only safer.
 */
export const ConfigSchema = z
  .object({
    HIGH_CPU_ALARM_NAME: alarmNameFromEnv.default("model_deployment_high_cpu"),
    LOW_CPU_ALARM_NAME: alarmNameFromEnv.default("model_deployment_low_cpu"),
    HIGH_MEM_ALARM_NAME: alarmNameFromEnv.default("model_deployment_high_mem"),
    LOW_MEM_ALARM_NAME: alarmNameFromEnv.default("model_deployment_low_mem"),
    HIGH_REQUESTS_ALARM_NAME: alarmNameFromEnv.default("model_deployment_high_requests"),
    LOW_REQUESTS_ALARM_NAME: alarmNameFromEnv.default("model_deployment_low_requests"),
    MIN_INSTANCES: integerFromEnv(1, 1000).default(1),
    MAX_INSTANCES: integerFromEnv(1, 1000).default(10),
    LOW_CPU_THRESHOLD: thresholdFromEnv.default("auto"),
    LOW_MEM_THRESHOLD: thresholdFromEnv.default("auto"),
    HIGH_MEM_THRESHOLD: numberFromEnv(1, 100).default(80),
    LOW_ALARM_PENDING_DURATION: isoDurationFromEnv.default("PT15M"),
    LOW_ALARM_REPEAT_DURATION: isoDurationFromEnv.default("PT5M"),
    TARGET_CPU_UTILIZATION: numberFromEnv(1, 100).default(60),
    CPU_TOLERANCE: numberFromEnv(0, 0.9).default(0.1),
    /** Requests per minute one instance should serve; request alarms size the deployment for it. */
    TARGET_REQUESTS_PER_INSTANCE: numberFromEnv(0.01, 10_000_000).default(600),
    /** Unset: no latency guard. Set: no scale-in while the deployment's PredictLatency is above it. */
    MAX_LATENCY_MS: numberFromEnv(1, 3_600_000).optional(),
    /** Before an instance scale-in or a shape-down, the window whose peak it may not go below (PT0S: off). */
    SCALE_IN_STABILIZATION: stabilizationFromEnv.default("PT15M"),
    /** Scheduled forecasts (docs/forecast.md): ticks scale out ahead of a rhythm, and scale-ins keep its need. */
    FORECAST_ENABLED: booleanFromEnv.default(true),
    /** Days of the deployment's own per-minute history a forecast reads: 7 is the most one 1-minute read returns. */
    FORECAST_DAYS: integerFromEnv(3, 7).default(7),
    /** The utilization a forecast sizes for: setup's scale-up threshold, so it acts where the alarm would. */
    FORECAST_UTILIZATION: numberFromEnv(1, 100).default(80),
    /** Minutes one update of the deployment takes, added to the period a forecast covers. */
    FORECAST_UPDATE_MINUTES: integerFromEnv(0, 120).default(15),
    /** The metric whose history a forecast reads: CPU (setup's default) or requests (setup --requests). */
    FORECAST_METRIC: z.enum(["CpuUtilization", "PredictRequestCount"]).default("CpuUtilization"),
    /** The IANA time zone a scale-in's forecast reads days in: the forecast schedule's (setup's --forecast-time-zone). */
    FORECAST_TIME_ZONE: z
      .string()
      .trim()
      .refine((v) => isTimeZone(v), { message: "expected an IANA time zone such as Europe/Paris" })
      .default("UTC"),
    /** Set by OCI Functions: this function's OCID, which a schedule must list to be obeyed. */
    FN_FN_ID: z.string().trim().min(1).optional(),
    OCI_RESOURCE_SCHEDULER_ENDPOINT: urlFromEnv.optional(),
    MAX_SCALE_UP_STEP: integerFromEnv(1, 1000).default(4),
    MAX_SCALE_DOWN_STEP: integerFromEnv(1, 1000).default(1),
    MIN_MEMORY_GB: numberFromEnv(1, 10_000).default(6),
    MAX_MEMORY_GB: numberFromEnv(1, 10_000).default(1024),
    FLEX_MEMORY_STEP_FACTOR: numberFromEnv(1.1, 16).default(2),
    SHAPE_LADDERS: shapeLaddersFromEnv.default(DEFAULT_SHAPE_LADDERS.map((l) => [...l])),
    DRY_RUN: booleanFromEnv.default(false),
    SCALE_UP_COOLDOWN_SECONDS: integerFromEnv(0, 86_400).default(300),
    SCALE_DOWN_COOLDOWN_SECONDS: integerFromEnv(0, 86_400).default(600),
    ALLOWED_COMPARTMENT_IDS: compartmentListFromEnv.default([]),
    VERIFY_FIRING_ALARM: booleanFromEnv.default(true),
    VERIFY_FIRING_STATE: booleanFromEnv.default(true),
    MAX_DEPLOYMENTS_PER_MESSAGE: integerFromEnv(1, 1000).default(50),
    MAX_PARALLEL_DEPLOYMENTS: integerFromEnv(1, 50).default(4),
    MAX_BODY_BYTES: integerFromEnv(1024, 6 * 1024 * 1024).default(1024 * 1024),
    OCI_MAX_ATTEMPTS: integerFromEnv(1, 10).default(3),
    OCI_REQUEST_TIMEOUT_SECONDS: numberFromEnv(1, 300).default(10),
    DEFAULT_TIMEOUT_SECONDS: integerFromEnv(5, 300).default(60),
    OCI_DATASCIENCE_ENDPOINT: urlFromEnv.optional(),
    OCI_MONITORING_ENDPOINT: urlFromEnv.optional(),
    NOTIFY_TOPIC_ID: z
      .string()
      .trim()
      .regex(/^ocid1\.onstopic\./i, { message: "expected a Notifications topic OCID (ocid1.onstopic...)" })
      .optional(),
    OCI_NOTIFICATIONS_ENDPOINT: urlFromEnv.optional(),
    OCI_CONFIG_FILE: z.string().trim().min(1).optional(),
    OCI_CONFIG_PROFILE: z.string().trim().min(1).default("DEFAULT"),
    OCI_RESOURCE_PRINCIPAL_VERSION: z.string().trim().min(1).optional(),
  })
  // Guarded: when a count failed to parse, its own message is the whole story.
  .refine(
    (c) =>
      typeof c.MIN_INSTANCES !== "number" || typeof c.MAX_INSTANCES !== "number" || c.MIN_INSTANCES <= c.MAX_INSTANCES,
    {
      message: "MIN_INSTANCES must not exceed MAX_INSTANCES",
      path: ["MIN_INSTANCES"],
    },
  )
  .refine(
    (c) => {
      const names = [
        ...[c.HIGH_CPU_ALARM_NAME, c.LOW_CPU_ALARM_NAME, c.HIGH_MEM_ALARM_NAME, c.LOW_MEM_ALARM_NAME],
        ...[c.HIGH_REQUESTS_ALARM_NAME, c.LOW_REQUESTS_ALARM_NAME],
      ];
      return names.some((n) => typeof n !== "string") || new Set(names).size === names.length;
    },
    {
      message: "the *_ALARM_NAME values must differ: the alarm title decides the action",
      path: ["HIGH_CPU_ALARM_NAME"],
    },
  )
  .refine(
    (c) =>
      typeof c.MIN_MEMORY_GB !== "number" || typeof c.MAX_MEMORY_GB !== "number" || c.MIN_MEMORY_GB <= c.MAX_MEMORY_GB,
    { message: "MIN_MEMORY_GB must not exceed MAX_MEMORY_GB", path: ["MIN_MEMORY_GB"] },
  );
export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
  constructor(readonly problems: string[]) {
    super(`invalid configuration: ${problems.join("; ")}`);
  }
}

/** Reads the configuration from the environment; empty or blank values count as unset so `fn config` can clear a key. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(
    Object.keys(ConfigSchema.shape).flatMap((key) => {
      const value = env[key];
      return value === undefined || value.trim() === "" ? [] : [[key, value]];
    }),
  );
  const result = ConfigSchema.safeParse(present);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((i) => `${i.path.join(".") || "config"}: ${i.message}`));
}
