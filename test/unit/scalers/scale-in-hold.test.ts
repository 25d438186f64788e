import { describe, expect, it } from "vitest";
import { peakOf } from "../../../src/oci/load-history";
import { isoDurationMinutes, loadConfig } from "../../../src/policy/config";
import { ScalingAction } from "../../../src/results/decision";
import { instanceCountChange } from "../../../src/scalers/instance-count";
import {
  countThePeakNeeds,
  holdByForecast,
  holdInstanceScaleIn,
  holdShapeDown,
} from "../../../src/scalers/scale-in-hold";

const config = loadConfig({});
const AT = new Date("2026-12-01T10:42:00Z");
const down = (from: number, to: number) =>
  instanceCountChange(ScalingAction.InstanceDown, from, to, "ScaledDown", "", to > 1 ? "ensure" : "delete");

describe("the count a window's peak needs", () => {
  it.each([
    // CPU in instances' worth at the 60 % target: the proportional rule's answer at the peak minute.
    { metric: "CpuUtilization", peak: 1.8, need: 3 }, // exactly 3 at 60 %, not 4 from floating point
    { metric: "CpuUtilization", peak: 1.81, need: 4 },
    { metric: "CpuUtilization", peak: 0.1, need: 1 }, // never below MIN_INSTANCES
    { metric: "CpuUtilization", peak: 4, need: 7 }, // four saturated instances say "at least 4": 7 at the target
    // Requests per minute at 600 per instance.
    { metric: "PredictRequestCount", peak: 1200, need: 2 },
    { metric: "PredictRequestCount", peak: 1201, need: 3 },
  ] as const)("$metric peak $peak needs $need", ({ metric, peak, need }) => {
    expect(countThePeakNeeds(metric, { value: peak, at: AT }, config)).toBe(need);
  });
});

describe("an instance scale-in held by the window's peak", () => {
  it.each([
    { name: "no history: unchanged", from: 5, to: 4, peak: undefined, expected: { kind: "change", to: 4 } },
    { name: "the peak needs no more: unchanged", from: 5, to: 4, peak: 2.4, expected: { kind: "change", to: 4 } },
    {
      name: "the peak needs the count there is: held",
      from: 5,
      to: 4,
      peak: 2.9,
      expected: { kind: "no-change", reason: "ScaleInStabilized", from: 5 },
    },
    {
      name: "the peak needs more than there is: held, never a scale-up",
      from: 5,
      to: 4,
      peak: 9,
      expected: { kind: "no-change", reason: "ScaleInStabilized" },
    },
    {
      name: "the peak needs some: a smaller step",
      from: 8,
      to: 4,
      peak: 3.5,
      expected: { kind: "change", to: 6, reason: "ScaledDown", change: { instanceCount: 6 }, scaleDownAlarm: "ensure" },
    },
  ])("$name", ({ from, to, peak, expected }) => {
    const decided = holdInstanceScaleIn(
      down(from, to),
      "CpuUtilization",
      peak === undefined ? undefined : { value: peak, at: AT },
      "PT1H",
      config,
    );
    expect(decided).toMatchObject(expected);
  });

  it("says which peak held it, and when", () => {
    const held = holdInstanceScaleIn(down(5, 4), "CpuUtilization", { value: 2.9, at: AT }, "PT1H", config);
    expect(held.message).toBe(
      "held at 5: the peak of the last PT1H, 2.9 instances' worth of CPU at 2026-12-01T10:42:00.000Z, needs 5 instance(s)",
    );
  });
});

describe("a shape-down held by the window's peak memory", () => {
  const shapeDown = {
    kind: "change",
    action: ScalingAction.ShapeDown,
    from: "VM.Standard2.2",
    to: "VM.Standard2.1",
    change: { shapeName: "VM.Standard2.1" },
    reason: "ScaledDown",
    message: "shape VM.Standard2.2 -> VM.Standard2.1",
    scaleDownAlarm: "delete",
  } as const;

  it.each([
    { peak: undefined, held: false },
    { peak: 35.9, held: false },
    { peak: 36, held: true },
  ])("peak $peak % against the low threshold 36 %: held $held", ({ peak, held }) => {
    const decided = holdShapeDown(shapeDown, peak === undefined ? undefined : { value: peak, at: AT }, "PT1H", 36);
    expect(decided.kind).toBe(held ? "no-change" : "change");
  });
});

