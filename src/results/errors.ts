/**
 * Service errors: OCI failed. Input problems (the message or the configuration was wrong) are not thrown
 * past the handler: they become a structured `rejected` answer (alarm-decoding.ts, config.ts's ConfigError).
 * A transient OCI failure is thrown as TransientOciError so the invocation fails and Notifications delivers
 * the alarm again.
 */
export class TransientOciError extends Error {
  override name = "TransientOciError";
  constructor(
    message: string,
    readonly opcRequestId?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
