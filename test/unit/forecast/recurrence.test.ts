import { describe, expect, it } from "vitest";
import { nextRunAfter } from "../../../src/scalers/recurrence";

describe("nextRunAfter", () => {
  it.each([
    ["0 * * * *", "2026-12-08T07:00:00Z", "UTC", "2026-12-08T08:00:00.000Z"],
    ["0 * * * *", "2026-12-08T07:59:30Z", "UTC", "2026-12-08T08:00:00.000Z"],
    ["*/15 * * * *", "2026-12-08T07:01:00Z", "UTC", "2026-12-08T07:15:00.000Z"],
    ["30 8-17 * * 1-5", "2026-12-11T17:45:00Z", "UTC", "2026-12-14T08:30:00.000Z"],
    ["0 8 * * *", "2026-12-08T07:00:00Z", "Europe/Paris", "2026-12-09T07:00:00.000Z"],
    ["0,30 * * * 7", "2026-12-12T23:50:00Z", "UTC", "2026-12-13T00:00:00.000Z"],
  ])("%s after %s in %s is %s", (cron, after, zone, next) => {
    expect(nextRunAfter(cron, new Date(after), zone)?.toISOString()).toBe(next);
  });

  it.each(["FREQ=HOURLY", "0 * * *", "61 * * * *", "a * * * *", "0 0 31 2 *"])("reads nothing from %s", (cron) => {
    expect(nextRunAfter(cron, new Date("2026-12-08T07:00:00Z"), "UTC")).toBeUndefined();
  });
});
