/**
 * Public types of the emulator's Monitoring (dimension states, metric data) and Notifications side.
 * Wire objects are plain JSON as served; timestamps are ISO strings.
 */

export type AlarmStreamStatus = "FIRING" | "OK";

/** One entry of AlarmDimensionStatesCollection.items (SDK model AlarmDimensionStatesEntry). */
export interface AlarmDimensionStatesEntry {
  alarmSummary: string;
  dimensions: Record<string, string>;
  status: AlarmStreamStatus;
  ruleName: string;
  timestamp: string;
}

export interface AlarmStreamStateOptions {
  /** Default "BASE". */
  ruleName?: string;
  /** Transition time; default the emulator clock's now. */
  timestamp?: string | Date;
  /** Default the alarm's alarmSummary, or "" when it has none. */
  alarmSummary?: string;
}

export interface MetricPoint {
  timestamp: string | Date;
  value: number;
}

/** Raw per-minute points of one metric stream, as PostMetricData would have stored them. */
export interface MetricPointsSeed {
  namespace: string;
  compartmentId: string;
  name: string;
  dimensions: Record<string, string>;
  points: MetricPoint[];
  resourceGroup?: string;
  /** Returned as MetricData.metadata, e.g. { unit: "percent" }. */
  metadata?: Record<string, string>;
}

/** A message accepted by PublishMessage (POST /20181201/topics/{topicId}/messages). */
export interface PublishedMessage {
  topicId: string;
  messageId: string;
  /** ISO time the emulator received it (PublishResult.timeStamp). */
  timeStamp: string;
  /** The messageType header: JSON or RAW_TEXT, undefined when not sent. */
  messageType: string | undefined;
  title: string | undefined;
  body: string;
}

export interface MonitoringEmulatorApi {
  /**
   * Sets the alarm state of one metric stream of an alarm, replacing the entry with the same
   * dimension set. Throws for an unknown alarm.
   */
  setAlarmStreamState(
    alarmId: string,
    dimensions: Record<string, string>,
    status: AlarmStreamStatus,
    opts?: AlarmStreamStateOptions,
  ): AlarmDimensionStatesEntry;
  /** The stream states of an alarm, in the order first set; empty for an alarm without any. */
  alarmStreamStates(alarmId: string): AlarmDimensionStatesEntry[];
  /** Adds raw points to a metric stream (namespace, compartment, name, resource group and dimensions). */
  seedMetricPoints(seed: MetricPointsSeed): void;
  /** Messages published to a topic (or to every topic), oldest first. */
  publishedMessages(topicId?: string): PublishedMessage[];
}
