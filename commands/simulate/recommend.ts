/**
 * `--recommend`: searches the knobs of `this` (the function's configuration and the threshold of setup's
 * high-CPU alarm) for the fewest instance-hours with overload under `--max-overload-percent` of the
 * minutes. Coordinate descent from the current configuration: each knob in turn takes the candidate that
 * scores best with the others held, for up to `passes` rounds or until nothing changes. Every candidate is a
 * full run of the real handler on the emulator, so results are cached by configuration.
 */
import { loadConfig } from "../../src/policy/config";
import type { Assumptions } from "./assumptions";
import type { PolicyFigures } from "./figures";
import type { ForecastMode, PolicyContext } from "./policies/policy";
import { ALARM_KEYS, thisPolicy } from "./policies/this";
import { initialInstancesFor, runPolicy } from "./run";
import type { Trace } from "./trace";

export type SearchSpace = Record<string, string[]>;

export const DEFAULT_SEARCH_SPACE: SearchSpace = {
  TARGET_CPU_UTILIZATION: ["50", "60", "70", "80"],
  CPU_TOLERANCE: ["0.05", "0.1", "0.2"],
  MAX_SCALE_UP_STEP: ["2", "4", "8"],
  MAX_SCALE_DOWN_STEP: ["1", "2", "4"],
  SCALE_UP_COOLDOWN_SECONDS: ["300", "600", "900"],
  SCALE_DOWN_COOLDOWN_SECONDS: ["300", "600", "1200"],
  LOW_CPU_THRESHOLD: ["auto", "10", "20", "30", "40"],
  HIGH_CPU_THRESHOLD: ["70", "80", "90"],
  SCALE_IN_STABILIZATION: ["PT0S", "PT15M", "PT1H"],
};

/**
 * Where the search starts and what it compares with: the function's own defaults for the knobs above, read from
 * its configuration schema (so `LOW_CPU_THRESHOLD` is `auto`), and setup's default high-CPU alarm threshold.
 */
export function knobDefaults(): Record<string, string> {
  const config = loadConfig({}) as unknown as Record<string, unknown>;
  const defaults: Record<string, string> = { HIGH_CPU_THRESHOLD: ALARM_KEYS.HIGH_CPU_THRESHOLD };
  for (const knob of Object.keys(DEFAULT_SEARCH_SPACE)) {
    if (knob in config) defaults[knob] = String(config[knob]);
  }
  return defaults;
}

export interface RecommendOptions {
  maxOverloadPercent: number;
  base?: Record<string, string>;
  space?: SearchSpace;
  passes?: number;
  /** `--forecast off`: search `this` without its forecast schedule. */
  forecast?: ForecastMode;
  progress?: (what: string, done: number) => void;
}

export interface Recommendation {
  config: Record<string, string>;
  /** The knobs whose best value differs from where the search started (the defaults, or `base`). */
  changed: Record<string, string>;
  figures: PolicyFigures;
  baseline: PolicyFigures;
  feasible: boolean;
  runs: number;
  maxOverloadPercent: number;
}

export async function recommend(
  trace: Trace,
  assumptions: Assumptions,
  options: RecommendOptions,
): Promise<Recommendation> {
  const space = options.space ?? DEFAULT_SEARCH_SPACE;
  const minutes = trace.demand.length;
  const cache = new Map<string, PolicyFigures>();
  const measure = async (config: Record<string, string>) => {
    const key = JSON.stringify(Object.entries(config).sort());
    let figures = cache.get(key);
    if (!figures) {
      const context: PolicyContext = {
        trace,
        assumptions,
        initialInstances: initialInstancesFor(trace, assumptions),
        config,
        ...(options.forecast ? { forecast: options.forecast } : {}),
      };
      figures = (await runPolicy(thisPolicy, context)).figures;
      cache.set(key, figures);
      options.progress?.(`--recommend, run ${cache.size}`, 0);
    }
    return figures;
  };
  const feasible = (f: PolicyFigures) => (100 * f.overloadMinutes) / minutes <= options.maxOverloadPercent;
  const better = (a: PolicyFigures, b: PolicyFigures) =>
    feasible(a) !== feasible(b)
      ? feasible(a)
      : feasible(a)
        ? a.instanceHours < b.instanceHours
        : a.overloadMinutes < b.overloadMinutes;

  const start = { ...pick(knobDefaults(), space), ...(options.base ?? {}) };
  let best = start;
  const baseline = await measure(start);
  let bestFigures = baseline;
  for (let pass = 0; pass < (options.passes ?? 2); pass++) {
    let changed = false;
    for (const [knob, candidates] of Object.entries(space)) {
      for (const value of candidates) {
        if (best[knob] === value) continue;
        const config = { ...best, [knob]: value };
        const figures = await measure(config);
        if (better(figures, bestFigures)) {
          best = config;
          bestFigures = figures;
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return {
    config: best,
    changed: Object.fromEntries(Object.entries(best).filter(([knob, value]) => start[knob] !== value)),
    figures: bestFigures,
    baseline,
    feasible: feasible(bestFigures),
    runs: cache.size,
    maxOverloadPercent: options.maxOverloadPercent,
  };
}

function pick(values: Record<string, string>, space: SearchSpace): Record<string, string> {
  return Object.fromEntries(
    Object.keys(space).flatMap((k) => (values[k] === undefined ? [] : [[k, values[k] as string]])),
  );
}

export function recommendationText(r: Recommendation): string {
  const f = r.figures;
  const b = r.baseline;
  const lines = [
    `${r.runs} runs of the function searched. Baseline (the defaults): ${b.instanceHours} instance-hours, ${b.overloadMinutes} overload minutes.`,
  ];
  if (Object.keys(r.changed).length === 0) {
    lines.push(
      r.feasible
        ? `The defaults are the best found within ${r.maxOverloadPercent} % overload: nothing to change.`
        : `Nothing found does better than the defaults, and they are NOT within ${r.maxOverloadPercent} % overload.`,
    );
    return lines.join("\n");
  }
  lines.push(
    `Best ${r.feasible ? "within" : "found (NOT within"} ${r.maxOverloadPercent} % overload${r.feasible ? "" : ")"}: ${f.instanceHours} instance-hours (${signed(f.instanceHours - b.instanceHours)}), ${f.overloadMinutes} overload minutes (${signed(f.overloadMinutes - b.overloadMinutes)}), ${f.updates} updates, ${f.reversals} reversals.`,
    "",
    "Apply with (replace <app> with your Fn application); the other knobs keep their defaults:",
  );
  for (const [key, value] of Object.entries(r.changed)) {
    if (key === "HIGH_CPU_THRESHOLD")
      lines.push(`npm run setup -- … --cpu-threshold ${value}   # the high-CPU alarm's threshold`);
    else lines.push(`fn config app <app> ${key} ${value}`);
  }
  return lines.join("\n");
}

function signed(delta: number): string {
  const rounded = Math.round(delta * 10) / 10;
  return rounded > 0 ? `+${rounded}` : `${rounded}`;
}
