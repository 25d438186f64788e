import { describe, expect, it } from "vitest";
import { seedForecastSchedule } from "../../emulator/forecast-seed";
import { TEST_TENANCY_ID } from "../../emulator/oci-test-auth";
import { autoscalingPolicy } from "../../emulator/realistic-seed";
import { useSetupEmulator } from "./setup-harness";

const COMPARTMENT = "ocid1.compartment.oc1..doctorcompartment";
const TOPIC = "ocid1.onstopic.oc1.iad.doctortopic";

const harness = useSetupEmulator(COMPARTMENT);

function doctor(args: string[]) {
  return harness.doctor(args);
}

/** An hour of CPU and memory points, as a serving deployment emits them. */
function emitting(deploymentId: string): void {
  const now = Date.now();
  for (const name of ["CpuUtilization", "MemoryUtilization"]) {
    harness.emulator.seedMetricPoints({
      namespace: "oci_datascience_modeldeploy",
      compartmentId: COMPARTMENT,
      name,
      dimensions: { resourceId: deploymentId, instanceId: "ocid1.datasciencemodeldeploymentinstance.oc1.iad.i0" },
      points: [30, 20, 10].map((minutesAgo) => ({ timestamp: new Date(now - minutesAgo * 60_000), value: 40 })),
    });
  }
}

const line = (out: string, check: string) => out.split("\n").find((l) => new RegExp(`^\\w+ +${check} `).test(l)) ?? "";

