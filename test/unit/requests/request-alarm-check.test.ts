import { models } from "oci-monitoring";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/policy/config";
import { firingAlarmRefusal } from "../../../src/run/authorization";
import { snapshot } from "../../support/snapshot";

const config = loadConfig({});
const deployment = snapshot();
const MD = deployment.id;

function alarm(displayName: string, query: string): models.Alarm {
  return {
    id: "ocid1.alarm.oc1.iad.example",
    displayName,
    compartmentId: deployment.compartmentId,
    metricCompartmentId: deployment.compartmentId,
    namespace: "oci_datascience_modeldeploy",
    query,
    severity: models.Alarm.Severity.Warning,
    destinations: ["ocid1.onstopic.oc1.iad.example"],
    isEnabled: true,
    lifecycleState: models.Alarm.LifecycleState.Active,
  } as models.Alarm;
}

const REQUESTS = `PredictRequestCount[1m]{resourceId = "${MD}"}.groupBy(resourceId).sum() > 660`;
const CPU = `CpuUtilization[5m]{resourceId = "${MD}"}.groupBy(resourceId).mean() > 80`;

describe("the firing alarm must ask for the action on the metric the message was routed on", () => {
  it.each([
    {
      name: "a high-requests alarm on PredictRequestCount",
      firing: alarm("model_deployment_high_requests", REQUESTS),
      refused: false,
    },
    // A message titled high-requests naming a high-CPU alarm: its CPU value must not be read as requests.
    { name: "a high-CPU alarm", firing: alarm("model_deployment_high_cpu", CPU), refused: true },
    {
      name: "a high-requests name on a CPU query",
      firing: alarm("model_deployment_high_requests", CPU),
      refused: true,
    },
  ])("$name", ({ firing, refused }) => {
    const refusal = firingAlarmRefusal(firing, config, "instance-up", deployment, "PredictRequestCount");
    expect(refusal !== undefined).toBe(refused);
  });

  it("keeps the action's own metric when none is given (CPU and memory routes)", () => {
    expect(
      firingAlarmRefusal(alarm("model_deployment_high_cpu", CPU), config, "instance-up", deployment),
    ).toBeUndefined();
    expect(
      firingAlarmRefusal(alarm("model_deployment_high_requests", REQUESTS), config, "instance-up", deployment),
    ).toMatch(/asks for instance-up on PredictRequestCount, not instance-up on CpuUtilization/);
  });
});
