import type * as common from "oci-common";
import { classifyOciFailure } from "./failures";

const BASE_DELAY_SECONDS = 0.25;
const MAX_DELAY_SECONDS = 2;
const JITTER_SECONDS = 0.25;

function backoffSeconds(attemptCount: number): number {
  return Math.min(BASE_DELAY_SECONDS * 2 ** attemptCount, MAX_DELAY_SECONDS);
}

export interface RetryBudget {
  deadline: Date;
  maxAttempts: number;
  requestTimeoutMs: number;
  /**
   * Real seconds waited per second of back-off (1 unless set). Local runs on a simulated clock (the soak, the
   * simulator) shrink the waits; the number and order of attempts, and when to stop, are unchanged.
   */
  delayScale?: number;
}

/**
 * Retries for one OCI call that stop early enough for the invocation to answer before the deadline:
 * the SDK defaults (8 attempts, up to ~95 s) outlast a 30 s function, and the platform kills an overrun call.
 * Another attempt starts only if it, plus its back-off, can time out before the deadline.
 *
 * `throttlingOnly` is for writes that are not idempotent: after a 5xx or a dropped connection the write may
 * have happened, and a retry would then fail its If-Match and be mistaken for someone else's change. Only
 * 429 (refused before anything happened) is retried; the SDK retries network errors without asking
 * retryCondition, so the termination strategy stops unless the last error was a throttle.
 */
export function retryUntil(budget: RetryBudget, options: { throttlingOnly?: boolean } = {}): common.RetryConfiguration {
  let lastWasThrottle = false;
  const scale = budget.delayScale ?? 1;
  return {
    terminationStrategy: {
      shouldTerminate(context) {
        const throttled = lastWasThrottle;
        lastWasThrottle = false;
        if (options.throttlingOnly && !throttled) return true;
        const nextAttempt = context.attemptCount + 2;
        const longestDelayMs = (backoffSeconds(context.attemptCount) + JITTER_SECONDS) * 1000 * scale;
        const finishesBy = Date.now() + longestDelayMs + budget.requestTimeoutMs;
        return nextAttempt > budget.maxAttempts || finishesBy > budget.deadline.getTime();
      },
    },
    delayStrategy: {
      delay: (context) => (backoffSeconds(context.attemptCount) + Math.random() * JITTER_SECONDS) * scale,
    },
    retryCondition: (error) => {
      lastWasThrottle = error.statusCode === 429;
      return classifyOciFailure(error).kind === "transient";
    },
  };
}
