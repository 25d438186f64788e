import * as common from "oci-common";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type RetryBudget, retryUntil } from "../../../src/oci/retry-policy";

const T0 = Date.UTC(2025, 0, 1, 12, 0, 0);
const SECOND = 1000;
const PLENTY: RetryBudget = { deadline: new Date(T0 + 3600 * SECOND), maxAttempts: 10, requestTimeoutMs: SECOND };

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"], now: T0 });
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function parts(policy: common.RetryConfiguration) {
  const { terminationStrategy, delayStrategy, retryCondition } = policy;
  if (!terminationStrategy || !delayStrategy || !retryCondition) throw new Error("incomplete retry configuration");
  return { terminationStrategy, delayStrategy, retryCondition };
}

/** The SDK's wait context: attemptCount is the number of attempts made so far, minus one. */
const afterAttempt = (attempt: number) => ({ startTime: new Date(T0), attemptCount: attempt - 1 });

const ociError = (statusCode: number, serviceCode = "Code") =>
  new common.OciError(statusCode, serviceCode, "failed", "req-1", "DataScience", "UpdateModelDeployment", "", "", "");

type Failure = common.OciError | "network";

/**
 * What the SDK's retrier (oci-common lib/retrier.js) does after a failed attempt: an HTTP error goes through
 * retryCondition first; a network error does not. Then, if still retryable, it asks the termination strategy.
 */
function afterFailure(policy: common.RetryConfiguration, failure: Failure, attempt: number): "thrown" | "retried" {
  const { retryCondition, terminationStrategy } = parts(policy);
  if (failure !== "network" && !retryCondition(failure)) return "thrown";
  return terminationStrategy.shouldTerminate(afterAttempt(attempt)) ? "thrown" : "retried";
}

/**
 * Replays the retrier against a service that never answers: every attempt runs into the request time-out,
 * then the retrier asks whether to stop and, if not, waits the delay. Returns the attempts made and when the
 * last one ended.
 */
function replay(budget: RetryBudget) {
  const { terminationStrategy, delayStrategy } = parts(retryUntil(budget));
  const context = { startTime: new Date(T0), attemptCount: 0 };
  let now = T0;
  for (;;) {
    now += budget.requestTimeoutMs;
    vi.setSystemTime(now);
    if (terminationStrategy.shouldTerminate(context)) return { attempts: context.attemptCount + 1, endedAt: now - T0 };
    now += delayStrategy.delay(context) * SECOND;
    vi.setSystemTime(now);
    context.attemptCount++;
  }
}

const JITTER_MS = 250;

