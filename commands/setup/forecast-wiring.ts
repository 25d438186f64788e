/**
 * Setup's forecast schedule step, between the alarms and the IAM (the policy names the schedule's OCID, known
 * once it exists): made or completed for the function and the deployment, or with --remove taken away. Each
 * step is printed and kept with the other wiring steps; a schedule created is recorded in `progress` as soon as
 * it exists, so a failure half-way names it.
 */
import type { WiringClients } from "../cli/wiring-clients";
import { ensureForecastSchedule } from "./forecast-schedule";
import { removeForecastSchedules } from "./forecast-schedule-remove";
import type { PolicySchedule } from "./iam-resources";
import type { SetupOptions } from "./main";
import type { Progress } from "./run-setup";
import type { Scope } from "./scale-up-alarms";
import type { Wired } from "./wiring";
import { describeStep, type WiringStep } from "./wiring-steps";

export async function wireForecast(
  options: SetupOptions,
  wired: Wired,
  wiring: WiringClients,
  scope: Scope,
  progress: Progress,
  print: (line: string) => void,
): Promise<PolicySchedule | undefined> {
  if (!options.forecast) return undefined;
  if (scope.kind !== "deployment") {
    print("\nNo forecast schedule with --compartment: its body lists deployments, so run setup with --deployment.");
    return undefined;
  }
  const { fn } = wired;
  const dry = options.dryRun ? " (dry run: nothing is changed)" : "";
  print(`\nThe forecast schedule, in the function's compartment ${fn.compartmentId}${dry}:`);
  progress.doing = "finding or creating the forecast schedule";
  progress.endpoint = wiring.schedules.endpoint;
  const target = { fn, deploymentId: scope.deploymentId, ...options.forecast };
  const outcome = await ensureForecastSchedule(wiring.schedules, target, options.dryRun, (item) =>
    progress.created.push(item),
  );
  for (const step of outcome.steps) {
    wired.steps.push(step);
    print(describeStep(step));
  }
  return { compartmentId: fn.compartmentId, ...(outcome.scheduleId ? { scheduleId: outcome.scheduleId } : {}) };
}

/**
 * --remove: the deployment out of setup's schedules in the compartment (or, --all, the schedules deleted). The
 * schedule is looked for in the deployment's compartment (--remove takes no function): where the function is in
 * another compartment, its schedule is not found here (docs/deploying.md says how to remove it).
 */
export async function removeForecast(
  options: SetupOptions,
  wiring: WiringClients,
  scope: Scope,
  progress: Progress,
  print: (line: string) => void,
): Promise<WiringStep[]> {
  if (!options.forecast || options.gone) return [];
  const deploymentId = options.all ? undefined : options.deploymentId;
  if (!options.all && deploymentId === undefined) return [];
  const dry = options.dryRun ? " (dry run: nothing is changed)" : "";
  print(`\nThe forecast schedule setup made in compartment ${scope.compartmentId}${dry}:`);
  progress.doing = "removing from the forecast schedule";
  progress.endpoint = wiring.schedules.endpoint;
  const steps = await removeForecastSchedules(wiring.schedules, scope.compartmentId, deploymentId, options.dryRun);
  if (steps.length === 0) print("  none found");
  for (const step of steps) print(describeStep(step));
  return steps;
}
