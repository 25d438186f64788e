import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SeedDeployment } from "../../emulator";
import { alarmMessage } from "../../emulator/alarm-messages";
import { EXAMPLE_COMPARTMENT_ID, EXAMPLE_TOPIC_ID } from "../../emulator/seed-from-alarm";
import { type Harness, startHarness } from "./harness";

const COMPARTMENT_WIDE_ALARM = "ocid1.alarm.oc1.iad.aaaaaaaacompartmentwidehighcpu";
const OTHER_DEPLOYMENT_ALARM = "ocid1.alarm.oc1.iad.aaaaaaaaalarmforanotherdeployment";
const DISABLED_ALARM = "ocid1.alarm.oc1.iad.aaaaaaaadisabledhighcpu";
const OTHER_COMPARTMENT = "ocid1.compartment.oc1..aaaaaaaaothercompartment";
const MINUTE_AGO = new Date(Date.now() - 60_000).toISOString();

/**
 * Every state and shape of deployment, and what the function answers to a high-CPU alarm about it.
 * `prepare` runs after seeding (faults, purges). Each row gets its own deployment.
 */
const CASES: Array<{
  name: string;
  seed?: Omit<SeedDeployment, "id">;
  alarmId?: string;
  prepare?: (harness: Harness, id: string) => void;
  /** Whether Monitoring holds the alarm FIRING for the deployment (default true). */
  firing?: boolean;
  outcome: string;
  reasonCode: string;
}> = [
  { name: "ACTIVE, 1 instance", outcome: "updated", reasonCode: "ScaledUp" },
  // OCI takes zero-downtime updates in NEEDS_ATTENTION too; a deployment degraded by load may sit there.
  { name: "NEEDS_ATTENTION", seed: { lifecycleState: "NEEDS_ATTENTION" }, outcome: "updated", reasonCode: "ScaledUp" },
  ...["UPDATING", "FAILED", "INACTIVE", "CREATING", "DELETING", "DELETED"].map((state) => ({
    name: state,
    seed: { lifecycleState: state },
    outcome: "skipped",
    reasonCode: "NotActive",
  })),
  {
    name: "not found (404)",
    prepare: (h, id) => h.emulator.purgeDeployment(id),
    outcome: "skipped",
    reasonCode: "NotFoundOrNotAuthorized",
  },
  {
    name: "no permission (401)",
    prepare: (h, id) => h.emulator.faults.add({ path: id, status: 401, times: Number.POSITIVE_INFINITY }),
    outcome: "skipped",
    reasonCode: "NotFoundOrNotAuthorized",
  },
  {
    name: "OCI's built-in AUTOSCALING policy",
    seed: { scalingPolicy: { policyType: "AUTOSCALING", isEnabled: true, autoScalingPolicies: [] } },
    outcome: "skipped",
    reasonCode: "BuiltInAutoscaling",
  },
  {
    name: "MODEL_GROUP deployment",
    seed: { deploymentType: "MODEL_GROUP" },
    outcome: "skipped",
    reasonCode: "UnsupportedDeploymentType",
  },
  {
    name: "SINGLE_MODEL_FLEX deployment",
    seed: { deploymentType: "SINGLE_MODEL_FLEX" },
    outcome: "skipped",
    reasonCode: "UnsupportedDeploymentType",
  },
  { name: "at MAX_INSTANCES", seed: { instanceCount: 3 }, outcome: "skipped", reasonCode: "AtMaxInstances" },
  // A high-CPU alarm at 5 instances with a maximum of 3 brings it to 3, as Kubernetes' HPA would.
  { name: "above MAX_INSTANCES", seed: { instanceCount: 5 }, outcome: "updated", reasonCode: "BroughtWithinBounds" },
  {
    name: "scaled up a minute ago (cooldown)",
    seed: { freeformTags: { "autoscale-last-instance-change": `up ${MINUTE_AGO}` } },
    outcome: "skipped",
    reasonCode: "CoolingDown",
  },
  {
    name: "scaled down a minute ago (other direction: no cooldown)",
    seed: { instanceCount: 2, freeformTags: { "autoscale-last-instance-change": `down ${MINUTE_AGO}` } },
    outcome: "updated",
    reasonCode: "ScaledUp",
  },
  {
    name: "in a compartment ALLOWED_COMPARTMENT_IDS does not list",
    seed: { compartmentId: OTHER_COMPARTMENT },
    outcome: "skipped",
    reasonCode: "CompartmentNotAllowed",
  },
  {
    name: "named by an alarm whose query covers another deployment",
    alarmId: OTHER_DEPLOYMENT_ALARM,
    outcome: "skipped",
    reasonCode: "AlarmNotVerified",
  },
  {
    name: "named by an alarm that is not firing for it now (a replay, a stale redelivery)",
    firing: false,
    outcome: "skipped",
    reasonCode: "AlarmNotFiring",
  },
  {
    name: "named by an alarm that is disabled",
    alarmId: DISABLED_ALARM,
    outcome: "skipped",
    reasonCode: "AlarmNotFiring",
  },
  {
    name: "named by an alarm that does not exist",
    alarmId: "ocid1.alarm.oc1.iad.aaaaaaaanosuchalarm",
    outcome: "skipped",
    reasonCode: "AlarmNotVerified",
  },
];

