import * as z from "zod";
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

const alarmNameFromEnv = z.string().trim().min(1).max(255);

/** ISO-8601 durations as Monitoring accepts them for pendingDuration / repeatNotificationDuration. */
const isoDurationFromEnv = z
  .string()
  .trim()
  .regex(/^PT(\d+H)?(\d+M)?$/, { message: "expected an ISO-8601 duration such as PT5M" });

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

const urlFromEnv = z.string().trim().url();

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
    MIN_INSTANCES: integerFromEnv(1, 1000).default(1),
    MAX_INSTANCES: integerFromEnv(1, 1000).default(10),
    LOW_CPU_THRESHOLD: numberFromEnv(0, 100).default(10),
    LOW_MEM_THRESHOLD: numberFromEnv(0, 100).default(10),
    LOW_ALARM_PENDING_DURATION: isoDurationFromEnv.default("PT5M"),
    LOW_ALARM_REPEAT_DURATION: isoDurationFromEnv.default("PT5M"),
    SHAPE_LADDERS: shapeLaddersFromEnv.default(DEFAULT_SHAPE_LADDERS.map((l) => [...l])),
    DRY_RUN: booleanFromEnv.default(false),
    MAX_DEPLOYMENTS_PER_MESSAGE: integerFromEnv(1, 1000).default(50),
    MAX_BODY_BYTES: integerFromEnv(1024, 6 * 1024 * 1024).default(1024 * 1024),
    OCI_MAX_ATTEMPTS: integerFromEnv(1, 10).default(3),
    OCI_REQUEST_TIMEOUT_SECONDS: numberFromEnv(1, 300).default(10),
    DEFAULT_TIMEOUT_SECONDS: integerFromEnv(5, 300).default(60),
    OCI_DATASCIENCE_ENDPOINT: urlFromEnv.optional(),
    OCI_MONITORING_ENDPOINT: urlFromEnv.optional(),
    OCI_CONFIG_FILE: z.string().trim().min(1).optional(),
    OCI_CONFIG_PROFILE: z.string().trim().min(1).default("DEFAULT"),
    OCI_RESOURCE_PRINCIPAL_VERSION: z.string().trim().min(1).optional(),
  })
  .refine((c) => c.MIN_INSTANCES <= c.MAX_INSTANCES, {
    message: "MIN_INSTANCES must not exceed MAX_INSTANCES",
    path: ["MIN_INSTANCES"],
  });
export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
  constructor(readonly problems: string[]) {
    super(`invalid configuration: ${problems.join("; ")}`);
  }
}

/** Reads the configuration from the environment; empty strings count as unset so `fn config` can clear a key. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(
    Object.keys(ConfigSchema.shape).flatMap((key) => {
      const value = env[key];
      return value === undefined || value === "" ? [] : [[key, value]];
    }),
  );
  const result = ConfigSchema.safeParse(present);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((i) => `${i.path.join(".") || "config"}: ${i.message}`));
}
