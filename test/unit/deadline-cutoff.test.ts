import { describe, expect, it } from "vitest";
import { mapBounded } from "../../src/run/bounded-parallel";
import { startCutoff } from "../../src/run/deadline-cutoff";

const SECOND = 1_000;
const T0 = Date.parse("2026-11-24T00:00:00Z");

/** A clock that moves only when told: each deployment's work advances it by the time that work takes. */
function simulatedClock() {
  const clock = {
    nowMs: T0,
    now: () => clock.nowMs,
    async spend(ms: number) {
      await Promise.resolve();
      clock.nowMs += ms;
    },
  };
  return clock;
}

describe("startCutoff", () => {
  it.each([
    { leftMs: 30 * SECOND, starts: true },
    { leftMs: 10 * SECOND, starts: true },
    // Less than one request time-out left: a deployment started now could not finish its first call in time.
    { leftMs: 10 * SECOND - 1, starts: false },
    { leftMs: 0, starts: false },
    { leftMs: -SECOND, starts: false },
  ])("with $leftMs ms left and a 10 s request time-out, starts: $starts", ({ leftMs, starts }) => {
    const clock = simulatedClock();
    const mayStart = startCutoff(new Date(T0 + leftMs), 10 * SECOND, clock.now);
    expect(mayStart()).toBe(starts);
  });

  it("stops starting deployments once less than one request time-out is left before the answer is due", async () => {
    const clock = simulatedClock();
    // Answer due in 30 s, 10 s request time-out, one at a time, 4 s per deployment: started at 0, 4, … 20 s
    // (10 s or more left); at 24 s only 6 s are left, so the last four are not started.
    const mayStart = startCutoff(new Date(T0 + 30 * SECOND), 10 * SECOND, clock.now);
    const started: number[] = [];
    const outcomes = await mapBounded(
      Array.from({ length: 10 }, (_, i) => i),
      1,
      async (item) => {
        started.push((clock.nowMs - T0) / SECOND);
        await clock.spend(4 * SECOND);
        return item;
      },
      mayStart,
    );
    expect(started).toEqual([0, 4, 8, 12, 16, 20]);
    expect(outcomes.map((o) => o.status)).toEqual([
      ...Array<string>(6).fill("fulfilled"),
      ...Array<string>(4).fill("not-started"),
    ]);
  });

  it("lets work already started finish, and starts nothing after the cutoff in any worker", async () => {
    const clock = simulatedClock();
    const mayStart = startCutoff(new Date(T0 + 15 * SECOND), 10 * SECOND, clock.now);
    const outcomes = await mapBounded(
      ["a", "b", "c", "d", "e"],
      2,
      async (item) => {
        await clock.spend(6 * SECOND);
        return item.toUpperCase();
      },
      mayStart,
    );
    // a and b start at 0 s with 15 s left; when either finishes (6 s or later) 9 s or less are left: nothing else starts.
    expect(outcomes).toEqual([
      { status: "fulfilled", value: "A" },
      { status: "fulfilled", value: "B" },
      { status: "not-started" },
      { status: "not-started" },
      { status: "not-started" },
    ]);
  });
});
