import { describe, expect, it } from "vitest";
import { type ForecastInput, forecastNeed } from "../../../src/scalers/forecast-need";

const MINUTE = 60_000;
/** Tuesday 2026-12-08 00:00 UTC; the seven days before it are Tue 1 … Mon 7 (Sat 5 and Sun 6 the weekend). */
const DAY8 = Date.parse("2026-12-08T00:00:00Z");

/** Per-minute load over the `days` days before DAY8, from a function of (day index back, minute of day). */
function history(days: number, load: (daysBack: number, minuteOfDay: number) => number | undefined) {
  const map = new Map<number, number>();
  for (let m = -days * 1440; m < 0; m++) {
    const value = load(Math.ceil(-m / 1440), ((m % 1440) + 1440) % 1440);
    if (value !== undefined) map.set(DAY8 / MINUTE + m, value);
  }
  return map;
}

const surgeAt8 = (level: number) => (_: number, minute: number) => (minute >= 480 && minute < 570 ? level : 0.6);

function input(load: Map<number, number>, at: string, overrides: Partial<ForecastInput> = {}): ForecastInput {
  const [h, m] = at.split(":").map(Number);
  return {
    load,
    now: new Date(DAY8 + ((h ?? 0) * 60 + (m ?? 0)) * MINUTE),
    periodMinutes: 75,
    timeZone: "UTC",
    days: 7,
    perInstance: 0.6,
    minInstances: 1,
    missingIsZero: false,
    ...overrides,
  };
}

