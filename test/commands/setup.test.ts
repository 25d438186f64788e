import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { iamStatements } from "../../commands/setup/iam-statements";
import { alarmMessage, type MessageAlarm } from "../../commands/simulate/alarm-message";
import { autoscalingPolicy } from "../../emulator/realistic-seed";
import { markStreamsFiring } from "../../emulator/seed-from-alarm";
import { MANAGED_BY_VALUE, ScaleDownAlarmTag } from "../../src/oci/scale-down-alarms";
import { useSetupEmulator } from "./setup-harness";

const COMPARTMENT = "ocid1.compartment.oc1..setupcompartment";
const TOPIC = "ocid1.onstopic.oc1.iad.setuptopic";

const harness = useSetupEmulator(COMPARTMENT);
const setup = harness.setup;

describe("npm run setup", () => {
  it("creates the high-CPU and high-memory alarms of one deployment in its compartment, tagged and pointing at the topic", async () => {
    const { code, out } = await setup([
      "--deployment",
      harness.deploymentId,
      "--topic",
      TOPIC,
      "--cpu-threshold",
      "75",
    ]);
    expect(code).toBe(0);
    const alarms = harness.emulator.alarms();
    expect(alarms.map((a) => a.displayName).sort()).toEqual(["model_deployment_high_cpu", "model_deployment_high_mem"]);
    const cpu = alarms.find((a) => a.displayName === "model_deployment_high_cpu");
    expect(cpu).toMatchObject({
      compartmentId: COMPARTMENT,
      metricCompartmentId: COMPARTMENT,
      namespace: "oci_datascience_modeldeploy",
      query: `CpuUtilization[5m]{resourceId = "${harness.deploymentId}"}.groupBy(resourceId).mean() > 75`,
      destinations: [TOPIC],
      repeatNotificationDuration: "PT5M",
    });
    expect(cpu?.freeformTags).toMatchObject({
      [ScaleDownAlarmTag.ManagedBy]: MANAGED_BY_VALUE,
      [ScaleDownAlarmTag.Deployment]: harness.deploymentId,
    });
    expect(out).toContain("created");
    expect(out).toContain(`manage data-science-model-deployments in compartment id ${COMPARTMENT}`);
  });

  it("names the alarms as the function's --config names them, and the function routes their messages", async () => {
    const deploymentId = harness.emulator.seedDeployment({ compartmentId: COMPARTMENT, instanceCount: 1 }).id;
    const names = { HIGH_CPU_ALARM_NAME: "my_cpu", HIGH_MEM_ALARM_NAME: "my_mem" };
    const config = Object.entries(names).flatMap(([key, value]) => ["--config", `${key}=${value}`]);
    const { code } = await setup(["--deployment", deploymentId, "--topic", TOPIC, ...config]);

    expect(code).toBe(0);
    const alarms = harness.emulator.alarms();
    expect(alarms.map((a) => [a.displayName, a.notificationTitle]).sort()).toEqual([
      ["my_cpu", "my_cpu"],
      ["my_mem", "my_mem"],
    ]);
    // What the high-CPU alarm sends when it fires, to the function configured with the same names.
    const cpu = alarms.find((a) => a.displayName === "my_cpu") as unknown as MessageAlarm;
    const streams = [{ dimensions: { resourceId: deploymentId }, value: 95 }];
    const message = alarmMessage(cpu, "OK_TO_FIRING", streams, new Date());
    markStreamsFiring(harness.emulator, message);
    const response = await harness.functionWith(names).send(message);
    // Routed by its title; ceil(1 × 95 / 60) = 2
    expect(response).toMatchObject({
      status: "ok",
      title: "my_cpu",
      results: [{ deploymentId, action: "instance-up", outcome: "updated", from: 1, to: 2 }],
    });
    expect(response).not.toHaveProperty("routedByAlarmName");
  });

  it("creates only the high-memory alarm for a deployment on OCI's AUTOSCALING policy, and says so", async () => {
    const autoscaled = harness.emulator.seedDeployment({
      compartmentId: COMPARTMENT,
      scalingPolicy: autoscalingPolicy({ min: 1, initial: 2, max: 4 }),
    }).id;
    const { code, out } = await setup(["--deployment", autoscaled, "--topic", TOPIC]);
    expect(code).toBe(0);
    expect(harness.emulator.alarms().map((a) => a.displayName)).toEqual(["model_deployment_high_mem"]);
    expect(out).toContain("OCI's AUTOSCALING policy");
    expect(out).not.toContain("model_deployment_high_cpu");
  });

  it("is idempotent: a second run finds both alarms by tag and name and creates nothing", async () => {
    await setup(["--deployment", harness.deploymentId, "--topic", TOPIC]);
    harness.emulator.clearRequests();
    const { code, out } = await setup(["--deployment", harness.deploymentId, "--topic", TOPIC]);
    expect(code).toBe(0);
    expect(harness.emulator.writes()).toEqual([]);
    expect(out.match(/exists/g)).toHaveLength(2);
    // display names went through listAlarms percent-encoded, and the signature still matched
    expect(harness.emulator.requests.every((r) => r.signatureValid)).toBe(true);
  });

  it("creates one compartment-wide pair grouped by deployment", async () => {
    const { code } = await setup(["--compartment", COMPARTMENT, "--topic", TOPIC]);
    expect(code).toBe(0);
    expect(harness.emulator.alarms().map((a) => a.query)).toContain(
      "MemoryUtilization[5m].groupBy(resourceId).mean() > 80",
    );
  });

  it("only says what it would do with --dry-run", async () => {
    const { code, out } = await setup(["--deployment", harness.deploymentId, "--topic", TOPIC, "--dry-run"]);
    expect(code).toBe(0);
    expect(harness.emulator.writes()).toEqual([]);
    expect(out.match(/would create/g)).toHaveLength(2);
  });

  it("--remove deletes every alarm the project created for the deployment, the function's scale-down alarm included", async () => {
    await setup(["--deployment", harness.deploymentId, "--topic", TOPIC]);
    const low = harness.emulator.seedAlarm({
      compartmentId: COMPARTMENT,
      displayName: "model_deployment_low_cpu",
      query: "CpuUtilization[5m].mean() < 10",
      freeformTags: {
        [ScaleDownAlarmTag.ManagedBy]: MANAGED_BY_VALUE,
        [ScaleDownAlarmTag.Deployment]: harness.deploymentId,
      },
    });
    const someoneElses = harness.emulator.seedAlarm({
      compartmentId: COMPARTMENT,
      displayName: "disk_full",
      query: "x > 1",
    });
    const { code, out } = await setup(["--deployment", harness.deploymentId, "--remove"]);
    expect(code).toBe(0);
    expect(out.match(/deleted/g)).toHaveLength(3);
    expect(harness.emulator.getAlarm(low.id)?.lifecycleState).toBe("DELETED");
    expect(harness.emulator.alarms().map((a) => a.id)).toEqual([someoneElses.id]);
  });
});

