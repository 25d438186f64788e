import { afterEach, describe, expect, it } from "vitest";
import { alarmMessage } from "../../emulator/alarm-messages";
import { deploymentState } from "../../emulator/deployment-state";
import { type LocalOci, startLocalOci } from "../../emulator/local-oci";
import { EXAMPLE_COMPARTMENT_ID, markStreamsFiring, seedCompartmentAlarm } from "../../emulator/seed-from-alarm";
import { inProcessFunction } from "../../local-function/in-process";

const HIGH_CPU = "ocid1.alarm.oc1.iad.aaaaaaaalatehighcpu";

describe("work that finishes after the invocation answered", () => {
  let oci: LocalOci | undefined;
  afterEach(async () => {
    await oci?.close();
  });

  it("fails the call at the deadline and still logs the decision when the slow update lands", async () => {
    oci = await startLocalOci({ updateDelayMs: null });
    const fn = inProcessFunction(oci, { OCI_REQUEST_TIMEOUT_SECONDS: "5" });
    seedCompartmentAlarm(oci.emulator, { id: HIGH_CPU, title: "model_deployment_high_cpu", metric: "CpuUtilization" });
    const id = oci.emulator.seedDeployment({ compartmentId: EXAMPLE_COMPARTMENT_ID }).id;
    // The update answers after 2.5 s; the call must answer 1.5 s before its 3 s deadline.
    oci.emulator.faults.add({ method: "PUT", delayMs: 2_500 });

    const message = alarmMessage({ title: "model_deployment_high_cpu", alarmId: HIGH_CPU, deploymentIds: [id] });
    markStreamsFiring(oci.emulator, message);
    const call = fn.send(message, 3_000);

    await expect(call).rejects.toThrow(/ran out of time/);
    expect(fn.logs).toContainEqual(
      expect.objectContaining({ event: "failure", message: expect.stringContaining("ran out of time") }),
    );
    await new Promise((r) => setTimeout(r, 2_500));
    expect(deploymentState(oci.emulator, id).lifecycleState).toBe("UPDATING");
    expect(fn.logs).toContainEqual(
      expect.objectContaining({ event: "decision", deploymentId: id, outcome: "updated", afterDeadline: true }),
    );
  });
});
