import { type Config, ConfigError, loadConfig } from "../../src/policy/config";
import { usageError } from "../cli/exit-codes";

type Thresholds = { cpuThreshold: number; memThreshold: number };

/**
 * Thresholds that contradict the function's target and tolerance make alarms that fire for ever while the
 * function answers WithinTolerance (a high-CPU alarm at 65 with target 60 and tolerance 0.1), or that the
 * function reads differently from how they were created. Returns one sentence per contradiction, each saying
 * which values would work; none when the alarms and the function agree.
 */
export function thresholdContradictions(thresholds: Thresholds, config: Config): string[] {
  const problems: string[] = [];
  const target = config.TARGET_CPU_UTILIZATION;
  const tolerance = config.CPU_TOLERANCE;
  const band = round(target * (1 + tolerance));
  if (thresholds.cpuThreshold <= band) {
    problems.push(
      `--cpu-threshold ${thresholds.cpuThreshold} is within CPU_TOLERANCE ${tolerance} of TARGET_CPU_UTILIZATION ${target}: ` +
        `the alarm would keep firing while the function answers WithinTolerance. Use a threshold above ${band} ` +
        `(80 is the default), or a TARGET_CPU_UTILIZATION below ${round(thresholds.cpuThreshold / (1 + tolerance))}.`,
    );
  }
  const lowCpu = config.LOW_CPU_THRESHOLD;
  const lowest = round(target * (1 - tolerance));
  if (lowCpu !== "auto" && lowCpu >= lowest) {
    problems.push(
      `LOW_CPU_THRESHOLD ${lowCpu} is not below TARGET_CPU_UTILIZATION ${target} less CPU_TOLERANCE ${tolerance} (${lowest}): ` +
        `the low alarm would fire at loads the function will not scale in on. Use LOW_CPU_THRESHOLD=auto ` +
        `(it follows the instance count: ${round(lowest / 2)} at 2 instances), or a value below ${round(lowest / 2)}.`,
    );
  }
  if (thresholds.memThreshold !== config.HIGH_MEM_THRESHOLD) {
    problems.push(
      `--mem-threshold ${thresholds.memThreshold} differs from the function's HIGH_MEM_THRESHOLD ${config.HIGH_MEM_THRESHOLD}, ` +
        "which sets its low-memory thresholds: pass --config HIGH_MEM_THRESHOLD=" +
        `${thresholds.memThreshold} here and set the same with fn config app <app> HIGH_MEM_THRESHOLD ${thresholds.memThreshold}, ` +
        `or use --mem-threshold ${config.HIGH_MEM_THRESHOLD}.`,
    );
  }
  const lowMem = config.LOW_MEM_THRESHOLD;
  if (lowMem !== "auto" && lowMem >= thresholds.memThreshold / 2) {
    problems.push(
      `LOW_MEM_THRESHOLD ${lowMem} is not below half of --mem-threshold ${thresholds.memThreshold}: a step down to half the ` +
        `memory would land above the scale-up threshold. Use LOW_MEM_THRESHOLD=auto, or a value below ${round(thresholds.memThreshold / 2)}.`,
    );
  }
  return problems;
}

/**
 * The high-requests alarm watches the deployment's total, so its threshold cannot follow the instance count: it is
 * set where one instance is over its target (beyond the tolerance). With more instances it may fire while the
 * function, reading the value, answers WithinTolerance or MetricDisagrees: one read, no change. Returns the
 * threshold in requests per minute, or the sentence saying why the one given does not work.
 */
export function requestsThresholdFor(flag: string | undefined, config: Config): number | string {
  // The epsilon: 50 × 1.1 is 55.000000000000007 in floating point.
  const least = Math.ceil(config.TARGET_REQUESTS_PER_INSTANCE * (1 + config.CPU_TOLERANCE) - 1e-9);
  if (flag === undefined) return least;
  const value = Number(flag);
  if (!/^\d+(\.\d+)?$/.test(flag) || value <= 0) return `--requests-threshold takes requests per minute, got "${flag}"`;
  if (value >= least) return value;
  return (
    `--requests-threshold ${value} is within CPU_TOLERANCE ${config.CPU_TOLERANCE} of TARGET_REQUESTS_PER_INSTANCE ` +
    `${config.TARGET_REQUESTS_PER_INSTANCE}: one instance would keep the alarm firing while the function answers ` +
    `WithinTolerance. Use ${least} or more.`
  );
}

/** The function's configuration as setup is told it (--config KEY=VALUE, the same keys as `fn config`). */
export function functionConfig(pairs: Record<string, string>): Config | string[] {
  try {
    return loadConfig(pairs);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** `--config KEY=VALUE` flags as the function's configuration; a malformed pair or value is a usage error (exit 2). */
export function configFromFlags(pairs: string[], usage: string): Config {
  const entries = pairs.map((pair) => {
    const at = pair.indexOf("=");
    if (at <= 0) throw usageError(`--config takes KEY=VALUE, got "${pair}"`, usage);
    return [pair.slice(0, at), pair.slice(at + 1)] as const;
  });
  const config = functionConfig(Object.fromEntries(entries));
  if (Array.isArray(config)) throw usageError(`--config: ${config.join("; ")}`, usage);
  return config;
}
