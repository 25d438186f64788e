import { describe, expect, it } from "vitest";
import { matchingRule } from "../../commands/setup/iam-resources";
import { SetupTag } from "../../commands/setup/wiring-steps";
import { TEST_TENANCY_ID } from "../../emulator/oci-test-auth";
import { MANAGED_BY_VALUE } from "../../src/oci/scale-down-alarms";
import { useSetupEmulator } from "./setup-harness";

const harness = useSetupEmulator("ocid1.compartment.oc1..setupwiring");
const setup = harness.setup;

let tenancies = 0;

/**
 * What a user has after `fn deploy`, and nothing else: a deployment, an application and its function, in a
 * compartment of their own (the emulator is shared by the file; topic names are unique in the tenancy, so each
 * case gives its topic a name of its own).
 */
function afterFnDeploy() {
  tenancies += 1;
  const { emulator } = harness;
  const compartmentId = `ocid1.compartment.oc1..wiring${tenancies}`;
  const deploymentId = emulator.seedDeployment({ compartmentId, instanceCount: 2 }).id;
  const app = emulator.seedApplication({ compartmentId, displayName: "model-deployment-scaling", config: {} });
  const fn = emulator.seedFunction({ applicationId: app.id, displayName: "model-deployment-autoscale", config: {} });
  const topicName = tenancies === 1 ? "model-deployment-autoscale" : `model-deployment-autoscale-${tenancies}`;
  const args = ["--deployment", deploymentId, "--function", fn.id, "--iam", "--topic-name", topicName];
  return { compartmentId, deploymentId, functionId: fn.id, topicName, args };
}

/** Everything in the tenancy, by id: to compare before and after. */
function inventory(compartmentId: string) {
  const { emulator } = harness;
  const topics = emulator.topics().filter((t) => t.compartmentId === compartmentId);
  return {
    alarms: emulator
      .alarms()
      .map((a) => a.id)
      .sort(),
    topics: topics.map((t) => t.topicId).sort(),
    subscriptions: topics.flatMap((t) => emulator.subscriptions(t.topicId).map((s) => s.id)).sort(),
    dynamicGroups: emulator
      .dynamicGroups()
      .map((g) => g.id)
      .sort(),
    policies: emulator
      .policies()
      .map((p) => p.id)
      .sort(),
  };
}

/** An hour of CPU and memory points, as a serving deployment emits them (doctor's metrics check reads them). */
function emitting(compartmentId: string, deploymentId: string): void {
  const now = Date.now();
  for (const name of ["CpuUtilization", "MemoryUtilization"]) {
    harness.emulator.seedMetricPoints({
      namespace: "oci_datascience_modeldeploy",
      compartmentId,
      name,
      dimensions: { resourceId: deploymentId, instanceId: "ocid1.datasciencemodeldeploymentinstance.oc1.iad.i0" },
      points: [30, 20, 10].map((minutesAgo) => ({ timestamp: new Date(now - minutesAgo * 60_000), value: 40 })),
    });
  }
}

function doctor(args: string[]) {
  return harness.doctor(args);
}

const tagged = { [SetupTag.ManagedBy]: MANAGED_BY_VALUE };

