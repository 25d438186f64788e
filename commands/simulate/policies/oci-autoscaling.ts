/**
 * `oci-autoscaling`: OCI Data Science's built-in threshold autoscaling (scalingPolicy AUTOSCALING, one
 * THRESHOLD policy on the predefined CPU metric), as documented:
 * - a scale-out and a scale-in rule, each a threshold on the deployment's mean CPU utilization that must
 *   hold for `pendingDuration` (PT3M at least, the default);
 * - each action adds or removes a fixed `instanceCountAdjustment`, within the minimum and maximum count;
 * - `coolDownInSeconds` (600 at least, the default) is counted from when the deployment becomes ACTIVE
 *   after the scaling operation; no action while UPDATING.
 * Docs: docs.oracle.com/en-us/iaas/data-science/using/autoscale-vms-custom-metrics.htm (queries, placeholder),
 * the SDK models AutoScalingPolicy
 * (coolDownInSeconds) and ThresholdBasedAutoScalingPolicyDetails. The predefined metric's query window is
 * not published: 1 minute is assumed (`--oci-window-minutes`).
 */
import { AlarmEvaluator, type AlarmRule } from "../monitoring";
import { clampInstances, type PolicyFactory } from "./policy";

export interface OciAutoscalingOptions {
  scaleOutThreshold: number;
  scaleInThreshold: number;
  pendingMinutes: number;
  adjustment: number;
  cooldownSeconds: number;
  windowMinutes: number;
}

export const OCI_AUTOSCALING_DEFAULTS: OciAutoscalingOptions = {
  scaleOutThreshold: 80,
  scaleInThreshold: 20,
  pendingMinutes: 3,
  adjustment: 1,
  cooldownSeconds: 600,
  windowMinutes: 1,
};

export function validateOciOptions(o: OciAutoscalingOptions): void {
  if (o.pendingMinutes < 3) throw new Error(`--oci-pending-minutes ${o.pendingMinutes}: OCI's minimum is PT3M`);
  if (o.cooldownSeconds < 600) throw new Error(`--oci-cooldown-seconds ${o.cooldownSeconds}: OCI's minimum is 600`);
  if (o.scaleInThreshold >= o.scaleOutThreshold) throw new Error("the scale-in threshold must be below scale-out");
  if (!Number.isInteger(o.adjustment) || o.adjustment < 1) throw new Error("--oci-adjustment takes a whole number ≥ 1");
}

export function ociAutoscalingPolicy(options: OciAutoscalingOptions = OCI_AUTOSCALING_DEFAULTS): PolicyFactory {
  validateOciOptions(options);
  const rule = (id: string, condition: string): AlarmRule => ({
    id,
    query: `CpuUtilization[${options.windowMinutes}m]{resourceId = "sim"}.grouping().mean() ${condition}`,
    pendingDuration: `PT${options.pendingMinutes}M`,
    // The rule is checked every minute while it holds: the cooldown, not a repeat interval, paces it.
    repeatNotificationDuration: "PT1M",
  });
  return {
    name: "oci-autoscaling",
    create: ({ assumptions }) => {
      const alarms = new AlarmEvaluator();
      const rules = [
        { rule: rule("scale-out", `> ${options.scaleOutThreshold}`), delta: options.adjustment },
        { rule: rule("scale-in", `< ${options.scaleInThreshold}`), delta: -options.adjustment },
      ];
      return {
        step: (minute, plant) => {
          for (const { rule, delta } of rules) {
            const fired = alarms.evaluate(rule, () => plant.cpuByMinute, minute);
            if (!fired || fired.type === "FIRING_TO_OK" || plant.lifecycleState !== "ACTIVE") continue;
            if ((minute - plant.lastActiveMinute) * 60 < options.cooldownSeconds) continue;
            plant.submit(clampInstances(plant.serving + delta, assumptions));
          }
        },
      };
    },
  };
}
