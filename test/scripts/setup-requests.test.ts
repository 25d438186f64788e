import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type ExitCode, exitCodeOf } from "../../scripts/cli/exit-codes";
import { setupMain } from "../../scripts/setup/main";
import { type Emulator, startEmulator } from "../emulator";
import { createTestAuth, type TestAuth } from "../support/oci-test-auth";

const COMPARTMENT = "ocid1.compartment.oc1..setuprequests";
const TOPIC = "ocid1.onstopic.oc1.iad.setuptopic";

let auth: TestAuth;
let emulator: Emulator;
let deploymentId: string;

beforeAll(async () => {
  auth = createTestAuth();
  emulator = await startEmulator({ publicKeyPem: auth.publicKeyPem });
  deploymentId = emulator.seedDeployment({ compartmentId: COMPARTMENT }).id;
});
afterAll(async () => {
  await emulator.close();
  auth.cleanup();
});
beforeEach(() => {
  for (const alarm of emulator.alarms()) emulator.seedAlarm({ ...alarm, lifecycleState: "DELETED" });
  emulator.clearRequests();
});

async function setup(args: string[]): Promise<{ code: ExitCode; out: string }> {
  const lines: string[] = [];
  const print = (line: string) => lines.push(line);
  const env = { OCI_DATASCIENCE_ENDPOINT: emulator.url, OCI_MONITORING_ENDPOINT: emulator.url };
  const code = await exitCodeOf(() => setupMain(["--config-file", auth.configFile, ...args], env, print), print);
  return { code, out: lines.join("\n") };
}

describe("npm run setup -- --requests", () => {
  it("creates the high-requests alarm instead of high CPU, at the least rate one instance cannot serve", async () => {
    const { code } = await setup(["--deployment", deploymentId, "--topic", TOPIC, "--requests"]);

    expect(code).toBe(0);
    const names = emulator.alarms().map((a) => a.displayName);
    expect(names.sort()).toEqual(["model_deployment_high_mem", "model_deployment_high_requests"]);
    // 600 × (1 + 0.1) = 660 requests a minute
    expect(emulator.alarms().find((a) => a.displayName === "model_deployment_high_requests")).toMatchObject({
      query: `PredictRequestCount[1m]{resourceId = "${deploymentId}"}.groupBy(resourceId).sum() > 660`,
      namespace: "oci_datascience_modeldeploy",
      destinations: [TOPIC],
      freeformTags: { "autoscale-metric": "PredictRequestCount", "autoscale-alarm-role": "scale-up" },
    });
  });

  it("creates one compartment-wide alarm grouped by deployment, with the threshold given", async () => {
    const args = ["--compartment", COMPARTMENT, "--topic", TOPIC, "--requests", "--requests-threshold", "2000"];
    const { code } = await setup(args);

    expect(code).toBe(0);
    expect(emulator.alarms().map((a) => a.query)).toContain("PredictRequestCount[1m].groupBy(resourceId).sum() > 2000");
  });

  it.each([
    { args: ["--requests", "--requests-threshold", "620"], says: "Use 660 or more" },
    {
      args: ["--requests", "--requests-threshold", "52", "--config", "TARGET_REQUESTS_PER_INSTANCE=50"],
      says: "Use 55 or more",
    },
    { args: ["--requests", "--requests-threshold", "many"], says: "takes requests per minute" },
    { args: ["--requests-threshold", "900"], says: "--requests-threshold needs --requests" },
  ])("$args: exit 2", async ({ args, says }) => {
    const { code, out } = await setup(["--deployment", deploymentId, "--topic", TOPIC, ...args]);

    expect(code).toBe(2);
    expect(out).toContain(says);
    expect(emulator.requests).toHaveLength(0);
  });
});