describe("npm run setup -- --function --iam", () => {
  it("wires an empty tenancy in one run: topic, subscription, alarms on the topic, dynamic group and policy; doctor finds no problem", async () => {
    const { compartmentId, deploymentId, functionId, topicName, args } = afterFnDeploy();
    emitting(compartmentId, deploymentId);

    const { code, out } = await setup(args);

    expect(code).toBe(0);
    const { emulator } = harness;
    const [topic, ...otherTopics] = emulator.topics().filter((t) => t.compartmentId === compartmentId);
    expect(otherTopics).toEqual([]);
    expect(topic).toMatchObject({ name: topicName, freeformTags: tagged });
    const topicId = topic?.topicId ?? "";
    expect(emulator.subscriptions(topicId)).toEqual([
      expect.objectContaining({
        protocol: "ORACLE_FUNCTIONS",
        endpoint: functionId,
        compartmentId,
        lifecycleState: "ACTIVE",
        freeformTags: { ...tagged, [SetupTag.Function]: functionId },
      }),
    ]);
    const alarms = emulator.alarms().filter((a) => a.query.includes(deploymentId));
    expect(alarms.map((a) => a.displayName).sort()).toEqual(["model_deployment_high_cpu", "model_deployment_high_mem"]);
    for (const alarm of alarms) expect(alarm.destinations).toEqual([topicId]);
    const group = emulator.dynamicGroups().find((g) => g.freeformTags[SetupTag.Function] === functionId);
    expect(group).toMatchObject({ compartmentId: TEST_TENANCY_ID, matchingRule: matchingRule(functionId) });
    expect(group?.matchingRule).toBe(`ALL {resource.type = 'fnfunc', resource.id = '${functionId}'}`);
    const policy = emulator.policies().find((p) => p.freeformTags[SetupTag.Function] === functionId);
    expect(policy).toMatchObject({
      compartmentId: TEST_TENANCY_ID,
      freeformTags: { ...tagged, [SetupTag.Compartment]: compartmentId },
    });
    expect(policy?.statements).toContain(
      `Allow dynamic-group ${group?.name} to manage data-science-model-deployments in compartment id ${compartmentId}`,
    );
    expect(policy?.statements).toContain(
      `Allow dynamic-group ${group?.name} to use ons-topics in compartment id ${compartmentId}`,
    );
    expect(out.match(/^ {2}created /gm)).toHaveLength(7);
    expect(out).toContain("OCI confirms a subscription to a function itself");
    expect(out).toContain("While it is PENDING the topic delivers nothing to the function");

    const checked = await doctor(["--deployment", deploymentId, "--function", functionId]);
    expect(checked.out).toMatch(new RegExp(`^ok +subscription .*-> function ${functionId}: ACTIVE`, "m"));
    expect(checked.out).toMatch(/^ok +iam .*covers the function and holds every statement it needs/m);
    expect(checked.out).toContain("0 problem(s)");
    expect(checked.code).toBe(0);
  });

  it("creates nothing on a second run, and says every item exists", async () => {
    const { args } = afterFnDeploy();
    expect((await setup(args)).code).toBe(0);
    harness.emulator.clearRequests();

    const { code, out } = await setup(args);

    expect(code).toBe(0);
    expect(harness.emulator.writes()).toEqual([]);
    for (const kind of ["topic", "subscription", "dynamic group", "policy"])
      expect(out).toMatch(new RegExp(`^ {2}exists +${kind} `, "m"));
    expect(out.match(/^ {2}exists +model_deployment_high_(cpu|mem) /gm)).toHaveLength(2);
    expect(out).toContain("All is in place: nothing was created.");
  });

  it("with --dry-run prints the plan, item by item, and writes nothing", async () => {
    const { args, compartmentId } = afterFnDeploy();
    const before = inventory(compartmentId);

    const { code, out } = await setup([...args, "--dry-run"]);

    expect(code).toBe(0);
    expect(harness.emulator.writes()).toEqual([]);
    expect(inventory(compartmentId)).toEqual(before);
    for (const kind of ["topic", "subscription", "dynamic group", "policy"])
      expect(out).toMatch(new RegExp(`^ {2}would create +${kind} `, "m"));
    expect(out.match(/^ {2}would create +model_deployment_high_(cpu|mem)$/gm)).toHaveLength(2);
  });

  it("finds the function by its application's and its own names", async () => {
    const { deploymentId, functionId, topicName } = afterFnDeploy();
    const byName = ["--app", "model-deployment-scaling", "--function-name", "model-deployment-autoscale"];

    const { code, out } = await setup(["--deployment", deploymentId, ...byName, "--topic-name", topicName]);

    expect(code).toBe(0);
    expect(out).toMatch(new RegExp(`^ {2}found +function model-deployment-autoscale +${functionId}`, "m"));
    expect(out).toContain(`ALL {resource.type = 'fnfunc', resource.id = '${functionId}'}`);
  });

  it("names the alarms as the function's own configuration does (its application's, then its own), unless --config says", async () => {
    const { deploymentId, functionId, topicName } = afterFnDeploy();
    harness.emulator.setFunctionConfig(functionId, { HIGH_CPU_ALARM_NAME: "fraud_cpu" });

    const { code } = await setup(["--deployment", deploymentId, "--function", functionId, "--topic-name", topicName]);

    expect(code).toBe(0);
    const names = harness.emulator
      .alarms()
      .filter((a) => a.query.includes(deploymentId))
      .map((a) => [a.displayName, a.notificationTitle]);
    expect(names).toContainEqual(["fraud_cpu", "fraud_cpu"]);
    expect(names).toContainEqual(["model_deployment_high_mem", "model_deployment_high_mem"]);
  });

  it("stops at a failure half-way, says what it created, and a second run finishes the job", async () => {
    const { args, compartmentId, functionId } = afterFnDeploy();
    harness.emulator.faults.add({ method: "POST", path: "/20181201/subscriptions", status: 500, times: Infinity });

    const failed = await setup(args);

    expect(failed.code).toBe(1);
    expect(failed.out).toMatch(
      /Stopped half-way\. Created before the failure:\n {2}topic model-deployment-autoscale-\d+ ocid1\.onstopic/,
    );
    expect(failed.out).toContain("Run the same command again");
    expect(failed.out).toContain("OCI answered 500");
    harness.emulator.faults.clear();

    const { code, out } = await setup(args);

    expect(code).toBe(0);
    expect(out).toMatch(/^ {2}exists +topic /m);
    expect(out).toMatch(/^ {2}created +subscription /m);
    const topics = harness.emulator.topics().filter((t) => t.compartmentId === compartmentId);
    expect(topics).toHaveLength(1);
    expect(harness.emulator.subscriptions(topics[0]?.topicId).map((s) => s.endpoint)).toEqual([functionId]);
  });

  it("refuses to take the name of a topic it did not make, and says how to use it", async () => {
    const { args, compartmentId, topicName } = afterFnDeploy();
    const mine = harness.emulator.seedTopic({ compartmentId, name: topicName });

    const { code, out } = await setup(args);

    expect(code).toBe(1);
    expect(out).toContain(`pass --topic ${mine.topicId} to use it`);
    expect(harness.emulator.topics().filter((t) => t.compartmentId === compartmentId)).toHaveLength(1);
  });

  it("says when the subscription it made is still PENDING", async () => {
    const { args, compartmentId } = afterFnDeploy();
    await setup(args);
    const topic = harness.emulator.topics().find((t) => t.compartmentId === compartmentId);
    const [subscription] = harness.emulator.subscriptions(topic?.topicId);
    harness.emulator.setSubscriptionState(subscription?.id ?? "", "PENDING");

    const { out } = await setup(args);

    expect(out).toMatch(/^ {2}exists +subscription .*\n +note: PENDING/m);
  });
});