describe("npm run setup -- --remove --gone", () => {
  it("deletes the project's alarms whose deployment is gone, and keeps the others", async () => {
    const gone = "ocid1.datasciencemodeldeployment.oc1.iad.amaaaaaagonedeployment000001";
    const deleted = harness.emulator.seedDeployment({ compartmentId: COMPARTMENT, lifecycleState: "DELETED" }).id;
    const ours = (deploymentId: string | undefined, displayName: string) =>
      harness.emulator.seedAlarm({
        compartmentId: COMPARTMENT,
        displayName,
        query: "CpuUtilization[5m].mean() < 10",
        freeformTags: {
          [ScaleDownAlarmTag.ManagedBy]: MANAGED_BY_VALUE,
          ...(deploymentId ? { [ScaleDownAlarmTag.Deployment]: deploymentId } : {}),
        },
      });
    const goneLow = ours(gone, "model_deployment_low_cpu");
    const goneMem = ours(gone, "model_deployment_low_mem");
    const deletedLow = ours(deleted, "model_deployment_low_cpu");
    const liveLow = ours(harness.deploymentId, "model_deployment_low_cpu");
    const compartmentWide = ours(undefined, "model_deployment_high_cpu");

    const dry = await setup(["--compartment", COMPARTMENT, "--remove", "--gone", "--dry-run"]);
    expect(dry.code).toBe(0);
    expect(dry.out.match(/would delete/g)).toHaveLength(3);
    expect(harness.emulator.writes()).toEqual([]);

    const { code, out } = await setup(["--compartment", COMPARTMENT, "--remove", "--gone"]);

    expect(code).toBe(0);
    expect(out).toContain(`model deployment ${gone} is not found`);
    for (const alarm of [goneLow, goneMem, deletedLow])
      expect(harness.emulator.getAlarm(alarm.id)?.lifecycleState).toBe("DELETED");
    for (const alarm of [liveLow, compartmentWide])
      expect(harness.emulator.getAlarm(alarm.id)?.lifecycleState).not.toBe("DELETED");
  });

  it("is refused without --remove --compartment", async () => {
    const { code, out } = await setup(["--deployment", harness.deploymentId, "--remove", "--gone"]);
    expect(code).toBe(2);
    expect(out).toContain("--gone goes with --remove --compartment");
  });
});

