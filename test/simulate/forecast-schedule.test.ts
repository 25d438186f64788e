/** `this` with the forecast schedule setup creates (the default), and `--forecast off`. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_ASSUMPTIONS } from "../../commands/simulate/assumptions";
import { parseSimulateArgs } from "../../commands/simulate/cli";
import { cronMatcher } from "../../commands/simulate/cron";
import type { ForecastMode, PolicyContext } from "../../commands/simulate/policies/policy";
import { observedThisPolicy } from "../../commands/simulate/policies/this";
import type { FunctionOnEmulator } from "../../commands/simulate/policies/this-emulator";
import { runPolicy } from "../../commands/simulate/run";
import type { Trace } from "../../commands/simulate/trace";
import type { Schedule } from "../../emulator/schedule-types";
import {
  FORECAST_RECURRENCE,
  FORECAST_SCHEDULE_NAME,
  FORECAST_TIME_ZONE,
  forecastResource,
  MANAGED_BY_TAG,
} from "../../src/run/forecast-schedule";

/** 150 minutes from 07:30: the schedule runs at 08:00 and 09:00 (minutes 30 and 90). */
function trace(): Trace {
  return {
    name: "t",
    startMs: Date.parse("2026-03-02T07:30:00Z"),
    demand: new Float64Array(150).fill(0.5),
    requests: new Float64Array(150).fill(50),
    loadColumn: "requests_per_minute",
  };
}

interface Seen {
  schedules: Schedule[];
  fn: FunctionOnEmulator;
  scheduleReads: number;
}

async function run(forecast?: ForecastMode, signal?: "requests") {
  let seen: Seen | undefined;
  const policy = observedThisPolicy({
    beforeClose: (fn) => {
      const { emulator } = fn.oci;
      const scheduleReads = emulator.requests.filter((r) => r.path.startsWith("/20240430/schedules/")).length;
      seen = { schedules: emulator.schedules(), fn, scheduleReads };
    },
  });
  const context: PolicyContext = {
    trace: trace(),
    assumptions: DEFAULT_ASSUMPTIONS,
    initialInstances: 1,
    config: {},
    requestsPerInstance: 100,
    ...(forecast ? { forecast } : {}),
    ...(signal ? { signal } : {}),
  };
  const result = await runPolicy(policy, context);
  if (!seen) throw new Error("beforeClose was not called");
  return { result, ...seen };
}

describe("this: the forecast schedule setup creates", () => {
  it("is seeded ACTIVE, tagged, hourly in UTC, invoking the function with the body naming the deployment", async () => {
    const { schedules, fn, result } = await run();
    const schedule = fn.schedule;
    expect(schedule).toBeDefined();
    expect(schedules).toHaveLength(1);
    expect(schedules[0]).toMatchObject({
      id: schedule?.scheduleId,
      displayName: FORECAST_SCHEDULE_NAME,
      lifecycleState: "ACTIVE",
      action: "START_RESOURCE",
      recurrenceType: "CRON",
      recurrenceDetails: FORECAST_RECURRENCE,
      localTimeZone: FORECAST_TIME_ZONE,
      freeformTags: MANAGED_BY_TAG,
      resources: [forecastResource(schedule?.functionId ?? "", schedule?.scheduleId ?? "", [fn.deploymentId])],
    });
    // The function runs as the function the schedule invokes, its forecast on CPU (setup's default alarms).
    expect(fn.config).toMatchObject({
      FN_FN_ID: schedule?.functionId,
      FORECAST_ENABLED: true,
      FORECAST_METRIC: "CpuUtilization",
    });
    expect(result.figures.name).toBe("this");
  });

  it("sends the schedule's body at each minute its cron matches: 08:00 and 09:00", async () => {
    const { result, scheduleReads } = await run();
    expect(result.notes.forecastTicks).toBe(2);
    // Whatever the function answers (checked against GetSchedule, or refused), nothing else sends the body.
    expect(scheduleReads).toBeLessThanOrEqual(2);
  });

  it("reads requests' history with --signal requests (FORECAST_METRIC, as setup --requests)", async () => {
    const { fn } = await run("on", "requests");
    expect(fn.config.FORECAST_METRIC).toBe("PredictRequestCount");
  });

  it("--forecast off: no schedule, no tick, FORECAST_ENABLED=false, and its own name in the report", async () => {
    const { schedules, fn, result, scheduleReads } = await run("off");
    expect(schedules).toEqual([]);
    expect(fn.schedule).toBeUndefined();
    expect(result.notes.forecastTicks).toBeUndefined();
    expect(scheduleReads).toBe(0);
    expect(fn.config.FORECAST_ENABLED).toBe(false);
    expect(result.figures.name).toBe("this (forecast off)");
  });
});

describe("npm run simulate -- --forecast", () => {
  it("runs this without its schedule with --forecast off, named so in the figures", () => {
    const json = join(mkdtempSync(join(tmpdir(), "simulate-forecast-")), "spike.json");
    const args = ["--trace", "traces/spike.csv", "--requests-per-instance", "100", "--policy", "this", "--json", json];
    const r = spawnSync(process.execPath, ["--import", "tsx", "commands/simulate.ts", ...args, "--forecast", "off"], {
      cwd: resolve(__dirname, "../.."),
      encoding: "utf8",
    });
    expect(r.status, r.stderr).toBe(0);
    const [policy] = JSON.parse(readFileSync(json, "utf8")).policies;
    expect(policy.name).toBe("this (forecast off)");
    expect(policy.notes.forecastTicks).toBeUndefined();
  });

  it("is on unless --forecast off; anything else is a usage error", () => {
    expect(parseSimulateArgs(["--trace", "t.csv"]).forecast).toBe("on");
    expect(parseSimulateArgs(["--trace", "t.csv", "--forecast", "off"]).forecast).toBe("off");
    expect(() => parseSimulateArgs(["--trace", "t.csv", "--forecast", "no"])).toThrow(/--forecast takes on or off/);
  });
});

describe("cronMatcher: when a CRON schedule runs (UTC)", () => {
  const at = (iso: string) => Date.parse(iso);
  it.each([
    ["0 * * * *", "2026-03-02T08:00:00Z", true],
    ["0 * * * *", "2026-03-02T08:01:00Z", false],
    ["*/15 * * * *", "2026-03-02T08:45:00Z", true],
    ["30 8-17 * * 1-5", "2026-03-02T17:30:00Z", true],
    // 2026-03-07 is a Saturday.
    ["30 8-17 * * 1-5", "2026-03-07T08:30:00Z", false],
    ["0 0 * * 7", "2026-03-08T00:00:00Z", true],
    // Both day fields restricted: either matches (the 1st, or a Monday).
    ["0 0 1 * 1", "2026-03-02T00:00:00Z", true],
    ["0 0 1,15 3 *", "2026-03-15T00:00:00Z", true],
  ])("%s at %s: %s", (cron, iso, runs) => {
    expect(cronMatcher(cron)(at(iso))).toBe(runs);
  });

  it("refuses what it does not read", () => {
    expect(() => cronMatcher("0 * * *")).toThrow(/five fields/);
    expect(() => cronMatcher("61 * * * *")).toThrow(/out of range/);
    expect(() => cronMatcher("0 * * * MON")).toThrow(/not supported/);
  });
});
