import { describe, expect, it } from "vitest";
import { dayChart } from "../../scripts/demo/day-chart";
import { type DayResult, playDay } from "../../scripts/demo/play-day";
import { timelineLine } from "../../scripts/demo/timeline";
import { DEFAULT_ENTRY } from "../support/fn-runner";

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

describe("npm run demo (the morning and the lunch-time fall)", () => {
  let day: DayResult;

  it("plays the alarms through the function: rising load scales out step by step, then the low alarm scales back in", async () => {
    day = await playDay({ entry: DEFAULT_ENTRY, from: 8 * 60, to: 13 * 60 });
    const fraud = day.timeline.filter((e) => e.deployment === "fraud-scoring");
    const line = (e: (typeof fraud)[number]) =>
      [e.title, e.type, e.decision, e.outcome, e.reasonCode, e.instances].filter((x) => x !== undefined).join(" ");
    expect(fraud.map(line)).toEqual([
      "model_deployment_high_cpu OK_TO_FIRING instance-up updated ScaledUp 2",
      // The message carries the observed CPU (v1.5 metricValues): the step is proportional to the load, 2 -> 4.
      "model_deployment_high_cpu REPEAT instance-up updated ScaledUp 4",
      // MAX_INSTANCES is 4 in the demo: the peak's repeats are refused
      ...fraud
        .filter((e) => e.reasonCode === "AtMaxInstances")
        .map(() => "model_deployment_high_cpu REPEAT instance-up skipped AtMaxInstances 4"),
      "model_deployment_high_cpu FIRING_TO_OK ignored 4",
      "model_deployment_low_cpu OK_TO_FIRING instance-down updated ScaledDown 3",
      "model_deployment_low_cpu REPEAT instance-down updated ScaledDown 2",
      "model_deployment_low_cpu REPEAT instance-down updated ScaledDown 1",
    ]);
    expect(fraud.filter((e) => e.reasonCode === "AtMaxInstances").length).toBeGreaterThan(0);
    // the low-CPU alarm the function created at the first step up, and deleted back at the floor
    expect(fraud.map((e) => e.scaleDownAlarm).filter((a) => a === "created" || a === "deleted")).toEqual([
      "created",
      "deleted",
    ]);
    expect(day.calls).toBe(day.timeline.length);
    expect(timelineLine(fraud[0] as (typeof fraud)[number])).toMatch(
      /^08:\d\d +high CPU OK_TO_FIRING 100% +fraud-scoring +instance-up \(ScaledUp\) +2 × VM.Standard2.1 +created$/,
    );
  });

  it("charts instances and shapes as a well-formed SVG", () => {
    const svg = dayChart(day.series);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    assertWellFormedXml(svg);
    expect(svg).toContain("fraud-scoring");
    expect(svg).toContain("VM.Standard2.1");
    expect(day.series.get("fraud-scoring")?.map((p) => p.instances)).toContain(4);
  });
});
