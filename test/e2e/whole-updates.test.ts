import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Json, SeedDeployment } from "../../emulator";
import { alarmMessage } from "../../emulator/alarm-messages";
import { realisticSeed } from "../../emulator/realistic-seed";
import { EXAMPLE_COMPARTMENT_ID, markStreamsFiring, seedCompartmentAlarm } from "../../emulator/seed-from-alarm";
import { type Harness, startHarness } from "./harness";

const ALARMS = {
  model_deployment_high_cpu: "ocid1.alarm.oc1.iad.aaaaaaaawholehighcpu",
  model_deployment_low_cpu: "ocid1.alarm.oc1.iad.aaaaaaaawholelowcpu",
  model_deployment_high_mem: "ocid1.alarm.oc1.iad.aaaaaaaawholehighmem",
  model_deployment_low_mem: "ocid1.alarm.oc1.iad.aaaaaaaawholelowmem",
} as const;
type Title = keyof typeof ALARMS;

/**
 * OCI does not document whether an update keeps the nested fields it leaves out. With the emulator in
 * "replace" mode (every object the body gives replaces the stored one whole: the behaviour a partial body
 * would break), each action must leave the deployment exactly as it was but for the one intended field.
 */
const CASES: Array<{ title: Title; seed: SeedDeployment; changed: (config: Record<string, Json>) => void }> = [
  {
    title: "model_deployment_high_cpu",
    seed: realisticSeed({ instanceCount: 2 }),
    changed: (c) => setPath(c, ["modelConfigurationDetails", "scalingPolicy", "instanceCount"], 3),
  },
  {
    title: "model_deployment_low_cpu",
    seed: realisticSeed({ instanceCount: 3 }),
    changed: (c) => setPath(c, ["modelConfigurationDetails", "scalingPolicy", "instanceCount"], 2),
  },
  {
    title: "model_deployment_high_mem",
    seed: realisticSeed({ memoryInGBs: 32 }),
    changed: (c) =>
      setPath(
        c,
        [
          "modelConfigurationDetails",
          "instanceConfiguration",
          "modelDeploymentInstanceShapeConfigDetails",
          "memoryInGBs",
        ],
        64,
      ),
  },
  {
    title: "model_deployment_low_mem",
    seed: realisticSeed({ memoryInGBs: 32 }),
    changed: (c) =>
      setPath(
        c,
        [
          "modelConfigurationDetails",
          "instanceConfiguration",
          "modelDeploymentInstanceShapeConfigDetails",
          "memoryInGBs",
        ],
        16,
      ),
  },
  {
    title: "model_deployment_high_mem",
    seed: realisticSeed({ shape: "VM.Standard2.2", ocpus: undefined, memoryInGBs: undefined, cpuBaseline: undefined }),
    changed: (c) =>
      setPath(c, ["modelConfigurationDetails", "instanceConfiguration", "instanceShapeName"], "VM.Standard2.4"),
  },
  {
    title: "model_deployment_low_mem",
    seed: realisticSeed({ shape: "VM.Standard2.2", ocpus: undefined, memoryInGBs: undefined, cpuBaseline: undefined }),
    changed: (c) =>
      setPath(c, ["modelConfigurationDetails", "instanceConfiguration", "instanceShapeName"], "VM.Standard2.1"),
  },
];

function setPath(target: Record<string, Json>, path: string[], value: Json): void {
  let node = target as Record<string, Json>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, Json>;
  node[path.at(-1) as string] = value;
}

describe("an update changes exactly one thing, even where OCI replaces what a body gives", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({}, { updateDelayMs: null, updateSemantics: "replace" });
    for (const [title, id] of Object.entries(ALARMS)) {
      const metric = title.includes("cpu") ? "CpuUtilization" : "MemoryUtilization";
      const below = title.includes("low");
      seedCompartmentAlarm(harness.emulator, {
        id,
        title,
        metric,
        query: `${metric}[5m].groupBy(resourceId).mean() ${below ? "< 10" : "> 80"}`,
      });
    }
  });
  afterAll(() => harness.stop());

  it.each(CASES)("$title on $seed.shape", async ({ title, seed, changed }) => {
    const { emulator } = harness;
    const id = emulator.seedDeployment({ ...seed, compartmentId: EXAMPLE_COMPARTMENT_ID }).id;
    const before = structuredClone(emulator.getDeployment(id)?.deployment);
    const message = alarmMessage({ title, alarmId: ALARMS[title], deploymentIds: [id] });
    markStreamsFiring(emulator, message);

    const response = await harness.fn.call(JSON.stringify(message));
    expect(response.body).toMatchObject({ results: [{ outcome: "updated" }] });
    emulator.completeUpdates();

    const after = emulator.getDeployment(id)?.deployment;
    const expected = structuredClone(before?.modelDeploymentConfigurationDetails) as Record<string, Json>;
    changed(expected);
    expect(after?.modelDeploymentConfigurationDetails).toEqual(expected);
    expect(after?.lifecycleState).toBe("ACTIVE");
    expect(after?.displayName).toBe(before?.displayName);
    // The user's tags stay; only the function's own autoscale-last-* record is added.
    expect(after?.freeformTags).toMatchObject(before?.freeformTags ?? {});
  });
});