describe("peaks of SummarizeMetricsData streams", () => {
  // The SDK's models.MetricData, as SummarizeMetricsData answers it.
  const stream = (instanceId: string, points: Array<[string, number]>) => ({
    namespace: "oci_datascience_modeldeploy",
    compartmentId: "ocid1.compartment.oc1..example",
    name: "CpuUtilization",
    dimensions: { instanceId },
    aggregatedDatapoints: points.map(([timestamp, value]) => ({ timestamp: new Date(timestamp), value })),
  });

  it("sums the instances' CPU per minute (instances' worth), then takes the highest minute", () => {
    const peak = peakOf(
      [
        stream("a", [
          ["2026-12-01T10:00:00Z", 90],
          ["2026-12-01T10:01:00Z", 40],
        ]),
        stream("b", [
          ["2026-12-01T10:00:00Z", 80],
          ["2026-12-01T10:01:00Z", 100],
        ]),
      ],
      "sum-over-streams",
    );
    expect(peak?.value).toBeCloseTo(1.7, 9);
    expect(peak?.at).toEqual(new Date("2026-12-01T10:00:00Z"));
  });

  it("takes the highest stream per minute for memory, and nothing from no points", () => {
    const memory = [stream("a", [["2026-12-01T10:00:00Z", 50]]), stream("b", [["2026-12-01T10:00:00Z", 70]])];
    expect(peakOf(memory, "max-over-streams")?.value).toBe(70);
    expect(peakOf([], "sum-over-streams")).toBeUndefined();
  });
});

describe("SCALE_IN_STABILIZATION", () => {
  it.each([
    ["PT0S", 0],
    ["PT1H", 60],
    ["PT90M", 90],
    ["P1DT2H", 1560],
    ["P7D", 10080],
    ["PT", undefined],
    ["1h", undefined],
  ])("%s is %s minutes", (value, minutes) => {
    expect(isoDurationMinutes(value)).toBe(minutes);
  });

  it("refuses more than the 7 days one SummarizeMetricsData request returns at 1 minute", () => {
    expect(() => loadConfig({ SCALE_IN_STABILIZATION: "P8D" })).toThrow(/at most 7 days/);
    expect(loadConfig({ SCALE_IN_STABILIZATION: "PT0S" }).SCALE_IN_STABILIZATION).toBe("PT0S");
  });
});

describe("an instance scale-in held by the forecast for the coming period", () => {
  const forecast = (need: number) => ({ need, explanation: `needs ${need} instance(s)` });
  it.each([
    { name: "no forecast: unchanged", from: 6, to: 5, need: undefined, expected: { kind: "change", to: 5 } },
    { name: "the forecast needs no more: unchanged", from: 6, to: 5, need: 5, expected: { kind: "change", to: 5 } },
    {
      name: "the forecast needs the count there is: held",
      from: 6,
      to: 5,
      need: 6,
      expected: { kind: "no-change", reason: "ScaleInForecastHeld", from: 6 },
    },
    {
      name: "the forecast needs more than there is: held, never a scale-up",
      from: 6,
      to: 5,
      need: 9,
      expected: { kind: "no-change", reason: "ScaleInForecastHeld", from: 6 },
    },
    {
      name: "the forecast needs some: a smaller step",
      from: 8,
      to: 4,
      need: 6,
      expected: { kind: "change", to: 6, reason: "ScaledDown", scaleDownAlarm: "ensure" },
    },
  ])("$name", ({ from, to, need, expected }) => {
    const decision = holdByForecast(down(from, to), need === undefined ? undefined : forecast(need), 1);
    expect(decision).toMatchObject(expected);
  });

  it("leaves a decision that is no longer a change alone", () => {
    const held = holdInstanceScaleIn(down(5, 4), "CpuUtilization", { value: 2.9, at: AT }, "PT15M", config);
    expect(holdByForecast(held, forecast(9), 1)).toBe(held);
  });
});
