import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/policy/config";
import type { ChangeDecision } from "../../src/results/decision";
import { Reason } from "../../src/results/reasons";
import { cooldownAfterFinishedChange } from "../../src/run/scaling-state";

const config = loadConfig({ SCALE_UP_COOLDOWN_SECONDS: "300", SCALE_DOWN_COOLDOWN_SECONDS: "600" });
const T0 = Date.parse("2026-11-30T10:00:00Z");
const minutes = (m: number) => new Date(T0 + m * 60_000);
const change = (from: number, to: number, reason: ChangeDecision["reason"] = Reason.ScaledUp): ChangeDecision => ({
  kind: "change",
  action: to > from ? "instance-up" : "instance-down",
  from,
  to,
  change: { instanceCount: to },
  reason,
  message: "",
  scaleDownAlarm: "none",
});

describe("cooldownAfterFinishedChange", () => {
  it.each([
    // 1 -> 2 accepted at 0, ACTIVE at +8: the REPEAT at +10 sees load from before the change.
    { name: "up, 2 min after the last change finished", decision: change(2, 3), finished: 8, now: 10, blocked: true },
    { name: "up, 5 min after", decision: change(2, 3), finished: 8, now: 13, blocked: false },
    {
      name: "down, 9 min after (10 min cooldown)",
      decision: change(3, 2, Reason.ScaledDown),
      finished: 0,
      now: 9,
      blocked: true,
    },
    { name: "down, 10 min after", decision: change(3, 2, Reason.ScaledDown), finished: 0, now: 10, blocked: false },
    { name: "no change has finished yet", decision: change(2, 3), finished: undefined, now: 0, blocked: false },
    // A count outside the bounds is brought inside at once: the bounds are hard.
    {
      name: "a bounds correction",
      decision: change(20, 10, Reason.BroughtWithinBounds),
      finished: 8,
      now: 9,
      blocked: false,
    },
  ])("$name: blocked $blocked", ({ decision, finished, now, blocked }) => {
    const finishedAt = finished === undefined ? undefined : minutes(finished);
    const held = cooldownAfterFinishedChange(decision, finishedAt, config, minutes(now));
    expect(held?.reason).toBe(blocked ? Reason.CoolingDown : undefined);
    if (held) expect(held.message).toContain(minutes(finished as number).toISOString());
  });
});
