import { beforeAll, describe, expect, it } from "vitest";
import { type DayResult, playDay } from "../../commands/demo/play-day";
import { traceMinute } from "../../commands/demo/sample-day";
import { READY_MARK, secondMorning } from "../../commands/demo/second-morning";
import { forecastSummary, timelineLines } from "../../commands/demo/timeline";
import { DEFAULT_ASSUMPTIONS } from "../../commands/simulate/assumptions";
import { FORECAST_TICK, type ThisDecision } from "../../commands/simulate/policies/this";
import { simulationSvg } from "../../commands/simulate/svg";

/** Checks that every tag is closed in order and attribute values are quoted: enough to tell a broken SVG. */
function assertWellFormedXml(xml: string): void {
  const open: string[] = [];
  for (const [, closing, name, attributes, selfClosing] of xml.matchAll(/<(\/?)([\w:-]+)([^<>]*?)(\/?)>/g)) {
    expect(attributes?.replace(/\s+[\w:-]+="[^"<>]*"/g, "").trim() ?? "", `attributes of <${name}>`).toBe("");
    if (selfClosing) continue;
    if (closing) expect(open.pop(), `</${name}>`).toBe(name);
    else open.push(name ?? "");
  }
  expect(open).toEqual([]);
  expect(xml.replace(/<[^<>]*>/g, "")).not.toMatch(/[<>]/);
}

const changes = (timeline: ThisDecision[]) => timeline.filter((d) => d.result.outcome === "updated");
/** Minutes from the trace's start (Monday 06:00) to a time on Monday (day 0) or Tuesday (day 1). */
const at = (hours: number, day = 0) => traceMinute(day, hours * 60);

describe("npm run demo: the sample day through the simulator", () => {
  let day: DayResult;
  beforeAll(async () => {
    day = await playDay();
  });

  it("tells the day's topic of every change it made, once each", () => {
    const made = changes(day.timeline);
    expect(made.length).toBeGreaterThan(0);
    expect(made.every((d) => d.result.notification === "sent")).toBe(true);
    const ids = made.map((d) => d.result.notificationMessageId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("plays the day with the function's default configuration and the simulator's update duration", () => {
    const { simulation } = day;
    expect(simulation.assumptions).toEqual(DEFAULT_ASSUMPTIONS);
    expect(simulation.runs.map((r) => r.figures.name)).toEqual(["this", "oci-autoscaling", "sample-2022", "ideal"]);
    const updates = simulation.runs[0]?.updates ?? [];
    expect(updates.length).toBeGreaterThan(0);
    // Every update keeps the deployment UPDATING for the default 10 minutes before its capacity serves.
    for (const u of updates) expect(u.doneMinute - u.minute).toBe(DEFAULT_ASSUMPTIONS.updateMinutes);
    // The default cooldowns hold repeats that come after an update finished.
    expect(day.timeline.some((d) => d.result.reasonCode === "CoolingDown")).toBe(true);
    expect(day.timeline.some((d) => d.result.reasonCode === "NotActive")).toBe(true);
  });

  it("tells the morning, the lunch-time fall, the afternoon memory and the evening in the function's decisions", () => {
    const monday = changes(day.timeline).filter((d) => d.minute < at(24));
    const made = monday.map((d) => ({ minute: d.minute, title: d.title, ...d.result }));
    const morning = made.filter((d) => d.minute < at(12) && d.action === "instance-up");
    // The surge is met in load-proportional steps (the messages carry the observed CPU), not one by one.
    expect(morning[0]).toMatchObject({ title: "model_deployment_high_cpu", from: 1, to: 2 });
    expect(morning.some((d) => Number(d.to) - Number(d.from) > 1)).toBe(true);
    const lunch = made.filter((d) => d.minute >= at(12) && d.minute < at(14));
    expect(lunch.every((d) => d.title === "model_deployment_low_cpu" && d.action === "instance-down")).toBe(true);
    // Back at the floor, the low-CPU alarm the function created is deleted.
    expect(lunch.at(-1)).toMatchObject({ to: 1, scaleDownAlarm: "deleted" });
    const afternoon = made.filter((d) => d.minute >= at(14) && d.minute < at(18));
    expect(afternoon.map((d) => [d.action, d.from, d.to])).toEqual([
      ["shape-up", "VM.Standard2.1", "VM.Standard2.2"],
      ["shape-down", "VM.Standard2.2", "VM.Standard2.1"],
    ]);
    const evening = made.filter((d) => d.minute >= at(18) && d.minute < at(24));
    expect(evening[0]).toMatchObject({ action: "instance-up", from: 1 });
    expect(evening.at(-1)).toMatchObject({ action: "instance-down", to: 1 });
  });

  it("prints one line per change and one per run of refused repeats: time, alarm, decision, reason", () => {
    const lines = timelineLines(day.timeline, DEFAULT_ASSUMPTIONS.updateMinutes);
    expect(lines[0]).toMatch(
      /^Mon 08:\d\d +high CPU OK_TO_FIRING \d+% +instance-up 1 → 2, serving Mon 08:\d\d +ScaledUp; scale-down alarm created; notified$/,
    );
    expect(lines).toContainEqual(expect.stringMatching(/ ×\d +instance-up skipped, to Mon \d\d:\d\d +NotActive/));
    expect(lines.length).toBe(
      changes(day.timeline).length + lines.filter((l) => / skipped(, to \w{3} \d\d:\d\d)? /.test(l)).length,
    );
    expect(lines.length).toBeLessThan(day.timeline.length);
  });

  it("sends the forecast schedule's body every hour of both days, and sums up the ticks in one line", () => {
    const notes = day.simulation.runs[0]?.notes ?? {};
    // Monday 06:00 to 23:00, Tuesday 00:00 to 23:00.
    expect(notes.forecastTicks).toBe(18 + 24);
    expect(forecastSummary(day.timeline, notes)).toMatch(/^42 forecast ticks \(hourly\): \d+ scaled out/);
  });

  it("is ready before Tuesday's surge: a forecast tick from Monday's history scales out before 08:00", () => {
    const morning = secondMorning(day.timeline, day.simulation);
    const tick = morning.readyTick;
    expect(tick).toMatchObject({
      type: FORECAST_TICK,
      result: { outcome: "updated", reasonCode: "ForecastScaledOut" },
    });
    expect(tick?.minute).toBeGreaterThanOrEqual(at(0, 1));
    // Serving before the surge: accepted, plus one update, by 08:00.
    expect((tick?.minute ?? Infinity) + DEFAULT_ASSUMPTIONS.updateMinutes).toBeLessThanOrEqual(at(8, 1));
    expect(Number(tick?.result.to)).toBeGreaterThan(Number(tick?.result.from));
    // Monday met the surge with the alarms alone; Tuesday's morning has less overload.
    const [monday = 0, tuesday = 0] = morning.morningOverload;
    expect(monday).toBeGreaterThan(0);
    expect(tuesday).toBeLessThan(monday);
    // Monday had no history: its ticks forecast nothing.
    expect(
      day.timeline
        .filter((d) => d.type === FORECAST_TICK && d.minute < at(24))
        .every((d) => d.result.outcome !== "updated"),
    ).toBe(true);
    const lines = timelineLines(day.timeline, DEFAULT_ASSUMPTIONS.updateMinutes, (d) =>
      d === tick ? READY_MARK : undefined,
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^Tue 0[67]:\d\d +forecast tick +instance-up \d+ → \d+, serving Tue 0[67]:\d\d +ForecastScaledOut.*◀ ready before the surge$/,
      ),
    );
  });

  it("charts demand and every policy's instances, this and oci-autoscaling included, as a well-formed SVG", () => {
    const svg = simulationSvg(day.simulation, "npm run demo");
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    assertWellFormedXml(svg);
    for (const name of ["this", "oci-autoscaling"]) expect(svg).toContain(`>${name}</text>`);
  });
});