describe("forecastNeed", () => {
  it.each([
    // [what, history, at, kind, need]
    ["a surge every morning, an hour ahead", history(7, surgeAt8(2.4)), "07:00", "need", 4],
    ["the same surge, when the period ends before it", history(7, surgeAt8(2.4)), "06:00", "no-rhythm", undefined],
    ["a flat load", history(7, () => 1.2), "07:00", "no-rhythm", undefined],
    [
      "bursts every two hours: a rise in every period, at every hour",
      history(7, (_, m) => (m % 120 >= 30 && m % 120 < 50 ? 2.4 : 0.6)),
      "07:00",
      "no-rhythm",
      undefined,
    ],
    [
      "a surge on one day only (a spike)",
      history(7, (d, m) => (d === 2 && m >= 480 && m < 500 ? 6 : 0.6)),
      "07:00",
      "no-rhythm",
      undefined,
    ],
    [
      "a rise on 2 of 7 days (less than half)",
      history(7, (d, m) => ([1, 4].includes(d) && m >= 480 && m < 570 ? 2.4 : 0.6)),
      "07:00",
      "no-rhythm",
      undefined,
    ],
    [
      "a rise on 4 of 5 weekdays, weekends quiet (more than half)",
      history(7, (d, m) => ([1, 4, 5, 6].includes(d) && m >= 480 && m < 570 ? 2.4 : 0.6)),
      "07:00",
      "need",
      4,
    ],
    ["a rise smaller than half an instance", history(7, surgeAt8(0.85)), "07:00", "no-rhythm", undefined],
    ["one day of history that rose: yesterday's morning", history(1, surgeAt8(2.4)), "07:00", "need", 4],
    [
      "a surge on one day of seven",
      history(7, (d, m) => (d === 1 && m >= 480 && m < 570 ? 2.4 : 0.6)),
      "07:00",
      "no-rhythm",
      undefined,
    ],
    ["no history", new Map<number, number>(), "07:00", "too-little-history", undefined],
    [
      "one day without the 15 minutes before the period",
      history(1, surgeAt8(2.4)),
      "00:00",
      "too-little-history",
      undefined,
    ],
    ["four days", history(4, surgeAt8(2.4)), "07:00", "need", 4],
  ] as const)("%s", (_, load, at, kind, need) => {
    const forecast = forecastNeed(input(load, at));
    expect(forecast.kind).toBe(kind);
    if (need !== undefined) expect(forecast).toMatchObject({ need });
  });

  it("sizes by the second-highest day, so one odd day neither makes nor sizes a forecast", () => {
    const load = history(7, (d, m) => (m >= 480 && m < 570 ? (d === 1 ? 9 : d === 2 ? 3 : 2.4) : 0.6));
    expect(forecastNeed(input(load, "07:00"))).toMatchObject({ kind: "need", need: 5, load: 3 });
  });

  it("smooths over 5 minutes: a one-minute blip of a day does not size the need", () => {
    const load = history(7, (_, m) => (m === 480 ? 6 : m > 480 && m < 570 ? 1.8 : 0.6));
    const forecast = forecastNeed(input(load, "07:00"));
    expect(forecast).toMatchObject({ kind: "need" });
    // (6 + 4 × 1.8) / 5 = 2.64 at 08:04, not 6: 5 instances, not 10.
    expect(forecast.kind === "need" && forecast.need).toBe(5);
  });

  it("forecasts weekdays from weekdays, and weekends from weekends, when the two differ", () => {
    // Fourteen days before DAY8 + 7: a surge every weekday morning, weekends quiet.
    const end = DAY8 + 7 * 1440 * MINUTE;
    const load = new Map<number, number>();
    for (let m = -14 * 1440; m < 0; m++) {
      const at = new Date(end + m * MINUTE);
      const weekend = at.getUTCDay() === 0 || at.getUTCDay() === 6;
      const minute = at.getUTCHours() * 60 + at.getUTCMinutes();
      load.set(at.getTime() / MINUTE, !weekend && minute >= 480 && minute < 570 ? 2.4 : 0.6);
    }
    const at7 = (day: number) => new Date(DAY8 + (day * 1440 + 7 * 60) * MINUTE);
    // Tuesday 15th: the five weekdays before say 4; the weekend is left out.
    const tuesday = forecastNeed(input(load, "07:00", { now: at7(7) }));
    expect(tuesday).toMatchObject({ kind: "need", need: 4, split: true });
    expect(tuesday.days.every((d) => !d.weekend)).toBe(true);
    // Sunday 13th: only Saturday 12th and Sunday 6th count, and neither rose.
    const sunday = forecastNeed(input(load, "07:00", { now: at7(5) }));
    expect(sunday).toMatchObject({ kind: "no-rhythm", split: true });
    expect(sunday.days.map((d) => d.weekend)).toEqual([true, true]);
  });

  it("forecasts no weekend day before the history holds one", () => {
    const saturday = new Date(DAY8 - 3 * 1440 * MINUTE + 7 * 60 * MINUTE);
    const forecast = forecastNeed(input(history(7, surgeAt8(2.4)), "07:00", { now: saturday }));
    expect(forecast).toMatchObject({ kind: "too-little-history" });
    expect(forecast.explanation).toContain("no earlier weekend day");
  });

  it("keeps weekdays and weekends together when they do not differ", () => {
    expect(forecastNeed(input(history(7, surgeAt8(2.4)), "07:00"))).toMatchObject({ kind: "need", split: false });
  });

  it("counts minutes without requests as none, and needs the deployment to have existed then", () => {
    const requests = history(7, (_, m) => (m >= 480 && m < 570 ? 3000 : undefined));
    const perRequests = { perInstance: 600, missingIsZero: true };
    expect(forecastNeed(input(requests, "07:00", perRequests))).toMatchObject({ kind: "need", need: 5 });
    const cpu = forecastNeed(input(requests, "07:00", { missingIsZero: false }));
    expect(cpu.kind).toBe("too-little-history");
  });

  it("reads the time of day in the schedule's time zone, across a daylight-saving change", () => {
    // New York: the surge at 08:00 local is 13:00 UTC before the 2026-11-01 change and 14:00 after it.
    const now = new Date(Date.parse("2026-11-03T12:00:00Z")); // 07:00 EST
    const load = new Map<number, number>();
    for (let m = -7 * 1440; m < 0; m++) {
      const at = new Date(now.getTime() + m * MINUTE);
      const local = Number(
        new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York", hour: "numeric", hourCycle: "h23" }).format(
          at,
        ),
      );
      load.set(at.getTime() / MINUTE, local >= 8 && local < 10 ? 2.4 : 0.6);
    }
    const forecast = forecastNeed(input(load, "00:00", { now, timeZone: "America/New_York" }));
    expect(forecast).toMatchObject({ kind: "need", need: 4 });
  });
});
