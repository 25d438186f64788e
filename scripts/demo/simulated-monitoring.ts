/**
 * A small stand-in for OCI Monitoring: evaluates every alarm that exists in the emulator (the demo's
 * scale-up alarms and the scale-down alarms the function created) against the simulated metrics, and
 * builds the messages Monitoring would send: OK_TO_FIRING once the condition has held for the pending
 * duration, REPEAT every repeat interval while it holds, FIRING_TO_OK when it stops.
 * It understands the queries this project writes: `Metric[5m]{resourceId = "..."}.groupBy(resourceId).mean() > N`.
 */
import type { Alarm } from "../../test/emulator";

export type MetricName = "CpuUtilization" | "MemoryUtilization";

export interface ParsedQuery {
  metric: MetricName;
  resourceId?: string;
  above: boolean;
  threshold: number;
}

const QUERY =
  /^(CpuUtilization|MemoryUtilization)\[\w+\](?:\{resourceId = "([^"]+)"\})?\.groupBy\(resourceId\)\.mean\(\) ([<>]) ([\d.]+)$/;

export function parseQuery(query: string): ParsedQuery | undefined {
  const m = QUERY.exec(query.trim());
  if (!m) return undefined;
  return { metric: m[1] as MetricName, resourceId: m[2], above: m[3] === ">", threshold: Number(m[4]) };
}

/** Minutes in an ISO-8601 duration such as PT5M or PT1H30M. */
export function durationMinutes(iso: string | undefined, fallback: number): number {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?$/.exec(iso ?? "");
  return m ? Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0) : fallback;
}

export interface MetricStream {
  resourceId: string;
  compartmentId: string;
  value(metric: MetricName): number;
}

export interface AlarmNotification {
  alarm: Alarm;
  type: "OK_TO_FIRING" | "REPEAT" | "FIRING_TO_OK";
  /** The streams that breach, with their values. */
  firing: { resourceId: string; value: number }[];
  /** On FIRING_TO_OK: the streams that breached before (the message itself need not name them). */
  cleared: string[];
  message: Record<string, unknown>;
}

interface AlarmState {
  breachingSince?: number;
  firing: boolean;
  lastNotified: number;
  lastFiring: string[];
}

export class SimulatedMonitoring {
  private readonly states = new Map<string, AlarmState>();

  /** Evaluates each alarm at `minute` (simulated minutes since midnight); `dayStart` dates the messages. */
  evaluate(alarms: Alarm[], streams: MetricStream[], minute: number, dayStart: Date): AlarmNotification[] {
    const notifications: AlarmNotification[] = [];
    for (const alarm of alarms) {
      const query = parseQuery(alarm.query);
      if (!query || !alarm.isEnabled) continue;
      const firing = streams
        .filter((s) => s.compartmentId === alarm.metricCompartmentId)
        .filter((s) => !query.resourceId || s.resourceId === query.resourceId)
        .map((s) => ({ resourceId: s.resourceId, value: s.value(query.metric) }))
        .filter((s) => (query.above ? s.value > query.threshold : s.value < query.threshold));
      const state = this.stateOf(alarm.id);
      const cleared = state.lastFiring;
      const type = this.step(state, alarm, firing.length > 0, minute);
      if (firing.length > 0) state.lastFiring = firing.map((s) => s.resourceId);
      if (type) {
        const time = new Date(dayStart.getTime() + minute * 60_000);
        const message = alarmMessage(alarm, type, firing, time);
        notifications.push({ alarm, type, firing, cleared: type === "FIRING_TO_OK" ? cleared : [], message });
      }
    }
    return notifications;
  }

  private stateOf(alarmId: string): AlarmState {
    const state = this.states.get(alarmId) ?? { firing: false, lastNotified: -Infinity, lastFiring: [] };
    this.states.set(alarmId, state);
    return state;
  }

  private step(
    state: AlarmState,
    alarm: Alarm,
    breaching: boolean,
    minute: number,
  ): AlarmNotification["type"] | undefined {
    if (!breaching) {
      state.breachingSince = undefined;
      if (!state.firing) return undefined;
      state.firing = false;
      return "FIRING_TO_OK";
    }
    state.breachingSince ??= minute;
    if (!state.firing) {
      if (minute - state.breachingSince < durationMinutes(alarm.pendingDuration, 1)) return undefined;
      state.firing = true;
      state.lastNotified = minute;
      return "OK_TO_FIRING";
    }
    const repeat = alarm.repeatNotificationDuration;
    if (!repeat || minute - state.lastNotified < durationMinutes(repeat, Infinity)) return undefined;
    state.lastNotified = minute;
    return "REPEAT";
  }
}

/** The message body as Notifications delivers it to a function (version 1.5, grouped streams). */
export function alarmMessage(
  alarm: Alarm,
  type: AlarmNotification["type"],
  firing: { resourceId: string; value: number }[],
  time: Date,
): Record<string, unknown> {
  const expression = alarm.query.replace(/\s*[<>]\s*[\d.]+$/, "");
  return {
    dedupeKey: `demo-${alarm.id.slice(-12)}-${time.getTime()}`,
    title: (alarm.notificationTitle as string | undefined) ?? alarm.displayName,
    body: alarm.body ?? null,
    type,
    severity: alarm.severity,
    timestampEpochMillis: time.getTime(),
    timestamp: time.toISOString(),
    alarmMetaData: [
      {
        id: alarm.id,
        status: type === "FIRING_TO_OK" ? "OK" : "FIRING",
        severity: alarm.severity,
        namespace: alarm.namespace,
        query: alarm.query,
        totalMetricsFiring: firing.length,
        dimensions: firing.map((s) => ({ resourceId: s.resourceId })),
        alarmUrl: `https://cloud.oracle.com/monitoring/alarms/${alarm.id}`,
        alarmSummary: null,
        metricValues: firing.map((s) => ({ [expression]: s.value.toFixed(2) })),
      },
    ],
    notificationType: "Grouped messages across metric streams",
    version: 1.5,
  };
}
