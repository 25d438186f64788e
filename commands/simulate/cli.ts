/**
 * Arguments of `npm run simulate`. Every plant assumption and every peer parameter is a flag with a default.
 */
import { parseArgs } from "node:util";
import { type Assumptions, DEFAULT_ASSUMPTIONS } from "./assumptions";
import { DEFAULT_POLICIES } from "./policies";
import { OCI_AUTOSCALING_DEFAULTS, type OciAutoscalingOptions } from "./policies/oci-autoscaling";
import type { ForecastMode, ScalingSignal } from "./policies/policy";

export const USAGE = `npm run simulate -- --trace FILE.csv[.gz] [--requests-per-instance N] [--policy NAME ...]
    [--signal cpu|requests] [--forecast on|off] [--config KEY=VALUE ...] [--json FILE] [--svg FILE] [--recommend [--max-overload-percent P]]
    [--update-minutes 10] [--min-instances 1] [--max-instances 10] [--initial-instances N] [--memory-percent 30]
    [--oci-scale-out 80] [--oci-scale-in 20] [--oci-pending-minutes 3] [--oci-adjustment 1]
    [--oci-cooldown-seconds 600] [--oci-window-minutes 1] [--oci-requests-scale-out N] [--oci-requests-scale-in N]
 or npm run simulate -- --oci --deployment OCID --days N [--profile P] [--config-file F] [...as above]
Policies: this, oci-autoscaling, sample-2022, ideal, fixed:N (default: ${DEFAULT_POLICIES.join(", ")}).`;

export interface SimulateArgs {
  trace?: string;
  requestsPerInstance?: number;
  policies: string[];
  config: Record<string, string>;
  /** What `this` scales instances on: setup's CPU alarm (default) or, as `setup --requests`, requests. */
  signal: ScalingSignal;
  /** `this` with the forecast schedule setup creates (default), or `off`: no schedule, FORECAST_ENABLED=false. */
  forecast: ForecastMode;
  json?: string;
  svg?: string;
  recommend: boolean;
  maxOverloadPercent: number;
  assumptions: Assumptions;
  oci: OciAutoscalingOptions;
  fromOci?: { deploymentId: string; days: number; profile?: string; configFile?: string };
}

function positive(name: string, text: string | undefined, fallback: number, integer = false): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value))) {
    throw new Error(`--${name} takes a ${integer ? "whole " : ""}number ≥ 0, got "${text}"`);
  }
  return value;
}

export function parseSimulateArgs(argv: string[]): SimulateArgs {
  const s = { type: "string" } as const;
  const { values } = parseArgs({
    args: argv,
    options: {
      trace: s,
      "requests-per-instance": s,
      policy: { type: "string", multiple: true },
      config: { type: "string", multiple: true },
      signal: s,
      forecast: s,
      json: s,
      svg: s,
      recommend: { type: "boolean" },
      "max-overload-percent": s,
      "update-minutes": s,
      "min-instances": s,
      "max-instances": s,
      "initial-instances": s,
      "memory-percent": s,
      "oci-scale-out": s,
      "oci-scale-in": s,
      "oci-pending-minutes": s,
      "oci-adjustment": s,
      "oci-cooldown-seconds": s,
      "oci-window-minutes": s,
      "oci-requests-scale-out": s,
      "oci-requests-scale-in": s,
      oci: { type: "boolean" },
      deployment: s,
      days: s,
      profile: s,
      "config-file": s,
    },
  });
  const config: Record<string, string> = {};
  for (const pair of values.config ?? []) {
    const eq = pair.indexOf("=");
    if (eq <= 0) throw new Error(`--config takes KEY=VALUE, got "${pair}"`);
    config[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  const d = DEFAULT_ASSUMPTIONS;
  const assumptions: Assumptions = {
    updateMinutes: positive("update-minutes", values["update-minutes"], d.updateMinutes, true),
    minInstances: positive("min-instances", values["min-instances"], d.minInstances, true),
    maxInstances: positive("max-instances", values["max-instances"], d.maxInstances, true),
    idealTargetPercent: positive("config TARGET_CPU_UTILIZATION", config.TARGET_CPU_UTILIZATION, d.idealTargetPercent),
    defaultMemoryPercent: positive("memory-percent", values["memory-percent"], d.defaultMemoryPercent),
  };
  if (values["initial-instances"] !== undefined) {
    assumptions.initialInstances = positive("initial-instances", values["initial-instances"], 1, true);
  }
  const o = OCI_AUTOSCALING_DEFAULTS;
  const oci: OciAutoscalingOptions = {
    scaleOutThreshold: positive("oci-scale-out", values["oci-scale-out"], o.scaleOutThreshold),
    scaleInThreshold: positive("oci-scale-in", values["oci-scale-in"], o.scaleInThreshold),
    pendingMinutes: positive("oci-pending-minutes", values["oci-pending-minutes"], o.pendingMinutes, true),
    adjustment: positive("oci-adjustment", values["oci-adjustment"], o.adjustment, true),
    cooldownSeconds: positive("oci-cooldown-seconds", values["oci-cooldown-seconds"], o.cooldownSeconds, true),
    windowMinutes: positive("oci-window-minutes", values["oci-window-minutes"], o.windowMinutes, true),
    ...(values["oci-requests-scale-out"] === undefined
      ? {}
      : { requestsScaleOut: positive("oci-requests-scale-out", values["oci-requests-scale-out"], 0) }),
    ...(values["oci-requests-scale-in"] === undefined
      ? {}
      : { requestsScaleIn: positive("oci-requests-scale-in", values["oci-requests-scale-in"], 0) }),
  };
  const signal = values.signal ?? "cpu";
  if (signal !== "cpu" && signal !== "requests") throw new Error(`--signal takes cpu or requests, got "${signal}"`);
  if (signal === "requests" && values.recommend)
    throw new Error("--recommend searches the CPU knobs of this; it does not take --signal requests");
  const forecast = values.forecast ?? "on";
  if (forecast !== "on" && forecast !== "off") throw new Error(`--forecast takes on or off, got "${forecast}"`);
  const args: SimulateArgs = {
    policies: values.policy?.length ? values.policy : DEFAULT_POLICIES,
    config,
    signal,
    forecast,
    recommend: values.recommend ?? false,
    maxOverloadPercent: positive("max-overload-percent", values["max-overload-percent"], 1),
    assumptions,
    oci,
  };
  if (values.trace) args.trace = values.trace;
  if (values["requests-per-instance"]) {
    args.requestsPerInstance = positive("requests-per-instance", values["requests-per-instance"], 0);
  }
  if (values.json) args.json = values.json;
  if (values.svg) args.svg = values.svg;
  if (values.oci) {
    if (!values.deployment) throw new Error("--oci needs --deployment <model deployment OCID>");
    args.fromOci = {
      deploymentId: values.deployment,
      days: positive("days", values.days, 7),
      ...(values.profile ? { profile: values.profile } : {}),
      ...(values["config-file"] ? { configFile: values["config-file"] } : {}),
    };
  } else if (!values.trace) {
    throw new Error("--trace FILE (or --oci --deployment OCID) is required");
  }
  return args;
}