describe("every deployment state gets a defined answer", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ MAX_INSTANCES: "3", ALLOWED_COMPARTMENT_IDS: EXAMPLE_COMPARTMENT_ID });
    const alarm = {
      compartmentId: EXAMPLE_COMPARTMENT_ID,
      metricCompartmentId: EXAMPLE_COMPARTMENT_ID,
      namespace: "oci_datascience_modeldeploy",
      destinations: [EXAMPLE_TOPIC_ID],
      displayName: "model_deployment_high_cpu",
    };
    harness.emulator.seedAlarm({
      ...alarm,
      id: COMPARTMENT_WIDE_ALARM,
      query: "CpuUtilization[5m].groupBy(resourceId).mean() > 80",
    });
    harness.emulator.seedAlarm({
      ...alarm,
      id: DISABLED_ALARM,
      isEnabled: false,
      query: "CpuUtilization[5m].groupBy(resourceId).mean() > 80",
    });
    harness.emulator.seedAlarm({
      ...alarm,
      id: OTHER_DEPLOYMENT_ALARM,
      query:
        'CpuUtilization[5m]{resourceId = "ocid1.datasciencemodeldeployment.oc1.iad.amaaaaaasomeoneelse"}.mean() > 80',
    });
  });
  afterAll(() => harness.stop());

  it.each(CASES)("$name: $outcome ($reasonCode)", async ({ seed, alarmId, prepare, firing, outcome, reasonCode }) => {
    const deployment = harness.emulator.seedDeployment({ compartmentId: EXAMPLE_COMPARTMENT_ID, ...seed });
    const firingAlarm = alarmId ?? COMPARTMENT_WIDE_ALARM;
    if (firing !== false && harness.emulator.getAlarm(firingAlarm)) {
      harness.emulator.setAlarmStreamState(firingAlarm, { resourceId: deployment.id }, "FIRING");
    }
    prepare?.(harness, deployment.id);
    const writesBefore = harness.emulator.writes().length;

    const message = alarmMessage({
      title: "model_deployment_high_cpu",
      alarmId: firingAlarm,
      deploymentIds: [deployment.id],
    });
    const response = await harness.fn.call(JSON.stringify(message));

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: "ok",
      results: [{ deploymentId: deployment.id, outcome, reasonCode }],
    });
    const wrote = harness.emulator.writes().length - writesBefore;
    if (outcome === "skipped") expect(wrote).toBe(0);
    else expect(wrote).toBeGreaterThan(0);
  });
});

describe("the firing-state check before a write", () => {
  let harness: Harness | undefined;
  afterAll(() => harness?.stop());

  it.each<{ config: Record<string, string>; outcome: string; reasonCode: string; warns: boolean }>([
    { config: {}, outcome: "skipped", reasonCode: "AlarmNotFiring", warns: false },
    // A rehearsal with a hand-made message: the decision is shown, the not-firing alarm is a warning.
    { config: { DRY_RUN: "true" }, outcome: "dry-run", reasonCode: "ScaledUp", warns: true },
    { config: { VERIFY_FIRING_STATE: "false" }, outcome: "updated", reasonCode: "ScaledUp", warns: false },
  ])(
    "with $config a message whose alarm is not firing gives $outcome",
    async ({ config, outcome, reasonCode, warns }) => {
      await harness?.stop();
      harness = await startHarness(config);
      const alarmId = "ocid1.alarm.oc1.iad.aaaaaaaanotfiringhighcpu";
      harness.emulator.seedAlarm({
        id: alarmId,
        displayName: "model_deployment_high_cpu",
        compartmentId: EXAMPLE_COMPARTMENT_ID,
        metricCompartmentId: EXAMPLE_COMPARTMENT_ID,
        query: "CpuUtilization[5m].groupBy(resourceId).mean() > 80",
        destinations: [EXAMPLE_TOPIC_ID],
      });
      const deployment = harness.emulator.seedDeployment({ compartmentId: EXAMPLE_COMPARTMENT_ID });
      // A replay of a real alarm id with "status": "OK" and an absurd value: Monitoring has it OK.
      harness.emulator.setAlarmStreamState(alarmId, { resourceId: deployment.id }, "OK");
      const message = alarmMessage({ title: "model_deployment_high_cpu", alarmId, deploymentIds: [deployment.id] });

      const response = await harness.fn.call(JSON.stringify(message));

      const [result] = (
        response.body as { results: Array<{ outcome: string; reasonCode: string; warnings?: string[] }> }
      ).results;
      expect(result).toMatchObject({ outcome, reasonCode });
      const notFiring = expect.stringContaining("does not hold alarm");
      if (warns) expect(result?.warnings).toEqual([notFiring]);
      if (outcome === "skipped")
        expect(result).toMatchObject({ reason: expect.stringContaining("VERIFY_FIRING_STATE") });
      expect(harness.emulator.writes().length > 0).toBe(outcome === "updated");
    },
  );
});
