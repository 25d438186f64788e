import type { AlarmResponse, DeploymentResult } from "./response";

/** Fields every log line of one invocation carries. */
export interface LogContext {
  callId?: string;
  alarmId?: string;
  dedupeKey?: string;
  title?: string;
  type?: string;
}

/**
 * One JSON line per decision on stdout, which OCI Logging keeps. Only the fields listed here are written,
 * so no credential or token can reach a log line by accident.
 */
export function logDecision(context: LogContext, result: DeploymentResult, alarmId: string): void {
  write({
    event: "decision",
    callId: context.callId,
    alarmId,
    dedupeKey: context.dedupeKey,
    title: context.title,
    deploymentId: result.deploymentId,
    action: result.action,
    from: result.from,
    to: result.to,
    outcome: result.outcome,
    reasonCode: result.reasonCode,
    reason: result.reason,
    scaleDownAlarm: result.scaleDownAlarm,
    scaleDownAlarmId: result.scaleDownAlarmId,
    opcRequestId: result.opcRequestId,
    opcWorkRequestId: result.opcWorkRequestId,
    warnings: result.warnings,
  });
}

/** The message-level line for answers with no per-deployment decision (ignored, rejected). */
export function logMessageOutcome(context: LogContext, response: AlarmResponse): void {
  write({
    event: "message",
    callId: context.callId,
    dedupeKey: context.dedupeKey,
    title: context.title,
    type: context.type,
    status: response.status,
    reason: response.reason,
    problems: response.problems,
  });
}

export function logFailure(context: LogContext, message: string, details: Record<string, unknown> = {}): void {
  write({
    event: "failure",
    callId: context.callId,
    dedupeKey: context.dedupeKey,
    title: context.title,
    message,
    ...details,
  });
}

function write(line: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...line })}\n`);
}
