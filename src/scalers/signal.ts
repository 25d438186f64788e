/** What the alarm message says about the deployment's load, handed to the scalers so they stay pure. */
export interface ScalingSignal {
  /** Mean CPU utilisation (percent) of the deployment's metric streams in the message (version 1.5). */
  observedUtilization?: number;
  /** The deployment's requests per minute (`PredictRequestCount` alarms), from the same values. */
  observedRequestsPerMinute?: number;
}
