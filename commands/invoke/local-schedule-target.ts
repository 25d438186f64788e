/**
 * `npm run invoke -- --schedule [body.json]`: the forecast schedule's call, on the OCI emulator. Seeds a
 * deployment, the function (its OCID in FN_FN_ID, as OCI Functions sets it) and setup's forecast schedule for
 * them (emulator/forecast-seed.ts: ACTIVE, tagged, the function its resource, the body naming the schedule and
 * the deployment). The body sent is the one stored on the schedule, or a file's (a forged or edited body, to see
 * it refused), through the same FDK path as an alarm's message.
 */
import { seedForecastSchedule } from "../../emulator/forecast-seed";
import { startLocalOci } from "../../emulator/local-oci";
import { deploymentSeed, LOCAL_TOPIC_ID, type LocalTarget, type SeedChoice, watchChanges } from "./local-oci-target";

export const LOCAL_COMPARTMENT_ID = "ocid1.compartment.oc1..aaaaaaaainvokelocalcompartment";

export interface ScheduleTarget extends LocalTarget {
  /** The request body to send. */
  payload: string;
  /** What was seeded, for the user. */
  seeded: string[];
}

/** `bodyText`: a file's body instead of the stored one. */
export async function startScheduleTarget(bodyText: string | undefined, seed: SeedChoice): Promise<ScheduleTarget> {
  const oci = await startLocalOci({ updateDelayMs: 200 });
  const { emulator } = oci;
  const compartmentId = LOCAL_COMPARTMENT_ID;
  const deployment = emulator.seedDeployment({ compartmentId, ...deploymentSeed(seed) });
  const app = emulator.seedApplication({ compartmentId, displayName: "model-deployment-scaling", config: {} });
  const fn = emulator.seedFunction({ applicationId: app.id, displayName: "model-deployment-autoscale", config: {} });
  const schedule = seedForecastSchedule(emulator, { compartmentId, functionId: fn.id, deploymentIds: [deployment.id] });
  const stored = schedule.resources?.[0]?.parameters?.find((p) => p.parameterType === "BODY")?.value;
  const payload = bodyText ?? JSON.stringify(stored);
  return {
    oci,
    payload,
    seeded: [
      `deployment ${deployment.id}`,
      `function ${fn.id} (FN_FN_ID)`,
      `forecast schedule ${schedule.id}: ${schedule.lifecycleState}, ${schedule.recurrenceDetails} (${schedule.localTimeZone}), tagged, calls the function`,
      `body ${bodyText === undefined ? "stored on the schedule" : "from the file (not the stored one)"}: ${payload.trim()}`,
    ],
    functionEnv: { ...oci.functionEnv, NOTIFY_TOPIC_ID: LOCAL_TOPIC_ID, FN_FN_ID: fn.id },
    changes: watchChanges(emulator, [deployment.id]),
    close: () => oci.close(),
  };
}
