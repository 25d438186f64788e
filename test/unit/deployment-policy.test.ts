import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/policy/config";
import { deploymentPolicy } from "../../src/policy/deployment-policy";

const config = loadConfig({});

describe("deploymentPolicy", () => {
  it.each<{ name: string; tags: Record<string, string>; shape?: string; limits?: object; warnings?: RegExp[] }>([
    { name: "no tags: the configuration", tags: {}, limits: { MIN_INSTANCES: 1, MAX_INSTANCES: 10 } },
    {
      name: "instance bounds",
      tags: { "autoscale-min-instances": "2", "autoscale-max-instances": " 4 " },
      limits: { MIN_INSTANCES: 2, MAX_INSTANCES: 4 },
    },
    {
      name: "memory bounds",
      tags: { "autoscale-min-memory-gb": "16", "autoscale-max-memory-gb": "128" },
      limits: { MIN_MEMORY_GB: 16, MAX_MEMORY_GB: 128 },
    },
    {
      name: "tag keys in any case",
      tags: { "Autoscale-Max-Instances": "3" },
      limits: { MAX_INSTANCES: 3 },
    },
    {
      name: "an invalid value is reported and the default kept",
      tags: { "autoscale-max-instances": "lots", "autoscale-min-instances": "0" },
      limits: { MIN_INSTANCES: 1, MAX_INSTANCES: 10 },
      warnings: [
        /autoscale-min-instances="0" ignored/,
        /autoscale-max-instances="lots" ignored .*MAX_INSTANCES=10 used/,
      ],
    },
    {
      // A minimum of 12 against the default maximum of 10: neither tag can be trusted alone.
      name: "a minimum above the maximum is reported and both defaults kept",
      tags: { "autoscale-min-instances": "12" },
      limits: { MIN_INSTANCES: 1, MAX_INSTANCES: 10 },
      warnings: [/minimum 12 exceeds maximum 10/],
    },
    {
      name: "shape bounds on the deployment's ladder",
      tags: { "autoscale-min-shape": "VM.Standard2.2", "autoscale-max-shape": "VM.Standard2.8" },
      shape: "VM.Standard2.4",
      limits: { minShape: "VM.Standard2.2", maxShape: "VM.Standard2.8" },
    },
    {
      name: "a shape bound on another ladder is reported",
      tags: { "autoscale-max-shape": "VM.Standard.E2.8" },
      shape: "VM.Standard2.4",
      limits: { maxShape: undefined },
      warnings: [/autoscale-max-shape=VM.Standard.E2.8 ignored: not on the ladder of VM.Standard2.4/],
    },
    {
      name: "shape bounds on a flex shape are reported",
      tags: { "autoscale-max-shape": "VM.Standard2.8" },
      shape: "VM.Standard.E4.Flex",
      warnings: [/VM.Standard.E4.Flex is not on a shape ladder/],
    },
    {
      name: "the issue 3 cooldown tags and unknown autoscale tags are left alone",
      tags: {
        "autoscale-last-action": "instance-up",
        "autoscale-last-scaled-at": "2026-01-01T00:00:00Z",
        "autoscale-foo": "x",
      },
      limits: { MIN_INSTANCES: 1, MAX_INSTANCES: 10 },
    },
  ])("$name", ({ tags, shape, limits, warnings = [] }) => {
    const policy = deploymentPolicy(tags, shape ?? "VM.Standard2.1", config);
    expect(policy.enabled).toBe(true);
    if (limits) expect(policy.limits).toMatchObject(limits);
    expect(policy.warnings).toHaveLength(warnings.length);
    for (const [i, pattern] of warnings.entries()) expect(policy.warnings[i]).toMatch(pattern);
  });

  it.each([
    ["false", false, 0],
    [" FALSE ", false, 0],
    ["true", true, 0],
    ["nope", true, 1],
  ] as const)("autoscale-enabled=%s gives enabled %s", (value, enabled, warningCount) => {
    const policy = deploymentPolicy({ "autoscale-enabled": value }, "VM.Standard2.1", config);
    expect(policy.enabled).toBe(enabled);
    expect(policy.warnings).toHaveLength(warningCount);
  });
});
