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
 *
 * With `--signal requests` it runs the custom-metric form the same docs give for PredictRequestCount, a scale-out
 * and a scale-in MQL query on the deployment's total (`CustomMetricExpressionRule`):
 *   scale-out `PredictRequestCount[1m]{resourceId = "MODEL_DEPLOYMENT_OCID"}.grouping().sum() > 100`
 *   scale-in  `… .grouping().absent() == 1 || … .grouping().sum() < 5` (absent(): no calls emit no metric)
 * with their thresholds as flags (`--oci-requests-scale-out`, `--oci-requests-scale-in`). Defaults: scale-out at
 * setup's high-requests threshold (what `this` alarms on), scale-in at half of one instance's target rate. The
 * total cannot be divided by the count in a rule, so both thresholds are fixed whatever the count.
 */
import { AlarmEvaluator, type AlarmRule } from "../monitoring";
import { clampInstances, type PolicyContext, type PolicyFactory } from "./policy";
import { requestSeries, requestSignal } from "./this";

export interface OciAutoscalingOptions {
  /** Requests per minute of the custom-metric rules (`--signal requests`); derived from the trace when unset. */
  requestsScaleOut?: number;
  requestsScaleIn?: number;
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
    create: (context) => {
      const { assumptions } = context;
      const alarms = new AlarmEvaluator();
      const requests = context.signal === "requests" ? requestRules(context, options) : undefined;
      const rules = requests?.rules ?? [
        { rule: rule("scale-out", `> ${options.scaleOutThreshold}`), delta: options.adjustment },
        { rule: rule("scale-in", `< ${options.scaleInThreshold}`), delta: -options.adjustment },
      ];
      return {
        step: (minute, plant) => {
          const series = requests ? () => requests.series : () => plant.cpuByMinute;
          for (const { rule, delta } of rules) {
            const fired = alarms.evaluate(rule, series, minute);
            if (!fired || fired.type === "FIRING_TO_OK" || plant.lifecycleState !== "ACTIVE") continue;
            if ((minute - plant.lastActiveMinute) * 60 < options.cooldownSeconds) continue;
            plant.submit(clampInstances(plant.serving + delta, assumptions));
          }
        },
      };
    },
  };
}

/** The custom-metric rules on PredictRequestCount, and the series they read. */
function requestRules(context: PolicyContext, options: OciAutoscalingOptions) {
  const signal = requestSignal(context, {});
  const perInstance = Number(signal.env.TARGET_REQUESTS_PER_INSTANCE);
  const scaleOut = options.requestsScaleOut ?? signal.threshold;
  const scaleIn = options.requestsScaleIn ?? perInstance / 2;
  if (scaleIn >= scaleOut) throw new Error("the requests scale-in threshold must be below scale-out");
  const stream = `PredictRequestCount[1m]{resourceId = "sim"}.grouping()`;
  const common = { pendingDuration: `PT${options.pendingMinutes}M`, repeatNotificationDuration: "PT1M" };
  return {
    series: requestSeries(context.trace.requests as Float64Array),
    rules: [
      { rule: { id: "scale-out", query: `${stream}.sum() > ${scaleOut}`, ...common }, delta: options.adjustment },
      {
        // The docs write the absent() part first; `||` is the same either way, and the simulator reads this order.
        rule: { id: "scale-in", query: `${stream}.sum() < ${scaleIn} || ${stream}.absent() == 1`, ...common },
        delta: -options.adjustment,
      },
    ],
  };
}
