import type { ScaleDownAlarmPlan, ScalingAction } from "./decision";
import type { ReasonCode } from "./reasons";

export type Outcome = "updated" | "skipped" | "dry-run" | "failed";
/** `failed`: the change went ahead without the alarm it needed, or the alarm could not be retuned or deleted (see warnings). */
export type ScaleDownAlarmOutcome = "created" | "exists" | "updated" | "deleted" | "none" | "failed";

/** One deployment's answer. */
export interface DeploymentResult {
  deploymentId: string;
  action: ScalingAction;
  outcome: Outcome;
  from?: string | number;
  to?: string | number;
  reasonCode: ReasonCode;
  reason: string;
  scaleDownAlarm: ScaleDownAlarmOutcome;
  /** In a dry run: what would have happened to the scale-down alarm. */
  scaleDownAlarmPlan?: ScaleDownAlarmPlan;
  scaleDownAlarmId?: string;
  /** On OCI's AUTOSCALING policy: the instances running, as OCI reports them (modelDeploymentSystemData). */
  currentInstanceCount?: number;
  opcRequestId?: string;
  opcWorkRequestId?: string;
  /**
   * With NOTIFY_TOPIC_ID set (and not a dry run): `sent` (published to the topic), `failed` (not published; see
   * warnings), `none` (nothing a person needs to hear: no change, or a refusal already told when the alarm fired).
   */
  notification?: "sent" | "failed" | "none";
  notificationMessageId?: string;
  /** Policy tags on the deployment that were not used (invalid or contradictory), and what was used instead. */
  warnings?: string[];
}

/** The function's answer to one alarm message: always JSON, HTTP 200 for anything about the message itself. */
export interface AlarmResponse {
  status: "ok" | "ignored" | "rejected";
  /** `forecast`: the answer to a forecast schedule's tick (docs/forecast.md), not to an alarm. */
  kind?: "forecast";
  scheduleId?: string;
  /** Why a tick was refused or ignored as a whole (ScheduleNotFound … ScheduleBodyMismatch, ForecastDisabled). */
  reasonCode?: ReasonCode;
  title?: string;
  type?: string;
  dedupeKey?: string;
  /** Set when the title routed nowhere and the firing alarm's display name chose the action. */
  routedByAlarmName?: string;
  reason?: string;
  problems?: string[];
  dryRun: boolean;
  results: DeploymentResult[];
}
