import type { AlarmMessage } from "../message/alarm-message";
import { type AlarmNames, routeForTitle } from "../message/alarm-routing";
import { classifyOciFailure } from "../oci/failures";
import type { AlarmRoute } from "../results/decision";
import { transientError } from "./deployment-results";
import type { ScalingRun } from "./scaling-run";

export type AlarmNameRoute = (AlarmRoute & { alarmName: string }) | { ignored: string };

/**
 * A notification title may be a template (`{{severity}} alarm triggered at {{timestamp}}`, the docs'
 * example), so a title that routes nowhere is not the end: the firing alarm's display name, as Monitoring
 * knows it, is tried next. The alarm is read anyway before any write, and the read is shared with that check.
 */
export async function routeByAlarmName(
  run: ScalingRun,
  message: AlarmMessage,
  names: AlarmNames,
): Promise<AlarmNameRoute> {
  const unread: string[] = [];
  for (const alarmId of new Set(message.alarmMetaData.map((m) => m.id))) {
    try {
      const alarm = await run.alarms.firingAlarm(alarmId);
      const route = routeForTitle(alarm.displayName, names);
      if (route) return { ...route, alarmName: alarm.displayName };
      unread.push(`alarm ${alarmId} is named "${alarm.displayName}"`);
    } catch (error) {
      const failure = classifyOciFailure(error);
      if (failure.kind === "transient") throw transientError(failure, "reading the alarm to route its message");
      unread.push(`alarm ${alarmId} could not be read (${failure.message})`);
    }
  }
  return {
    ignored:
      `no scaling action for alarm title "${message.title}", nor for the firing alarm's display name ` +
      `(${unread.join("; ")}); titles and names that route are the *_ALARM_NAME values`,
  };
}