describe("npm run setup -- --remove --all", () => {
  it("takes away only what setup made: a hand-made alarm and an untagged topic stay, and are named", async () => {
    const { args, compartmentId, deploymentId } = afterFnDeploy();
    const { emulator } = harness;
    const handMadeTopic = emulator.seedTopic({ compartmentId, name: `hand-made-${tenancies}` });
    const handMadeAlarm = emulator.seedAlarm({
      compartmentId,
      displayName: "model_deployment_high_cpu",
      query: `CpuUtilization[5m]{resourceId = "${deploymentId}"}.mean() > 90`,
      destinations: [handMadeTopic.topicId],
    });
    const before = inventory(compartmentId);
    expect((await setup(args)).code).toBe(0);
    expect(inventory(compartmentId)).not.toEqual(before);
    emulator.clearRequests();

    const dry = await setup(["--deployment", deploymentId, "--remove", "--all", "--dry-run"]);

    expect(dry.code).toBe(0);
    expect(emulator.writes()).toEqual([]);
    for (const kind of ["topic", "subscription", "dynamic group", "policy"])
      expect(dry.out).toMatch(new RegExp(`^ {2}would delete +${kind} `, "m"));

    const { code, out } = await setup(["--deployment", deploymentId, "--remove", "--all"]);

    expect(code).toBe(0);
    expect(inventory(compartmentId)).toEqual(before);
    expect(emulator.alarms().map((a) => a.id)).toContain(handMadeAlarm.id);
    expect(out).toMatch(
      new RegExp(
        `^ {2}left +alarm model_deployment_high_cpu +${handMadeAlarm.id}\\n +note: no autoscale-managed-by tag`,
        "m",
      ),
    );
    expect(out.match(/^ {2}deleted +model_deployment_high_(cpu|mem)/gm)).toHaveLength(2);
    for (const kind of ["topic", "subscription", "dynamic group", "policy"])
      expect(out).toMatch(new RegExp(`^ {2}deleted +${kind} `, "m"));
  });

  it("keeps the function's dynamic group while a policy for another compartment names it", async () => {
    const first = afterFnDeploy();
    const second = afterFnDeploy();
    const args = (d: typeof first) => ["--deployment", d.deploymentId, "--function", first.functionId, "--iam"];
    await setup([...args(first), "--topic-name", first.topicName]);
    await setup([...args(second), "--topic-name", second.topicName]);
    const groups = harness.emulator
      .dynamicGroups()
      .filter((g) => g.freeformTags[SetupTag.Function] === first.functionId);
    expect(groups).toHaveLength(1);

    const { out } = await setup(["--deployment", first.deploymentId, "--remove", "--all"]);

    expect(out).toMatch(
      /^ {2}left +dynamic group .*\n +note: a policy setup made for another compartment still names it/m,
    );
    expect(harness.emulator.dynamicGroups().map((g) => g.id)).toContain(groups[0]?.id);
    const policies = harness.emulator.policies().filter((p) => p.freeformTags[SetupTag.Function] === first.functionId);
    expect(policies.map((p) => p.freeformTags[SetupTag.Compartment])).toEqual([second.compartmentId]);
  });

  it("keeps setup's topic when someone else subscribed to it, and names both", async () => {
    const { args, compartmentId, deploymentId } = afterFnDeploy();
    await setup(args);
    const topic = harness.emulator.topics().find((t) => t.compartmentId === compartmentId);
    const email = harness.emulator.seedSubscription({
      topicId: topic?.topicId ?? "",
      protocol: "EMAIL",
      endpoint: "ops@example.com",
    });

    const { code, out } = await setup(["--deployment", deploymentId, "--remove", "--all"]);

    expect(code).toBe(0);
    expect(harness.emulator.topics().map((t) => t.topicId)).toContain(topic?.topicId);
    expect(harness.emulator.subscriptions(topic?.topicId).map((s) => s.id)).toEqual([email.id]);
    expect(out).toMatch(/^ {2}left +subscription .*EMAIL ops@example.com/m);
    expect(out).toMatch(/^ {2}left +topic .*\n +note: it has subscriptions setup did not make/m);
  });
});