describe("npm run doctor", () => {
  it("answers ok everywhere for a deployment setup wired, with metrics, and exits 0", async () => {
    const deploymentId = harness.emulator.seedDeployment({ compartmentId: COMPARTMENT, instanceCount: 2 }).id;
    emitting(deploymentId);
    expect((await setup(deploymentId)).code).toBe(0);
    harness.emulator.clearRequests();

    const { code, out } = await doctor(["--deployment", deploymentId]);

    expect(out).toMatch(/^ok +deployment +.*ACTIVE, FIXED_SIZE, 2 instance\(s\)/m);
    expect(line(out, "metrics")).toMatch(/^ok .*CpuUtilization.*MemoryUtilization/);
    expect(out.match(/^ok +alarms +.*made by setup/gm)).toHaveLength(2);
    expect(line(out, "last changes")).toMatch(/^ok /);
    expect(out).toContain("0 problem(s)");
    expect(code).toBe(0);
    // Only reads: SummarizeMetricsData is a POST that reads.
    const writes = harness.emulator.writes().filter((w) => !w.path.endsWith("/metrics/actions/summarizeMetricsData"));
    expect(writes).toEqual([]);
  });

  it("follows the message to the function with --function: subscription, function, configuration and IAM all ok", async () => {
    const deploymentId = harness.emulator.seedDeployment({ compartmentId: COMPARTMENT, instanceCount: 2 }).id;
    emitting(deploymentId);
    const { functionId, topicId } = wired({ deploymentId });
    await setup(deploymentId, topicId);

    const { code, out } = await doctor(["--deployment", deploymentId, "--function", functionId]);

    expect(line(out, "subscription")).toMatch(new RegExp(`^ok .*-> function ${functionId}: ACTIVE`));
    expect(line(out, "forecast")).toMatch(/^ok .*: ACTIVE, 0 \* \* \* \* \(UTC\), its body lists 1 deployment\(s\)/);
    expect(line(out, "function")).toMatch(/^ok .*model-deployment-autoscale: ACTIVE/);
    expect(line(out, "iam")).toMatch(/^ok .*covers the function and holds every statement it needs/);
    expect(out).toContain("0 problem(s)");
    expect(code).toBe(0);
  });

  it("names a PENDING subscription, a mistyped configuration key and a dynamic group that does not match", async () => {
    const deploymentId = harness.emulator.seedDeployment({ compartmentId: COMPARTMENT, instanceCount: 2 }).id;
    emitting(deploymentId);
    const { functionId, topicId } = wired({
      subscription: "PENDING",
      functionConfig: { TARGET_CPU_UTILISATION: "70" },
      rule: "ALL {resource.type = 'fnfunc', resource.compartment.id = 'ocid1.compartment.oc1..elsewhere'}",
    });
    await setup(deploymentId, topicId);

    const { code, out } = await doctor(["--deployment", deploymentId, "--function", functionId]);

    expect(line(out, "subscription")).toMatch(/^problem .*PENDING/);
    expect(out).toContain("fix: OCI confirms a function subscription itself");
    expect(line(out, "function")).toMatch(
      /TARGET_CPU_UTILISATION is not a key the function reads: did you mean TARGET_CPU_UTILIZATION\?/,
    );
    expect(line(out, "iam")).toMatch(/^problem .*no dynamic group's matching rule covers the function/);
    expect(code).toBe(1);
  });

  it("says the function is missing, and how to find or deploy it", async () => {
    const deploymentId = harness.emulator.seedDeployment({ compartmentId: COMPARTMENT, instanceCount: 2 }).id;
    emitting(deploymentId);
    const { topicId } = wired();
    await setup(deploymentId, topicId);

    const { code, out } = await doctor([
      "--deployment",
      deploymentId,
      "--function",
      "ocid1.fnfunc.oc1.iad.aaaaaaaagone",
    ]);

    expect(line(out, "function")).toMatch(/^problem .*ocid1\.fnfunc\.oc1\.iad\.aaaaaaaagone not found/);
    expect(out).toContain("fix: check --function");
    expect(code).toBe(1);
  });

  it("says the topic has no subscription to the function, and how to make one", async () => {
    const deploymentId = harness.emulator.seedDeployment({ compartmentId: COMPARTMENT, instanceCount: 2 }).id;
    emitting(deploymentId);
    const topic = harness.emulator.seedTopic({ compartmentId: COMPARTMENT, name: "lonely" });
    await setup(deploymentId, topic.topicId);

    const { out } = await doctor(["--deployment", deploymentId]);

    expect(line(out, "subscription")).toMatch(/^problem .*topic lonely has no ORACLE_FUNCTIONS subscription/);
    expect(out).toContain(
      `fix: oci ons subscription create --compartment-id ${COMPARTMENT} --topic-id ${topic.topicId}`,
    );
  });

  it("names each broken link with its fix, and exits 1", async () => {
    const deploymentId = harness.emulator.seedDeployment({ compartmentId: COMPARTMENT, instanceCount: 2 }).id;
    await setup(deploymentId);
    const [cpu, mem] = harness.emulator.alarms().filter((a) => a.query.includes(deploymentId));
    harness.emulator.seedAlarm({ ...(cpu as object), isEnabled: false } as never);
    harness.emulator.seedAlarm({ ...(mem as object), destinations: [] } as never);

    const { code, out } = await doctor(["--deployment", deploymentId]);

    expect(line(out, "metrics")).toMatch(/^problem .*no CpuUtilization/);
    expect(out).toContain("fix: an alarm without data never fires");
    expect(out).toMatch(/^problem +alarms +model_deployment_high_cpu .*disabled/m);
    expect(out).toContain("fix: enable it");
    expect(out).toMatch(/^problem +alarms +model_deployment_high_mem .*notifies no topic/m);
    expect(code).toBe(1);
  });

  it("says when there is no scale-up alarm, and names one made by hand with how to replace it", async () => {
    const deploymentId = harness.emulator.seedDeployment({ compartmentId: COMPARTMENT, instanceCount: 2 }).id;
    emitting(deploymentId);
    harness.emulator.seedAlarm({
      compartmentId: COMPARTMENT,
      displayName: "model_deployment_high_cpu",
      query: `CpuUtilization[5m]{resourceId = "${deploymentId}"}.mean() > 80`,
      destinations: [TOPIC],
    });

    const { code, out } = await doctor(["--deployment", deploymentId]);

    expect(out).toMatch(/^ok +alarms +model_deployment_high_cpu .*made by hand .*delete it and run setup/m);
    expect(out).toMatch(/^problem +alarms +no alarm model_deployment_high_mem watching this deployment/m);
    expect(out).toContain(`fix: npm run setup -- --deployment ${deploymentId}`);
    expect(code).toBe(1);
  });

  it("flags a scale-up threshold the function's configuration contradicts", async () => {
    const deploymentId = harness.emulator.seedDeployment({ compartmentId: COMPARTMENT, instanceCount: 2 }).id;
    emitting(deploymentId);
    await setup(deploymentId);
    const { out } = await doctor(["--deployment", deploymentId, "--config", "TARGET_CPU_UTILIZATION=75"]);
    expect(out).toMatch(/^problem +alarms +model_deployment_high_cpu .*threshold 80 contradicts/m);
  });

  it("explains a deployment on OCI's AUTOSCALING policy, and expects only its memory alarm", async () => {
    const deploymentId = harness.emulator.seedDeployment({
      compartmentId: COMPARTMENT,
      scalingPolicy: autoscalingPolicy({ min: 1, initial: 1, max: 4 }),
    }).id;
    emitting(deploymentId);
    await setup(deploymentId);

    const { code, out } = await doctor(["--deployment", deploymentId]);

    expect(line(out, "deployment")).toContain("OCI's AUTOSCALING policy moves its instance count");
    expect(out.match(/^\w+ +alarms /gm)).toHaveLength(1);
    expect(code).toBe(0);
  });

  it("flags a deployment that is not ACTIVE, and one that is not found", async () => {
    const inactive = harness.emulator.seedDeployment({ compartmentId: COMPARTMENT, lifecycleState: "INACTIVE" }).id;
    expect(line((await doctor(["--deployment", inactive])).out, "deployment")).toMatch(/^problem .*INACTIVE/);

    const gone = await doctor(["--deployment", "ocid1.datasciencemodeldeployment.oc1.iad.amaaaaaanothere"]);
    expect(gone.out).toMatch(/^problem +deployment +.* not found/m);
    expect(gone.code).toBe(1);
  });

  it("exits 2 for bad arguments", async () => {
    expect((await doctor(["--deployment", "not-an-ocid"])).code).toBe(2);
    expect((await doctor([])).code).toBe(2);
  });
});

function setup(deploymentId: string, topicId = TOPIC) {
  return harness.setup(["--deployment", deploymentId, "--topic", topicId]);
}

/** A tenancy wired as docs/deploying.md says: the function, its topic and subscription, its dynamic group and policy. */
function wired(
  options: {
    functionConfig?: Record<string, string>;
    subscription?: "ACTIVE" | "PENDING";
    rule?: string;
    /** Seeds setup's forecast schedule listing this deployment, and the statements it needs. */
    deploymentId?: string;
  } = {},
) {
  const { emulator } = harness;
  const app = emulator.seedApplication({
    compartmentId: COMPARTMENT,
    displayName: "model-deployment-scaling",
    config: {},
  });
  const fn = emulator.seedFunction({
    applicationId: app.id,
    displayName: "model-deployment-autoscale",
    config: options.functionConfig ?? {},
  });
  const topic = emulator.seedTopic({ compartmentId: COMPARTMENT, name: "model-deployment-autoscale" });
  const subscription = emulator.seedSubscription({
    topicId: topic.topicId,
    protocol: "ORACLE_FUNCTIONS",
    endpoint: fn.id,
  });
  if (options.subscription === "PENDING") emulator.setSubscriptionState(subscription.id, "PENDING");
  const group = emulator.seedDynamicGroup({
    compartmentId: TEST_TENANCY_ID,
    name: `autoscale-fn-${fn.id.slice(-6)}`,
    matchingRule: options.rule ?? `ALL {resource.type = 'fnfunc', resource.id = '${fn.id}'}`,
  });
  const { deploymentId } = options;
  const schedule = deploymentId
    ? seedForecastSchedule(emulator, { compartmentId: COMPARTMENT, functionId: fn.id, deploymentIds: [deploymentId] })
    : undefined;
  emulator.seedPolicy({
    compartmentId: TEST_TENANCY_ID,
    name: `autoscale-${fn.id.slice(-6)}`,
    statements: [
      `Allow dynamic-group ${group.name} to manage data-science-family in compartment id ${COMPARTMENT}`,
      `Allow dynamic-group ${group.name} to manage alarms in compartment id ${COMPARTMENT}`,
      `Allow dynamic-group ${group.name} to read metrics in tenancy`,
      `Allow dynamic-group ${group.name} to use ons-topics in compartment id ${COMPARTMENT}`,
      `Allow dynamic-group ${group.name} to read resource-schedule-family in compartment id ${COMPARTMENT}`,
      // The docs' own spelling (no spaces around =): doctor reads both.
      `Allow any-user to use fn-invocation in compartment id ${COMPARTMENT} where all{request.principal.type='resourceschedule',request.principal.id='${schedule?.id ?? ""}'}`,
    ],
  });
  return { functionId: fn.id, topicId: topic.topicId };
}
