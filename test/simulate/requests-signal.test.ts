/** --signal requests: setup --requests' alarms, PredictRequestCount sums, and the low-request alarm's absent(). */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_ASSUMPTIONS } from "../../commands/simulate/assumptions";
import { parseSimulateArgs } from "../../commands/simulate/cli";
import { AlarmEvaluator, absentValue, parseQuery, windowValue } from "../../commands/simulate/monitoring";
import { OCI_AUTOSCALING_DEFAULTS, ociAutoscalingPolicy } from "../../commands/simulate/policies/oci-autoscaling";
import { thisPolicy } from "../../commands/simulate/policies/this";
import { runPolicy } from "../../commands/simulate/run";
import type { Trace } from "../../commands/simulate/trace";

const ID = "ocid1.datasciencemodeldeployment.oc1.iad.x";
const STREAM = `PredictRequestCount[1m]{resourceId = "${ID}"}.groupBy(resourceId)`;
const LOW = `${STREAM}.sum() < 1080 || ${STREAM}.absent(72h) == 1`;
const N = Number.NaN;

describe("monitoring: request alarms", () => {
  it("parses setup's high-requests query and the function's joined low-request query", () => {
    expect(parseQuery(`${STREAM}.sum() > 66`)).toMatchObject({ statistic: "sum", above: true, threshold: 66 });
    expect(parseQuery(LOW)).toMatchObject({
      metric: "PredictRequestCount",
      statistic: "sum",
      above: false,
      threshold: 1080,
      orAbsent: { periodMinutes: 72 * 60 },
    });
    // absent() without a period: "The default absence detection period is two hours."
    expect(parseQuery(`${STREAM}.sum() < 5 || ${STREAM}.absent() == 1`)?.orAbsent).toEqual({ periodMinutes: 120 });
    // An absence on another stream, another comparison, or a third part is not understood.
    expect(parseQuery(`${STREAM}.sum() < 5 || CpuUtilization[1m].absent() == 1`)).toBeUndefined();
    expect(parseQuery(`${STREAM}.sum() < 5 || ${STREAM}.absent() == 0`)).toBeUndefined();
    expect(parseQuery(`${LOW} || ${STREAM}.absent() == 1`)).toBeUndefined();
  });

  it("a window without a point has no value; sum adds the points there are", () => {
    expect(windowValue([N, 5, N, 7], 3, 3, "sum")).toBe(12);
    expect(windowValue([N, 5, N, 7], 3, 3, "mean")).toBe(6);
    expect(windowValue([4, N, N], 2, 2, "sum")).toBeNaN();
  });

  it("absent() is 1 for the first `period` minutes without a point, then no value; 0 when there is one", () => {
    const series = [10, N, N, N, N, 3];
    expect([0, 1, 2, 3, 4, 5].map((m) => absentValue(series, m, 1, 3))).toEqual([0, 1, 1, 1, N, 0]);
    // A 2-minute window is absent only once both its minutes are.
    expect([1, 2].map((m) => absentValue(series, m, 2, 3))).toEqual([0, 1]);
  });

  it("the joined alarm fires on a low sum or on absence, and clears when the absence detection period ends", () => {
    const query = `${STREAM}.sum() < 100 || ${STREAM}.absent(3m) == 1`;
    const requests = [500, 50, 500, N, N, N, N, N, 500];
    const evaluator = new AlarmEvaluator();
    const sent = requests.map((_, m) => {
      const fired = evaluator.evaluate({ id: "low", query, pendingDuration: "PT1M" }, () => requests, m);
      return fired ? `${fired.type} ${fired.value}` : "-";
    });
    expect(sent).toEqual([
      "-",
      "OK_TO_FIRING 50",
      "FIRING_TO_OK 500",
      "OK_TO_FIRING 1",
      "-",
      "-",
      "FIRING_TO_OK NaN",
      "-",
      "-",
    ]);
  });
});

function trace(requests: number[]): Trace {
  const perMinute = Float64Array.from(requests);
  return {
    name: "t",
    startMs: Date.parse("2026-03-02T08:00:00Z"),
    demand: perMinute.map((r) => r / 100),
    requests: perMinute,
    loadColumn: "requests_per_minute",
  };
}

/** A run on request alarms: the trace's requests at 100 per instance, from `initial` instances. */
function requestsContext(requests: number[], initial: number) {
  return {
    trace: trace(requests),
    assumptions: DEFAULT_ASSUMPTIONS,
    initialInstances: initial,
    config: {},
    signal: "requests" as const,
    requestsPerInstance: 100,
  };
}

async function changes(requests: number[], initial: number): Promise<[number, number][]> {
  const { serving } = await runPolicy(thisPolicy, requestsContext(requests, initial));
  const out: [number, number][] = [];
  serving.forEach((s, m) => {
    if (m > 0 && s !== serving[m - 1]) out.push([m, s]);
  });
  return out;
}