describe("retryUntil", () => {
  describe("termination", () => {
    it.each([1, 2, 3, 5, 10])("makes at most %i attempts when time is plentiful", (maxAttempts) => {
      const { terminationStrategy } = parts(retryUntil({ ...PLENTY, maxAttempts }));
      for (let attempt = 1; attempt < maxAttempts; attempt++) {
        expect(terminationStrategy.shouldTerminate(afterAttempt(attempt))).toBe(false);
      }
      expect(terminationStrategy.shouldTerminate(afterAttempt(maxAttempts))).toBe(true);
    });

    it.each([
      // After attempt n the back-off is 0.25 s * 2^(n-1), capped at 2 s, plus up to 0.25 s of jitter; the next
      // attempt may then take the full time-out.
      { attempt: 1, backoffMs: 250 },
      { attempt: 2, backoffMs: 500 },
      { attempt: 3, backoffMs: 1000 },
      { attempt: 4, backoffMs: 2000 },
      { attempt: 7, backoffMs: 2000 },
    ])(
      "retries after attempt $attempt only if back-off ($backoffMs ms) plus a time-out ends by the deadline",
      ({ attempt, backoffMs }) => {
        const requestTimeoutMs = 10 * SECOND;
        const budget = (deadlineInMs: number) => ({
          deadline: new Date(T0 + deadlineInMs),
          maxAttempts: 10,
          requestTimeoutMs,
        });
        const longestWaitMs = backoffMs + JITTER_MS;
        const justInTime = parts(retryUntil(budget(longestWaitMs + requestTimeoutMs)));
        const oneMsShort = parts(retryUntil(budget(longestWaitMs + requestTimeoutMs - 1)));
        expect(justInTime.terminationStrategy.shouldTerminate(afterAttempt(attempt))).toBe(false);
        expect(oneMsShort.terminationStrategy.shouldTerminate(afterAttempt(attempt))).toBe(true);
      },
    );

    it("stops at once when the deadline has passed", () => {
      const { terminationStrategy } = parts(retryUntil({ ...PLENTY, deadline: new Date(T0 - 1) }));
      expect(terminationStrategy.shouldTerminate(afterAttempt(1))).toBe(true);
    });

    it.each([
      { deadlineInMs: 60 * SECOND, maxAttempts: 3, requestTimeoutMs: SECOND, attempts: 3 },
      // 10 s + 0.5 s + 10 s + 0.75 s + 10 s could end at 31.25 s: the third attempt is not started.
      { deadlineInMs: 30 * SECOND, maxAttempts: 10, requestTimeoutMs: 10 * SECOND, attempts: 2 },
      { deadlineInMs: 30 * SECOND, maxAttempts: 1, requestTimeoutMs: 10 * SECOND, attempts: 1 },
      { deadlineInMs: 5 * SECOND, maxAttempts: 10, requestTimeoutMs: 10 * SECOND, attempts: 1 },
    ])(
      "makes $attempts attempt(s) against a silent service: time-out $requestTimeoutMs ms, deadline $deadlineInMs ms, at most $maxAttempts",
      ({ deadlineInMs, maxAttempts, requestTimeoutMs, attempts }) => {
        vi.spyOn(Math, "random").mockReturnValue(0);
        expect(replay({ deadline: new Date(T0 + deadlineInMs), maxAttempts, requestTimeoutMs }).attempts).toBe(
          attempts,
        );
      },
    );

    // After the first 10 s attempt, 0.25 s back-off, up to 0.25 s jitter and another 10 s attempt fit a 20.6 s
    // deadline, with 100 ms to spare.
    const tight: RetryBudget = {
      deadline: new Date(T0 + 20.6 * SECOND),
      maxAttempts: 10,
      requestTimeoutMs: 10 * SECOND,
    };

    it.each([0, 0.5])("ends every retry by the deadline (Math.random() = %s)", (random) => {
      vi.spyOn(Math, "random").mockReturnValue(random);
      const { attempts, endedAt } = replay(tight);
      expect(attempts).toBe(2);
      expect(endedAt).toBeLessThanOrEqual(20.6 * SECOND);
    });

    // The budget counts the largest jitter, so even the unluckiest draw ends in time.
    it("ends every retry by the deadline, whatever the jitter", () => {
      vi.spyOn(Math, "random").mockReturnValue(0.999);
      expect(replay(tight).endedAt).toBeLessThanOrEqual(20.6 * SECOND);
    });
  });

  describe("delay", () => {
    it.each([
      { attempt: 1, seconds: 0.25 },
      { attempt: 2, seconds: 0.5 },
      { attempt: 3, seconds: 1 },
      { attempt: 4, seconds: 2 },
      { attempt: 8, seconds: 2 },
    ])("waits $seconds s plus up to 0.25 s of jitter after attempt $attempt", ({ attempt, seconds }) => {
      const { delayStrategy } = parts(retryUntil(PLENTY));
      const random = vi.spyOn(Math, "random");
      random.mockReturnValue(0);
      expect(delayStrategy.delay(afterAttempt(attempt))).toBe(seconds);
      random.mockReturnValue(0.999);
      expect(delayStrategy.delay(afterAttempt(attempt))).toBeCloseTo(seconds + 0.24975, 10);
    });
  });

  describe("retryCondition", () => {
    it.each([
      [429, "TooManyRequests"],
      [500, "InternalServerError"],
      [503, "ServiceUnavailable"],
    ])("retries HTTP %i %s", (statusCode, serviceCode) => {
      expect(parts(retryUntil(PLENTY)).retryCondition(ociError(statusCode, serviceCode))).toBe(true);
    });

    it.each([
      [400, "InvalidParameter"],
      [404, "NotAuthorizedOrNotFound"],
      // The SDK would retry 409 IncorrectState; here the deployment is reported as not ACTIVE instead.
      [409, "IncorrectState"],
      [412, "NoEtagMatch"],
    ])("does not retry HTTP %i %s", (statusCode, serviceCode) => {
      expect(parts(retryUntil(PLENTY)).retryCondition(ociError(statusCode, serviceCode))).toBe(false);
    });
  });

  describe("after a sequence of failures", () => {
    it.each<{ name: string; options: { throttlingOnly?: boolean }; failures: Failure[]; outcomes: string[] }>([
      {
        name: "reads retry 5xx",
        options: {},
        failures: [ociError(503), ociError(500)],
        outcomes: ["retried", "retried"],
      },
      {
        name: "reads retry network errors",
        options: {},
        failures: ["network", "network"],
        outcomes: ["retried", "retried"],
      },
      { name: "reads give up on 404", options: {}, failures: [ociError(404)], outcomes: ["thrown"] },
      {
        name: "writes retry 429",
        options: { throttlingOnly: true },
        failures: [ociError(429), ociError(429)],
        outcomes: ["retried", "retried"],
      },
      // After a 5xx or a dropped connection the write may have happened: a retry would then fail its If-Match.
      {
        name: "writes give up on 503",
        options: { throttlingOnly: true },
        failures: [ociError(503)],
        outcomes: ["thrown"],
      },
      {
        name: "writes give up on 500",
        options: { throttlingOnly: true },
        failures: [ociError(500)],
        outcomes: ["thrown"],
      },
      {
        name: "writes give up on a network error",
        options: { throttlingOnly: true },
        failures: ["network"],
        outcomes: ["thrown"],
      },
      {
        // The SDK asks no retryCondition for a network error: the 429 before it must not count again.
        name: "writes give up on a network error after a 429",
        options: { throttlingOnly: true },
        failures: [ociError(429), "network"],
        outcomes: ["retried", "thrown"],
      },
      {
        name: "writes give up on 412",
        options: { throttlingOnly: true },
        failures: [ociError(412)],
        outcomes: ["thrown"],
      },
    ])("$name", ({ options, failures, outcomes }) => {
      const policy = retryUntil(PLENTY, options);
      expect(failures.map((failure, i) => afterFailure(policy, failure, i + 1))).toEqual(outcomes);
    });

    it.each([
      { name: "attempts", budget: { ...PLENTY, maxAttempts: 2 }, outcomes: ["retried", "thrown"] },
      // 0.25 s back-off plus a 1 s time-out cannot end by a deadline 0.5 s away.
      { name: "time", budget: { ...PLENTY, deadline: new Date(T0 + 500) }, outcomes: ["thrown", "thrown"] },
    ])("writes stop retrying 429 when the budget of $name runs out", ({ budget, outcomes }) => {
      const policy = retryUntil(budget, { throttlingOnly: true });
      expect([1, 2].map((attempt) => afterFailure(policy, ociError(429), attempt))).toEqual(outcomes);
    });
  });
});

describe("retries on a simulated clock (delayScale)", () => {
  it("shrinks every wait by the scale and keeps the number of attempts", () => {
    vi.spyOn(Math, "random").mockReturnValue(0.5);
    const real = parts(retryUntil(PLENTY)).delayStrategy;
    const scaled = parts(retryUntil({ ...PLENTY, delayScale: 0.01 })).delayStrategy;
    for (const attempt of [1, 2, 5]) {
      expect(scaled.delay(afterAttempt(attempt))).toBeCloseTo(real.delay(afterAttempt(attempt)) * 0.01, 10);
    }
    const stopsAt = (budget: RetryBudget) => {
      const policy = retryUntil(budget);
      let attempt = 1;
      while (afterFailure(policy, ociError(503), attempt) === "retried") attempt++;
      return attempt;
    };
    expect(stopsAt({ ...PLENTY, delayScale: 0.01 })).toBe(stopsAt(PLENTY));
  });
});
