import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type ExitCode, exitCodeOf } from "../../commands/cli/exit-codes";
import { invokeMain } from "../../commands/invoke/main";
import { type Emulator, startEmulator } from "../../emulator";
import { createTestAuth, TEST_TENANCY_ID, type TestAuth } from "../../emulator/oci-test-auth";
import { seedFromAlarmMessage } from "../../emulator/seed-from-alarm";
import { readFixture } from "../e2e/harness";

const ROOT = resolve(__dirname, "../..");
const fixture = (name: string) => resolve(ROOT, "fixtures", name);
const DEPLOYMENT = "ocid1.datasciencemodeldeployment.oc1.iad.amaaaaaaexamplemodeldeployment0001";

let auth: TestAuth;
let emulator: Emulator;

beforeAll(async () => {
  auth = createTestAuth();
  emulator = await startEmulator({ publicKeyPem: auth.publicKeyPem, updateDelayMs: 0 });
});
afterAll(async () => {
  await emulator.close();
  auth.cleanup();
});
beforeEach(() => {
  emulator.faults.clear();
  emulator.clearRequests();
  emulator.purgeDeployment(DEPLOYMENT);
  for (const alarm of emulator.alarms()) emulator.seedAlarm({ ...alarm, lifecycleState: "DELETED" });
});

const noStdin = { isTTY: true, read: () => "" };

async function invoke(args: string[], env: Record<string, string> = {}): Promise<{ code: ExitCode; out: string }> {
  const lines: string[] = [];
  const print = (line: string) => lines.push(line);
  const code = await exitCodeOf(
    () =>
      invokeMain(
        args,
        { OCI_DATASCIENCE_ENDPOINT: emulator.url, OCI_MONITORING_ENDPOINT: emulator.url, HOME: auth.dir, ...env },
        { stdin: noStdin, print },
      ),
    print,
  );
  return { code, out: lines.join("\n") };
}

/** --oci, pointed at the emulator through a config file and the endpoint overrides. */
const oci = (...args: string[]) => ["--oci", "--config-file", auth.configFile, ...args];

describe("npm run invoke --oci (against the emulator standing in for OCI)", () => {
  it("signs with the config file's key, scales the deployment and sends the platform's headers", async () => {
    seedFromAlarmMessage(emulator, readFixture("test-alarm-scale-cpu-up.json"));
    const { code, out } = await invoke(oci(fixture("test-alarm-scale-cpu-up.json")));
    expect(code).toBe(0);
    expect(emulator.getDeployment(DEPLOYMENT)?.deployment.modelDeploymentConfigurationDetails).toMatchObject({
      modelConfigurationDetails: { scalingPolicy: { instanceCount: 2 } },
    });
    expect(emulator.requests.every((r) => r.signatureValid && r.keyId?.startsWith(`${TEST_TENANCY_ID}/`))).toBe(true);
    const callId = /Fn-Call-Id: (\S+)/.exec(out)?.[1];
    expect(out).toContain(`"callId":"${callId}"`);
    expect(out).toContain("instance-up updated (ScaledUp: instances 1 -> 2), scale-down alarm created");
  });

  it("only decides with --dry-run", async () => {
    seedFromAlarmMessage(emulator, readFixture("test-alarm-scale-cpu-up.json"));
    const { code, out } = await invoke(oci("--dry-run", fixture("test-alarm-scale-cpu-up.json")));
    expect(code).toBe(0);
    expect(emulator.writes()).toEqual([]);
    expect(out).toContain("dry run: nothing was changed");
  });

  it("exits 1 and explains NotFoundOrNotAuthorized when OCI answers 404", async () => {
    const { code, out } = await invoke(oci(fixture("test-alarm-scale-cpu-up.json")));
    expect(code).toBe(1);
    expect(out).toContain("NotFoundOrNotAuthorized: check the OCID");
  });

  it("exits 3 when OCI answers 401", async () => {
    emulator.faults.add({ status: 401, times: Number.POSITIVE_INFINITY });
    const { code, out } = await invoke(oci(fixture("test-alarm-scale-cpu-up.json")));
    expect(code).toBe(3);
    expect(out).toContain("OCI did not accept the signature");
  });

  it("exits 4 when OCI cannot be reached", async () => {
    const { code, out } = await invoke(oci("--config", "OCI_MAX_ATTEMPTS=1", fixture("test-alarm-scale-cpu-up.json")), {
      OCI_DATASCIENCE_ENDPOINT: "http://127.0.0.1:9",
    });
    expect(code).toBe(4);
    expect(out).toContain("could not reach OCI");
  });

  it("exits 3 before starting the function when the config file or the profile is wrong", async () => {
    const missing = await invoke([
      "--oci",
      "--config-file",
      "/nonexistent/config",
      fixture("test-alarm-scale-cpu-up.json"),
    ]);
    expect(missing.code).toBe(3);
    expect(missing.out).toContain("no OCI config file at /nonexistent/config");
    const profile = await invoke(oci("--profile", "NOPE", fixture("test-alarm-scale-cpu-up.json")));
    expect(profile.code).toBe(3);
    expect(profile.out).toContain("profile [NOPE] is not in");
  });

  it("reads Cloud Shell's OCI_CLI_CONFIG_FILE and OCI_CLI_PROFILE when nothing else names a config", async () => {
    seedFromAlarmMessage(emulator, readFixture("test-alarm-scale-cpu-up.json"));
    const { code, out } = await invoke(["--oci", "--dry-run", fixture("test-alarm-scale-cpu-up.json")], {
      OCI_CLI_CONFIG_FILE: auth.configFile,
      OCI_CLI_PROFILE: "DEFAULT",
    });
    expect(code).toBe(0);
    expect(out).toContain(`OCI config: ${auth.configFile} [DEFAULT] (OCI_CLI_CONFIG_FILE`);
  });
});

