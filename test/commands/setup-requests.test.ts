import { describe, expect, it } from "vitest";
import { useSetupEmulator } from "./setup-harness";

const COMPARTMENT = "ocid1.compartment.oc1..setuprequests";
const TOPIC = "ocid1.onstopic.oc1.iad.setuptopic";

const harness = useSetupEmulator(COMPARTMENT);
const setup = harness.setup;

describe("npm run setup -- --requests", () => {
  it("creates the high-requests alarm instead of high CPU, at the least rate one instance cannot serve", async () => {
    const { code } = await setup(["--deployment", harness.deploymentId, "--topic", TOPIC, "--requests"]);

    expect(code).toBe(0);
    const names = harness.emulator.alarms().map((a) => a.displayName);
    expect(names.sort()).toEqual(["model_deployment_high_mem", "model_deployment_high_requests"]);
    // 600 × (1 + 0.1) = 660 requests a minute
    expect(harness.emulator.alarms().find((a) => a.displayName === "model_deployment_high_requests")).toMatchObject({
      query: `PredictRequestCount[1m]{resourceId = "${harness.deploymentId}"}.groupBy(resourceId).sum() > 660`,
      namespace: "oci_datascience_modeldeploy",
      destinations: [TOPIC],
      freeformTags: { "autoscale-metric": "PredictRequestCount", "autoscale-alarm-role": "scale-up" },
    });
  });

  it("names the high-requests alarm as the function's --config names it", async () => {
    const config = ["--config", "HIGH_REQUESTS_ALARM_NAME=my_requests"];
    const { code } = await setup(["--deployment", harness.deploymentId, "--topic", TOPIC, "--requests", ...config]);

    expect(code).toBe(0);
    const requests = harness.emulator.alarms().find((a) => a.query.startsWith("PredictRequestCount"));
    expect(requests).toMatchObject({ displayName: "my_requests", notificationTitle: "my_requests" });
  });

  it("creates one compartment-wide alarm grouped by deployment, with the threshold given", async () => {
    const args = ["--compartment", COMPARTMENT, "--topic", TOPIC, "--requests", "--requests-threshold", "2000"];
    const { code } = await setup(args);

    expect(code).toBe(0);
    expect(harness.emulator.alarms().map((a) => a.query)).toContain(
      "PredictRequestCount[1m].groupBy(resourceId).sum() > 2000",
    );
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
    const { code, out } = await setup(["--deployment", harness.deploymentId, "--topic", TOPIC, ...args]);

    expect(code).toBe(2);
    expect(out).toContain(says);
    expect(harness.emulator.requests).toHaveLength(0);
  });
});