describe("this with --signal requests: the alarms setup --requests creates, on the emulator", () => {
  it("scales out on the request rate, not on a CPU capped at 100 %", async () => {
    // TARGET_REQUESTS_PER_INSTANCE = 100 × 60 % = 60; the high-requests alarm (ceil(60 × 1.1) = 66) fires
    // from minute 0 but 120 on 2 is on target. At 60, 480 requests/min: ceil(480 / 60) = 8, bounded by
    // MAX_SCALE_UP_STEP (4) to 6, serving at 70; the REPEAT at 75 (after the cooldown) takes it to 8.
    expect(await changes([...Array(60).fill(120), ...Array(40).fill(480)], 2)).toEqual([
      [70, 6],
      [85, 8],
    ]);
  });

  it("scales in to the floor when the traffic stops, through the low-request alarm's absent()", async () => {
    // Out to 8 as above; the requests stop at 40; the low-request alarm the function created fires after its
    // its pending duration (first step decided at 59), then scales in one instance per firing, one every 20 minutes
    // (update + cooldown).
    const steps = await changes([...Array(40).fill(480), ...Array(200).fill(0)], 2);
    expect(steps.slice(0, 2)).toEqual([
      [10, 6],
      [25, 8],
    ]);
    expect(steps.slice(2)).toEqual([7, 6, 5, 4, 3, 2, 1].map((n, i) => [69 + 20 * i, n]));
  });

  it("needs a trace with requests and a rate per instance", async () => {
    const context = {
      trace: { ...trace([100]), requests: undefined },
      assumptions: DEFAULT_ASSUMPTIONS,
      initialInstances: 1,
      config: {},
      signal: "requests" as const,
    };
    await expect(runPolicy(thisPolicy, context)).rejects.toThrow(/needs a trace with requests/);
    await expect(runPolicy(thisPolicy, { ...context, trace: trace([100]) })).rejects.toThrow(
      /--requests-per-instance N or --config TARGET_REQUESTS_PER_INSTANCE/,
    );
    expect(() => parseSimulateArgs(["--trace", "x.csv", "--signal", "memory"])).toThrow(/cpu or requests/);
    expect(parseSimulateArgs(["--trace", "x.csv"]).signal).toBe("cpu");
  });
});

describe("npm run simulate -- --signal requests", () => {
  it("meets the 4x step in one update, where CPU capped at 100 % needs two", () => {
    const json = join(mkdtempSync(join(tmpdir(), "simulate-signal-")), "step.json");
    const args = ["--trace", "traces/step-4x.csv", "--requests-per-instance", "100", "--policy", "this"];
    const r = spawnSync(
      process.execPath,
      ["--import", "tsx", "commands/simulate.ts", ...args, "--signal", "requests", "--json", json],
      { cwd: resolve(__dirname, "../.."), encoding: "utf8" },
    );
    expect(r.status, r.stderr).toBe(0);
    // 2 -> 6 at the step (ceil(480 / 60) = 8, at most MAX_SCALE_UP_STEP 4 more): 5 needed, served 10 minutes later.
    expect(JSON.parse(readFileSync(json, "utf8")).policies[0]).toMatchObject({ timeToCapacityMaxMinutes: 10 });
  });
});

describe("oci-autoscaling with --signal requests: the docs' custom-metric rules on PredictRequestCount", () => {
  async function ociUpdates(requests: number[], initial: number, options = OCI_AUTOSCALING_DEFAULTS) {
    const context = requestsContext(requests, initial);
    return (await runPolicy(ociAutoscalingPolicy(options), context)).updates.map((u) => [u.minute, u.from, u.to]);
  }

  it("scales out one instance per cooldown while the total is over its fixed threshold, whatever the count", async () => {
    // Scale-out at setup's high-requests threshold, ceil(60 × 1.1) = 66 a minute: 480 is over it at every count,
    // so the rule adds one instance each time the cooldown (600 s from ACTIVE) has passed, up to the maximum.
    const updates = await ociUpdates(Array(180).fill(480), 2);
    expect(updates[0]).toEqual([2, 2, 3]); // after PT3M pending: minutes 0, 1, 2
    for (const [, from, to] of updates) expect((to as number) - (from as number)).toBe(1);
    expect(updates.at(-1)?.[2]).toBe(DEFAULT_ASSUMPTIONS.maxInstances);
    for (let i = 1; i < updates.length; i++)
      expect((updates[i]?.[0] as number) - (updates[i - 1]?.[0] as number)).toBeGreaterThanOrEqual(20);
  });

  it("scales in on absence when traffic stops, and takes its thresholds from the flags", async () => {
    const quiet = await ociUpdates([...Array(10).fill(30), ...Array(60).fill(0)], 3);
    // 30 a minute is not under half a target instance (30); absent() from minute 10, PT3M pending: 12.
    expect(quiet[0]).toEqual([12, 3, 2]);
    const flagged = await ociUpdates(Array(30).fill(480), 2, {
      ...OCI_AUTOSCALING_DEFAULTS,
      requestsScaleOut: 500,
      requestsScaleIn: 10,
    });
    expect(flagged).toEqual([]);
  });
});
