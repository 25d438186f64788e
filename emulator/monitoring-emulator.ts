/** Builds the Monitoring and Notifications stores and the emulator methods that reach into them. */
import type { AlarmStore } from "./alarms";
import { DimensionStateStore } from "./dimension-states";
import { MetricStore } from "./metrics";
import type { MonitoringStores } from "./monitoring-routes";
import type { MonitoringEmulatorApi } from "./monitoring-types";
import { NotificationStore } from "./notifications";

export function createMonitoringStores(
  alarms: AlarmStore,
  clock: () => number,
  metricRetentionMs?: number,
  checkTopic?: (topicId: string) => void,
): MonitoringStores {
  return {
    alarms,
    dimensionStates: new DimensionStateStore(alarms, clock),
    metrics: new MetricStore(clock, metricRetentionMs),
    notifications: new NotificationStore(clock, checkTopic),
  };
}

export function monitoringEmulatorApi(stores: MonitoringStores): MonitoringEmulatorApi {
  return {
    setAlarmStreamState: (alarmId, dimensions, status, opts) =>
      stores.dimensionStates.set(alarmId, dimensions, status, opts),
    alarmStreamStates: (alarmId) => stores.dimensionStates.all(alarmId),
    seedMetricPoints: (seed) => stores.metrics.seed(seed),
    publishedMessages: (topicId) => stores.notifications.published(topicId),
  };
}
