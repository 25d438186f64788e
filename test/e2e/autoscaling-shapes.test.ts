import { afterEach, describe, expect, it } from "vitest";
import type { EmulatorOptions, JsonObject } from "../../emulator";
import { alarmMessage } from "../../emulator/alarm-messages";
import { autoscalingPolicy, realisticSeed } from "../../emulator/realistic-seed";
import { EXAMPLE_COMPARTMENT_ID, markStreamsFiring, seedCompartmentAlarm } from "../../emulator/seed-from-alarm";
import { type Harness, startHarness } from "./harness";

const HIGH_MEM = "ocid1.alarm.oc1.iad.aaaaaaaaautoscalinghighmem";
const HIGH_CPU = "ocid1.alarm.oc1.iad.aaaaaaaaautoscalinghighcpu";
const POLICY = autoscalingPolicy({ min: 1, initial: 2, max: 6 });

/**
 * A deployment on OCI's AUTOSCALING policy gets its shape changed by memory alarms; its policy must come out
 * of the update exactly as it went in, whichever way OCI treats a policy re-sent beside a shape change.
 */
describe("a memory alarm on a deployment on OCI's AUTOSCALING policy", () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.stop();
    harness = undefined;
  });

  async function start(emulatorOptions: Omit<EmulatorOptions, "publicKeyPem">, seed = {}) {
    harness = await startHarness({}, { updateDelayMs: null, ...emulatorOptions });
    const { emulator } = harness;
    for (const [id, title, metric] of [
      [HIGH_MEM, "model_deployment_high_mem", "MemoryUtilization"],
      [HIGH_CPU, "model_deployment_high_cpu", "CpuUtilization"],
    ] as const) {
      seedCompartmentAlarm(emulator, { id, title, metric, query: `${metric}[5m].groupBy(resourceId).mean() > 80` });
    }
    const id = emulator.seedDeployment({
      ...realisticSeed({ shape: "VM.Standard2.2", ocpus: undefined, memoryInGBs: undefined, cpuBaseline: undefined }),
      scalingPolicy: POLICY,
      currentInstanceCount: 5,
      compartmentId: EXAMPLE_COMPARTMENT_ID,
      ...seed,
    }).id;
    return { emulator, id, policyText: JSON.stringify(modelOf(emulator.getDeployment(id)?.deployment).scalingPolicy) };
  }

  function send(h: Harness, id: string, title: "model_deployment_high_mem" | "model_deployment_high_cpu") {
    const message = alarmMessage({ title, alarmId: title.endsWith("mem") ? HIGH_MEM : HIGH_CPU, deploymentIds: [id] });
    markStreamsFiring(h.emulator, message);
    return h.fn.call(JSON.stringify(message));
  }

  const modelOf = (deployment: { modelDeploymentConfigurationDetails: JsonObject } | undefined) =>
    deployment?.modelDeploymentConfigurationDetails.modelConfigurationDetails as JsonObject;

  it.each([
    { mode: "keeps omitted fields", options: {}, puts: [202], warning: false },
    { mode: "replaces objects whole", options: { updateSemantics: "replace" as const }, puts: [202], warning: false },
    {
      mode: "refuses a policy beside another change",
      options: { refuseScalingPolicyWithOtherChanges: true },
      puts: [400, 202],
      warning: true,
    },
  ])("moves up a shape and keeps the policy byte for byte where OCI $mode", async ({ options, puts, warning }) => {
    const { emulator, id, policyText } = await start(options);

    const response = await send(harness as Harness, id, "model_deployment_high_mem");

    expect(response.body).toMatchObject({
      results: [{ outcome: "updated", from: "VM.Standard2.2", to: "VM.Standard2.4", reasonCode: "ScaledUp" }],
    });
    const result = (response.body as { results: JsonObject[] }).results[0];
    expect(result?.currentInstanceCount).toBe(5);
    expect(result?.warnings !== undefined).toBe(warning);
    const sent = emulator.writes().filter((w) => w.method === "PUT");
    expect(sent.map((w) => w.status)).toEqual(puts);
    emulator.completeUpdates();
    const after = emulator.getDeployment(id)?.deployment;
    expect(JSON.stringify(modelOf(after).scalingPolicy)).toBe(policyText);
    expect(modelOf(after).instanceConfiguration).toMatchObject({ instanceShapeName: "VM.Standard2.4" });
    // OCI's autoscaler keeps its count: the update changed no initialInstanceCount.
    expect(after?.modelDeploymentSystemData).toMatchObject({ currentInstanceCount: 5 });
  });

  it("never loses the policy where OCI both refuses it beside a change and needs it in the body", async () => {
    const { emulator, id, policyText } = await start({
      updateSemantics: "replace",
      refuseScalingPolicyWithOtherChanges: true,
    });

    const response = await send(harness as Harness, id, "model_deployment_high_mem");

    expect(response.body).toMatchObject({ results: [{ outcome: "failed", reasonCode: "UpdateRefused" }] });
    const sent = emulator.writes().filter((w) => w.method === "PUT");
    expect(sent.every((w) => w.status === 400)).toBe(true);
    const after = emulator.getDeployment(id)?.deployment;
    expect(after?.lifecycleState).toBe("ACTIVE");
    expect(JSON.stringify(modelOf(after).scalingPolicy)).toBe(policyText);
    expect(modelOf(after).instanceConfiguration).toMatchObject({ instanceShapeName: "VM.Standard2.2" });
  });

  it("steps a flex shape's memory and keeps the policy", async () => {
    const { emulator, id, policyText } = await start(
      { refuseScalingPolicyWithOtherChanges: true },
      { shape: "VM.Standard.E4.Flex", ocpus: 2, memoryInGBs: 32, cpuBaseline: "BASELINE_1_2" },
    );

    const response = await send(harness as Harness, id, "model_deployment_high_mem");

    expect(response.body).toMatchObject({ results: [{ outcome: "updated", to: "VM.Standard.E4.Flex 2 OCPU 64 GB" }] });
    emulator.completeUpdates();
    expect(JSON.stringify(modelOf(emulator.getDeployment(id)?.deployment).scalingPolicy)).toBe(policyText);
  });

  it("leaves the instance count to OCI on a CPU alarm, and reports the count OCI reads", async () => {
    const { emulator, id } = await start({});

    const response = await send(harness as Harness, id, "model_deployment_high_cpu");

    expect(response.body).toMatchObject({
      results: [{ outcome: "skipped", reasonCode: "BuiltInAutoscaling", from: 5, currentInstanceCount: 5 }],
    });
    expect(emulator.writes()).toHaveLength(0);
    const decision = harness?.fn.logLines().find((line) => line.event === "decision");
    expect(decision).toMatchObject({ reasonCode: "BuiltInAutoscaling", currentInstanceCount: 5 });
  });
});
