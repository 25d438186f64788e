import { describe, expect, it } from "vitest";
import { actionForTitle } from "../../src/message/alarm-routing";
import { loadConfig } from "../../src/policy/config";
import { ScalingAction } from "../../src/results/decision";

const defaults = loadConfig({});
const custom = loadConfig({
  HIGH_CPU_ALARM_NAME: "md-cpu-high",
  LOW_CPU_ALARM_NAME: "md-cpu-low",
  HIGH_MEM_ALARM_NAME: "md-mem-high",
  LOW_MEM_ALARM_NAME: "md-mem-low",
});

describe("actionForTitle", () => {
  it.each([
    ["model_deployment_high_cpu", ScalingAction.InstanceUp],
    ["model_deployment_low_cpu", ScalingAction.InstanceDown],
    ["model_deployment_high_mem", ScalingAction.ShapeUp],
    ["model_deployment_low_mem", ScalingAction.ShapeDown],
    // Titles are trimmed: a stray space in the console's notification title still routes.
    ["  model_deployment_high_cpu\n", ScalingAction.InstanceUp],
  ])("routes the default title %j to %s", (title, action) => {
    expect(actionForTitle(title, defaults)).toBe(action);
  });

  it.each([
    ["md-cpu-high", ScalingAction.InstanceUp],
    ["md-cpu-low", ScalingAction.InstanceDown],
    ["md-mem-high", ScalingAction.ShapeUp],
    ["md-mem-low", ScalingAction.ShapeDown],
  ])("routes the configured title %j to %s", (title, action) => {
    expect(actionForTitle(title, custom)).toBe(action);
  });

  it.each([
    ["a default name once names are configured", "model_deployment_high_cpu", custom],
    ["a different case", "MODEL_DEPLOYMENT_HIGH_CPU", defaults],
    ["a prefix of a name", "model_deployment_high", defaults],
    ["a name with a suffix", "model_deployment_high_cpu_2", defaults],
    ["an unrelated title", "disk full", defaults],
    ["an inherited property name", "toString", defaults],
    ["__proto__", "__proto__", defaults],
    ["constructor", "constructor", defaults],
    // No alarm name is longer than 255 characters: a long rendered title is routed by the alarm's display name.
    ["a title longer than 255 characters", `model_deployment_high_cpu${" ".repeat(231)}`, defaults],
  ])("routes nothing for %s", (_name, title, names) => {
    expect(actionForTitle(title, names)).toBeUndefined();
  });
});
