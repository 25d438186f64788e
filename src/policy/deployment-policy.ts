import * as z from "zod";
import type { Config } from "./config";
import { findOnLadder, isFlexShape } from "./shape-ladders";

/**
 * Freeform tags a deployment may carry to override the function's defaults for itself. Other
 * `autoscale-*` tags (the function's own bookkeeping, or newer ones) are left alone.
 */
export const PolicyTag = {
  Enabled: "autoscale-enabled",
  MinInstances: "autoscale-min-instances",
  MaxInstances: "autoscale-max-instances",
  MinShape: "autoscale-min-shape",
  MaxShape: "autoscale-max-shape",
  MinMemoryGB: "autoscale-min-memory-gb",
  MaxMemoryGB: "autoscale-max-memory-gb",
} as const;

const EnabledTagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(["true", "false"], { message: "expected true or false" }))
  .transform((v) => v === "true");
const InstancesTagSchema = z
  .string()
  .trim()
  .regex(/^\d+$/, { message: "expected a whole number" })
  .transform(Number)
  .pipe(z.number().int().min(1).max(1000));
const MemoryTagSchema = z
  .string()
  .trim()
  .regex(/^\d+(\.\d+)?$/, { message: "expected a number of GB" })
  .transform(Number)
  .pipe(z.number().min(1).max(10_000));
const ShapeTagSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]+(\.[A-Za-z0-9]+)+$/, { message: "expected a shape name such as VM.Standard2.4" });

/** The limits one deployment is scaled within: the configuration with its tags applied. */
export type ScalingLimits = Config & { minShape?: string; maxShape?: string };

export interface DeploymentPolicy {
  enabled: boolean;
  limits: ScalingLimits;
  /** One sentence per tag that was not used, saying what was used instead. */
  warnings: string[];
}

/** Reads a deployment's policy tags; an invalid or contradictory tag is reported and the default kept. */
export function deploymentPolicy(
  tags: Record<string, string>,
  shape: string | undefined,
  config: Config,
): DeploymentPolicy {
  const warnings: string[] = [];
  const lowerCased = new Map(Object.entries(tags).map(([key, value]) => [key.trim().toLowerCase(), value]));
  const read = <T>(tag: string, schema: z.ZodType<T>, fallback: string): T | undefined => {
    const raw = lowerCased.get(tag);
    if (raw === undefined) return undefined;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    warnings.push(`${tag}="${raw}" ignored (${parsed.error.issues[0]?.message ?? "invalid"}); ${fallback} used`);
    return undefined;
  };

  const enabled = read(PolicyTag.Enabled, EnabledTagSchema, "autoscale-enabled=true") ?? true;
  const limits: ScalingLimits = { ...config };
  const instances = boundsFromTags(
    read(PolicyTag.MinInstances, InstancesTagSchema, `MIN_INSTANCES=${config.MIN_INSTANCES}`),
    read(PolicyTag.MaxInstances, InstancesTagSchema, `MAX_INSTANCES=${config.MAX_INSTANCES}`),
    { min: config.MIN_INSTANCES, max: config.MAX_INSTANCES },
    "instance bounds",
    warnings,
  );
  limits.MIN_INSTANCES = instances.min;
  limits.MAX_INSTANCES = instances.max;
  const memory = boundsFromTags(
    read(PolicyTag.MinMemoryGB, MemoryTagSchema, `MIN_MEMORY_GB=${config.MIN_MEMORY_GB}`),
    read(PolicyTag.MaxMemoryGB, MemoryTagSchema, `MAX_MEMORY_GB=${config.MAX_MEMORY_GB}`),
    { min: config.MIN_MEMORY_GB, max: config.MAX_MEMORY_GB },
    "memory bounds (GB)",
    warnings,
  );
  limits.MIN_MEMORY_GB = memory.min;
  limits.MAX_MEMORY_GB = memory.max;
  Object.assign(limits, shapeBounds(read, shape, config, warnings));
  return { enabled, limits, warnings };
}

/** A minimum and maximum from tags over the configured ones; a minimum above the maximum keeps the configured pair. */
function boundsFromTags(
  min: number | undefined,
  max: number | undefined,
  configured: { min: number; max: number },
  what: string,
  warnings: string[],
): { min: number; max: number } {
  const bounds = { min: min ?? configured.min, max: max ?? configured.max };
  if (bounds.min <= bounds.max) return bounds;
  warnings.push(
    `${what} from tags ignored: minimum ${bounds.min} exceeds maximum ${bounds.max}; ` +
      `the configured ${configured.min} to ${configured.max} used`,
  );
  return configured;
}

type TagReader = <T>(tag: string, schema: z.ZodType<T>, fallback: string) => T | undefined;

/** Shape bounds only mean something as rungs of the deployment's own ladder, in order. */
function shapeBounds(
  read: TagReader,
  shape: string | undefined,
  config: Config,
  warnings: string[],
): Pick<ScalingLimits, "minShape" | "maxShape"> {
  const fallback = "the whole ladder";
  const minShape = read(PolicyTag.MinShape, ShapeTagSchema, fallback);
  const maxShape = read(PolicyTag.MaxShape, ShapeTagSchema, fallback);
  if (minShape === undefined && maxShape === undefined) return {};
  const ladder = shape === undefined ? undefined : findOnLadder(config.SHAPE_LADDERS, shape)?.ladder;
  if (shape === undefined || isFlexShape(shape) || !ladder) {
    warnings.push(`shape bounds from tags ignored: ${shape ?? "no shape"} is not on a shape ladder`);
    return {};
  }
  const onLadder = (tag: string, name: string | undefined) => {
    if (name === undefined || ladder.includes(name)) return name;
    warnings.push(`${tag}=${name} ignored: not on the ladder of ${shape}; ${fallback} used`);
    return undefined;
  };
  const bounds = { minShape: onLadder(PolicyTag.MinShape, minShape), maxShape: onLadder(PolicyTag.MaxShape, maxShape) };
  if (bounds.minShape && bounds.maxShape && ladder.indexOf(bounds.minShape) > ladder.indexOf(bounds.maxShape)) {
    warnings.push(`shape bounds from tags ignored: ${bounds.minShape} is above ${bounds.maxShape}; ${fallback} used`);
    return {};
  }
  return bounds;
}
