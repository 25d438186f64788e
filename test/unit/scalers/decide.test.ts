import { describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/policy/config";
import { decide } from "../../../src/scalers";
import { snapshot } from "../../support/snapshot";

const config = loadConfig({});

describe("decide", () => {
  it.each([
    {
      name: "an opted-out deployment is left alone",
      action: "instance-up" as const,
      deployment: snapshot({ freeformTags: { "autoscale-enabled": "false" } }),
      expected: { kind: "no-change", reason: "AutoscaleDisabled", scaleDownAlarm: "none" },
    },
    {
      name: "a tagged maximum stops instance steps",
      action: "instance-up" as const,
      deployment: snapshot({ instanceCount: 3, freeformTags: { "autoscale-max-instances": "3" } }),
      expected: { kind: "no-change", reason: "AtMaxInstances" },
    },
    {
      name: "a tagged minimum is the floor for instance steps",
      action: "instance-down" as const,
      deployment: snapshot({ instanceCount: 3, freeformTags: { "autoscale-min-instances": "2" } }),
      expected: { kind: "change", to: 2, scaleDownAlarm: "delete" },
    },
    {
      name: "a tagged maximum shape stops shape steps",
      action: "shape-up" as const,
      deployment: snapshot({ shape: "VM.Standard2.4", freeformTags: { "autoscale-max-shape": "VM.Standard2.4" } }),
      expected: {
        kind: "no-change",
        reason: "AtLargestShape",
        message: "VM.Standard2.4: autoscale-max-shape is VM.Standard2.4",
      },
    },
    {
      name: "a tagged minimum shape is the floor for shape steps",
      action: "shape-down" as const,
      deployment: snapshot({ shape: "VM.Standard2.8", freeformTags: { "autoscale-min-shape": "VM.Standard2.4" } }),
      expected: { kind: "change", to: "VM.Standard2.4", scaleDownAlarm: "delete" },
    },
    {
      name: "a tagged memory ceiling stops flex steps",
      action: "shape-up" as const,
      deployment: snapshot({
        shape: "VM.Standard.E4.Flex",
        ocpus: 1,
        memoryInGBs: 32,
        freeformTags: { "autoscale-max-memory-gb": "48" },
      }),
      expected: { kind: "change", change: { flexSize: { ocpus: 1, memoryInGBs: 48 } } },
    },
  ])("$name", ({ action, deployment, expected }) => {
    expect(decide(action, deployment, config, {}).decision).toMatchObject(expected);
  });

  it("reports an invalid tag beside a decision taken with the default", () => {
    const deployment = snapshot({ instanceCount: 1, freeformTags: { "autoscale-max-instances": "ten" } });
    const { decision, warnings } = decide("instance-up", deployment, config, {});
    expect(decision).toMatchObject({ kind: "change", to: 2 });
    expect(warnings).toEqual([expect.stringContaining('autoscale-max-instances="ten" ignored')]);
  });
});
