import type { AlarmResponse, DeploymentResult } from "./response";

/** Where log lines go: stdout in a function (OCI Logging keeps it), a list in tests and the soak run. */
export type LogSink = (line: Record<string, unknown>) => void;

export const stdoutSink: LogSink = (line) => {
  process.stdout.write(`${JSON.stringify(line)}\n`);
};

/** Fields every log line of one invocation carries. */
export interface LogContext {
  sink: LogSink;
  callId?: string;
  dedupeKey?: string;
  title?: string;
  type?: string;
  routedByAlarmName?: string;
  /** Set on lines about work that finished after the invocation had already answered (502). */
  afterDeadline?: boolean;
}

/**
 * One JSON line per decision. Only the fields listed here are written, so no credential or token can
 * reach a log line by accident.
 */
export function logDecision(context: LogContext, result: DeploymentResult, alarmId: string): void {
  write(context, {
    event: "decision",
    alarmId,
    deploymentId: result.deploymentId,
    action: result.action,
    from: result.from,
    to: result.to,
    outcome: result.outcome,
    reasonCode: result.reasonCode,
    reason: result.reason,
    scaleDownAlarm: result.scaleDownAlarm,
    scaleDownAlarmId: result.scaleDownAlarmId,
    currentInstanceCount: result.currentInstanceCount,
    opcRequestId: result.opcRequestId,
    opcWorkRequestId: result.opcWorkRequestId,
    notification: result.notification,
    notificationMessageId: result.notificationMessageId,
    warnings: result.warnings,
  });
}

/** The message-level line for answers with no per-deployment decision (ignored, rejected). */
export function logMessageOutcome(context: LogContext, response: AlarmResponse): void {
  write(context, {
    event: "message",
    type: context.type,
    status: response.status,
    reason: response.reason,
    problems: response.problems,
  });
}

export function logFailure(context: LogContext, message: string, details: Record<string, unknown> = {}): void {
  write(context, { event: "failure", message, ...details });
}

function write(context: LogContext, fields: Record<string, unknown>): void {
  context.sink({
    time: new Date().toISOString(),
    callId: context.callId,
    dedupeKey: context.dedupeKey,
    title: context.title,
    ...(context.routedByAlarmName ? { routedByAlarmName: context.routedByAlarmName } : {}),
    ...(context.afterDeadline ? { afterDeadline: true } : {}),
    ...fields,
  });
}
