import type * as common from "oci-common";
import { isRetryable } from "./failures";

const BASE_DELAY_SECONDS = 0.25;
const MAX_DELAY_SECONDS = 2;

function backoffSeconds(attemptCount: number): number {
  return Math.min(BASE_DELAY_SECONDS * 2 ** attemptCount, MAX_DELAY_SECONDS);
}

/**
 * Retries for one OCI call that stop early enough for the invocation to answer before `deadline`:
 * the SDK defaults (8 attempts, up to ~95 s) outlast a 30 s function, and the platform kills an overrun call.
 * Another attempt starts only if it, plus its back-off, can time out before the deadline.
 */
export function retryUntil(deadline: Date, maxAttempts: number, requestTimeoutMs: number): common.RetryConfiguration {
  return {
    terminationStrategy: {
      shouldTerminate(context) {
        const nextAttempt = context.attemptCount + 2;
        const finishesBy = Date.now() + backoffSeconds(context.attemptCount) * 1000 + requestTimeoutMs;
        return nextAttempt > maxAttempts || finishesBy > deadline.getTime();
      },
    },
    delayStrategy: {
      delay: (context) => backoffSeconds(context.attemptCount) + Math.random() * BASE_DELAY_SECONDS,
    },
    retryCondition: isRetryable,
  };
}
