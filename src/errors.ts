/**
 * Two families of errors. Input errors mean the message or the configuration was wrong: they become a
 * structured answer and are never retried. Service errors mean OCI failed: a transient one fails the
 * invocation so Notifications delivers the alarm again.
 */
export class InputError extends Error {
  override name = "InputError";
  constructor(
    message: string,
    readonly problems: string[] = [],
  ) {
    super(message);
  }
}

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