describe("setup refuses thresholds that contradict the function's target and tolerance", () => {
  it.each([
    {
      args: ["--cpu-threshold", "65"],
      says: ["--cpu-threshold 65 is within CPU_TOLERANCE 0.1 of TARGET_CPU_UTILIZATION 60", "above 66"],
    },
    {
      args: ["--cpu-threshold", "70", "--config", "TARGET_CPU_UTILIZATION=70"],
      says: ["a TARGET_CPU_UTILIZATION below 63.6"],
    },
    {
      args: ["--config", "LOW_CPU_THRESHOLD=60"],
      says: ["LOW_CPU_THRESHOLD 60 is not below", "LOW_CPU_THRESHOLD=auto", "below 27"],
    },
    { args: ["--mem-threshold", "70"], says: ["differs from the function's HIGH_MEM_THRESHOLD 80"] },
    { args: ["--config", "LOW_MEM_THRESHOLD=45"], says: ["LOW_MEM_THRESHOLD 45 is not below half", "below 40"] },
    { args: ["--config", "TARGET_CPU_UTILIZATION=abc"], says: ["--config: TARGET_CPU_UTILIZATION: expected a number"] },
  ])("$args: exit 2, saying which values would work", async ({ args, says }) => {
    const { code, out } = await setup(["--deployment", harness.deploymentId, "--topic", TOPIC, ...args]);
    expect(code).toBe(2);
    for (const text of says) expect(out).toContain(text);
    expect(harness.emulator.requests).toHaveLength(0);
  });

  it("accepts thresholds that agree, given the function's configuration", async () => {
    const args = ["--cpu-threshold", "70", "--mem-threshold", "85", "--config", "TARGET_CPU_UTILIZATION=50"];
    const { code } = await setup([
      "--deployment",
      harness.deploymentId,
      "--topic",
      TOPIC,
      "--dry-run",
      ...args,
      "--config",
      "HIGH_MEM_THRESHOLD=85",
    ]);
    expect(code).toBe(0);
  });
});

describe("the IAM statements setup prints", () => {
  it("are docs/deploying.md's", () => {
    const deploying = readFileSync(resolve(__dirname, "../../docs/deploying.md"), "utf8");
    for (const line of iamStatements().filter((l) => l.startsWith("  "))) expect(deploying).toContain(line.trim());
  });
});

describe("npm run setup, when something is wrong", () => {
  it.each([
    [["--topic", TOPIC], 2, "either --deployment or --compartment"],
    [["--deployment", "ocid1.instance.oc1..x", "--topic", TOPIC], 2, "model deployment OCID"],
    [["--compartment", COMPARTMENT], 2, "--topic is required"],
    [["--compartment", COMPARTMENT, "--topic", TOPIC, "--cpu-threshold", "high"], 2, "percentage"],
  ])("answers %j with exit %i", async (args, expected, message) => {
    const { code, out } = await setup(args);
    expect(code).toBe(expected);
    expect(out).toContain(message);
  });

  it("exits 3 and names the file when the config file is missing", async () => {
    const { code, out } = await setup([
      "--config-file",
      join(harness.auth.dir, "nope"),
      "--compartment",
      COMPARTMENT,
      "--topic",
      TOPIC,
    ]);
    expect(code).toBe(3);
    expect(out).toMatch(/no OCI config file at .*nope .*oci setup config/);
  });

  it("exits 3 and lists the profiles there are when the profile is unknown", async () => {
    const { code, out } = await setup(["--profile", "PROD", "--compartment", COMPARTMENT, "--topic", TOPIC]);
    expect(code).toBe(3);
    expect(out).toContain("profile [PROD] is not in");
    expect(out).toContain("[DEFAULT]");
  });

  it("exits 3 when the profile's key file is missing", async () => {
    const broken = join(harness.auth.dir, "broken-config");
    writeFileSync(
      broken,
      "[DEFAULT]\nuser=u\nfingerprint=f\ntenancy=t\nregion=us-ashburn-1\nkey_file=/nonexistent.pem\n",
    );
    const { code, out } = await setup(["--config-file", broken, "--compartment", COMPARTMENT, "--topic", TOPIC]);
    expect(code).toBe(3);
    expect(out).toContain("cannot sign requests");
  });

  it("exits 1 and explains NotAuthorizedOrNotFound when the deployment is unknown", async () => {
    const { code, out } = await setup([
      "--deployment",
      "ocid1.datasciencemodeldeployment.oc1.iad.unknown",
      "--topic",
      TOPIC,
    ]);
    expect(code).toBe(1);
    expect(out).toMatch(/OCI answered 404 .* no policy/);
  });

  it("exits 3 when OCI answers 401", async () => {
    harness.emulator.faults.add({ status: 401, times: Number.POSITIVE_INFINITY });
    const { code, out } = await setup(["--deployment", harness.deploymentId, "--topic", TOPIC]);
    expect(code).toBe(3);
    expect(out).toMatch(/OCI answered 401 .*fingerprint and key_file/);
  });

  it("exits 4 when the endpoint cannot be reached", async () => {
    const closed = "http://127.0.0.1:9";
    const { code, out } = await setup(["--compartment", COMPARTMENT, "--topic", TOPIC], {
      OCI_MONITORING_ENDPOINT: closed,
    });
    expect(code).toBe(4);
    expect(out).toContain("cannot reach OCI at http://127.0.0.1:9/20180401");
  });
});
