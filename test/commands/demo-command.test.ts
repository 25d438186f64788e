import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "../..");

describe("npm run demo, the command itself", () => {
  it("plays the day, prints the decisions and the figures, writes the chart and exits 0", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "commands/demo.ts"], { cwd: ROOT, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("The function's decisions:");
    expect(r.stdout).toMatch(/\n42 forecast ticks \(hourly\): /);
    expect(r.stdout).toMatch(/\nTue 0[67]:\d\d +forecast tick .*ForecastScaledOut.*◀ ready before the surge\n/);
    expect(r.stdout).toMatch(
      /\nTuesday morning: the forecast tick at Tue 0[67]:\d\d scaled out .*\nOverload minutes 08:00-10:00 \(this\): Mon \d+, Tue \d+\./,
    );
    expect(r.stdout).toMatch(/\n\d+ decisions by the function; [\d.]+ s\./);
    expect(r.stdout).toContain(`Chart: ${resolve(ROOT, "out", "demo-day.svg")}`);
  });
});
