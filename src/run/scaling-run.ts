import type * as common from "oci-common";
import type { OciClients } from "../oci/clients";
import { type RetryBudget, retryUntil } from "../oci/retry-policy";
import { ScaleDownAlarms } from "../oci/scale-down-alarms";
import type { Config } from "../policy/config";

/** What one invocation shares between the deployments of its message. */
export interface ScalingRun {
  config: Config;
  clients: OciClients;
  alarms: ScaleDownAlarms;
  /** For reads and alarm calls. */
  retry: common.RetryConfiguration;
  /** Builds the retries of one deployment update (writes retry on throttling only). */
  updateRetry: common.RetryConfiguration;
  /** The invocation's clock reading, used for cooldowns and recorded in the tags. */
  now: Date;
  /** `dedupeKey@timestampEpochMillis` of this delivery, when the message has both. */
  delivery: string | undefined;
  /** The alarm message being acted on, for notifications. */
  trigger?: { title: string; type: string };
  /** Logs a failure that does not fail the invocation (a notification that was not published). */
  onFailure?: (message: string, details: Record<string, unknown>) => void;
}

/** The invocation's retry budget: its configured attempts and time-out, until it must answer. */
export function invocationBudget(
  config: Pick<Config, "OCI_MAX_ATTEMPTS" | "OCI_REQUEST_TIMEOUT_SECONDS">,
  answerBy: Date,
  retryDelayScale: number | undefined,
): RetryBudget {
  return {
    deadline: answerBy,
    maxAttempts: config.OCI_MAX_ATTEMPTS,
    requestTimeoutMs: config.OCI_REQUEST_TIMEOUT_SECONDS * 1000,
    ...(retryDelayScale === undefined ? {} : { delayScale: retryDelayScale }),
  };
}

export function startScalingRun(
  config: Config,
  clients: OciClients,
  budget: RetryBudget,
  message: Pick<ScalingRun, "now" | "delivery" | "trigger" | "onFailure">,
): ScalingRun {
  const retry = retryUntil(budget);
  return {
    config,
    clients,
    alarms: new ScaleDownAlarms(clients.monitoring, config, retry),
    retry,
    get updateRetry() {
      // A fresh one per update: the throttling flag it keeps belongs to one call.
      return retryUntil(budget, { throttlingOnly: true });
    },
    ...message,
  };
}