describe("npm run setup -- --function --topic", () => {
  it("subscribes the function to a topic of yours, and --remove --all deletes that subscription but not the topic", async () => {
    const { compartmentId, deploymentId, functionId } = afterFnDeploy();
    const yours = harness.emulator.seedTopic({ compartmentId, name: `yours-${tenancies}` });

    const { code, out } = await setup([
      "--deployment",
      deploymentId,
      "--function",
      functionId,
      "--topic",
      yours.topicId,
    ]);

    expect(code).toBe(0);
    expect(out).toMatch(/^ {2}found +topic yours-\d+ .*\n +note: given by --topic/m);
    expect(harness.emulator.topics().filter((t) => t.compartmentId === compartmentId)).toHaveLength(1);
    expect(harness.emulator.subscriptions(yours.topicId).map((s) => s.endpoint)).toEqual([functionId]);
    for (const alarm of harness.emulator.alarms().filter((a) => a.query.includes(deploymentId)))
      expect(alarm.destinations).toEqual([yours.topicId]);

    const removed = await setup(["--deployment", deploymentId, "--remove", "--all"]);

    expect(removed.out).toMatch(/^ {2}deleted +subscription yours-\d+ -> ORACLE_FUNCTIONS/m);
    expect(harness.emulator.topics().map((t) => t.topicId)).toContain(yours.topicId);
    expect(harness.emulator.subscriptions(yours.topicId)).toEqual([]);
  });
});

describe("npm run setup -- --function, when OCI cannot be reached", () => {
  it("exits 4 and says which endpoint and what it was doing, having created nothing", async () => {
    const { args, compartmentId } = afterFnDeploy();
    const before = inventory(compartmentId);

    const { code, out } = await setup(args, { OCI_NOTIFICATIONS_ENDPOINT: "http://127.0.0.1:9" });

    expect(code).toBe(4);
    expect(out).toContain("cannot reach OCI at http://127.0.0.1:9/20181201 while finding or creating the topic");
    expect(out).not.toContain("Stopped half-way");
    expect(inventory(compartmentId)).toEqual(before);
  });
});

describe("npm run setup, new flags that do not go together", () => {
  it.each([
    [["--function", "ocid1.instance.oc1..x"], "function OCID"],
    [["--app", "a"], "--app and --function-name go together"],
    [["--iam", "--topic", "ocid1.onstopic.oc1..t"], "--iam needs the function"],
    [["--remove", "--all", "--function", "ocid1.fnfunc.oc1..f"], "--remove finds what setup made by its tag"],
    [["--all", "--topic", "ocid1.onstopic.oc1..t"], "--all goes with --remove"],
  ])("%j: exit 2", async (args, message) => {
    const { code, out } = await setup(["--compartment", "ocid1.compartment.oc1..x", ...args]);
    expect(code).toBe(2);
    expect(out).toContain(message);
  });
});
