/**
 * `sample-2022`: the original blog's design. Two alarms on the deployment's 5-minute CPU mean (> 80 adds
 * an instance, < 10 removes one), each repeating every 5 minutes while it holds; every OK_TO_FIRING or
 * REPEAT moves the count by one if the deployment is ACTIVE. No cooldown: the window still holds the load
 * from before an update, and a repeat acts on it.
 */
import { AlarmEvaluator, type AlarmRule } from "../monitoring";
import { clampInstances, type PolicyFactory } from "./policy";

export interface Sample2022Options {
  high: number;
  low: number;
  pendingDuration: string;
  repeat: string;
}

export const SAMPLE_2022_DEFAULTS: Sample2022Options = { high: 80, low: 10, pendingDuration: "PT5M", repeat: "PT5M" };

export function sample2022Policy(options: Sample2022Options = SAMPLE_2022_DEFAULTS): PolicyFactory {
  const rule = (id: string, condition: string): AlarmRule => ({
    id,
    query: `CpuUtilization[5m]{resourceId = "sim"}.groupBy(resourceId).mean() ${condition}`,
    pendingDuration: options.pendingDuration,
    repeatNotificationDuration: options.repeat,
  });
  return {
    name: "sample-2022",
    create: ({ assumptions }) => {
      const alarms = new AlarmEvaluator();
      const rules = [
        { rule: rule("high", `> ${options.high}`), delta: 1 },
        { rule: rule("low", `< ${options.low}`), delta: -1 },
      ];
      return {
        step: (minute, plant) => {
          for (const { rule, delta } of rules) {
            const fired = alarms.evaluate(rule, () => plant.cpuByMinute, minute);
            if (!fired || fired.type === "FIRING_TO_OK" || plant.lifecycleState !== "ACTIVE") continue;
            plant.submit(clampInstances(plant.serving + delta, assumptions));
          }
        },
      };
    },
  };
}