describe("npm run invoke on OCI's published alarm messages gives the answers fixtures/README.md documents", () => {
  it.each([
    {
      file: "oci-docs-grouped-v1.5.json",
      args: ["--instances", "4"],
      says: ["instance-up updated", "instances 4 -> 5"],
    },
    {
      file: "oci-docs-grouped-v1.5-four-deployments.json",
      args: ["--instances", "2"],
      says: ["instances 2 -> 4 (observed 92%", "instances 2 -> 4 (observed 95%"],
    },
    {
      file: "oci-docs-grouped-v1.5-templated-title.json",
      args: ["--instances", "4", "--alarm-name", "model_deployment_high_cpu"],
      says: ["instances 4 -> 5"],
    },
    { file: "oci-docs-split-v1.5.json", args: ["--instances", "1"], says: ["instances 1 -> 2 (observed 92%"] },
    { file: "oci-docs-streaming-repeat-v1.1.json", args: ["--instances", "2"], says: ["instances 2 -> 3"] },
    { file: "oci-fn-sample-shape-increase-v1.0.json", args: [], says: ["VM.Standard2.1 -> VM.Standard2.2"] },
    { file: "oci-captured-tenancy-v1.5.json", args: ["--instances", "1"], says: ["instances 1 -> 2"] },
    {
      file: "oci-captured-tenancy-v1.5-uppercase-ocid.json",
      args: ["--instances", "1"],
      says: ["ocid1.datasciencemodeldeployment.oc1.iad.amaaaaaaexamplerealmsg07: instance-up updated"],
    },
    { file: "oci-netcool-sample-v1.3.json", args: ["--instances", "1"], says: ["instances 1 -> 2"] },
  ])("$file", async ({ file, args, says }) => {
    const { code, out } = await invoke([...args, fixture(file)]);
    expect(code).toBe(0);
    for (const text of says) expect(out).toContain(text);
  });
});

describe("npm run invoke (on the local emulator)", () => {
  it("shows the notification a change publishes, and none for a dry run", async () => {
    const scaled = await invoke([fixture("test-alarm-scale-cpu-up.json")]);
    expect(scaled.code).toBe(0);
    expect(scaled.out).toContain("notification sent");
    expect(scaled.out).toMatch(
      /notification published to ocid1\.onstopic\..*\n\s+example-0001 scaled up: instances 1 -> 2/,
    );
    expect(scaled.out).toContain("Console: https://cloud.oracle.com/data-science/model-deployments/");

    const dry = await invoke(["--dry-run", fixture("test-alarm-scale-cpu-up.json")]);
    expect(dry.out).not.toContain("notification published");
  });

  it("routes a templated title by the alarm's display name given with --alarm-name", async () => {
    const args = ["--instances", "4", "--alarm-name", "model_deployment_high_cpu"];
    const { code, out } = await invoke([...args, fixture("oci-docs-grouped-v1.5-templated-title.json")]);
    expect(code).toBe(0);
    expect(out).toContain('"routedByAlarmName":"model_deployment_high_cpu"');
    expect(out).toContain("instances 4 -> 5");
  });

  it("answers AlarmNotFiring, with how to rehearse, when the alarm is not firing (--not-firing)", async () => {
    const { out } = await invoke(["--not-firing", fixture("test-alarm-scale-cpu-up.json")]);
    expect(out).toContain("AlarmNotFiring");
    expect(out).toContain("npm run invoke -- --oci --dry-run");
  });

  it("exits 1 when the function rejects the message", async () => {
    const { code, out } = await invoke([fixture("malformed-truncated.json")]);
    expect(code).toBe(1);
    expect(out).toContain("rejected:");
  });

  it("exits 2 on a bad command line", async () => {
    expect((await invoke(["--oci", "--instances", "3", fixture("alarm-low-cpu.json")])).code).toBe(2);
    expect((await invoke([])).out).toContain("no alarm message");
    expect((await invoke(["no-such-file.json"])).code).toBe(2);
  });

  it("reads the alarm from a real pipe, and exits 2 on an empty one", () => {
    const run = (input: string) =>
      spawnSync(process.execPath, ["--import", "tsx", "commands/invoke.ts", "--instances", "3"], {
        cwd: ROOT,
        input,
        encoding: "utf8",
      });
    const piped = run(readFixture("alarm-low-cpu.json"));
    expect(piped.status, piped.stderr).toBe(0);
    expect(piped.stdout).toContain("instance-down updated");
    const empty = run("");
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain("stdin was empty");
  });
});
