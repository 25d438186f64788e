import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type ExitCode, exitCodeOf } from "../../commands/cli/exit-codes";
import { invokeMain } from "../../commands/invoke/main";
import { ForecastBodySchema, forecastBody } from "../../src/message/forecast-body";

const dir = mkdtempSync(join(tmpdir(), "invoke-schedule-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function invoke(args: string[]): Promise<{ code: ExitCode; out: string }> {
  const lines: string[] = [];
  const print = (line: string) => lines.push(line);
  const stdin = { isTTY: true, read: () => "" };
  const code = await exitCodeOf(() => invokeMain(args, { HOME: dir }, { stdin, print }), print);
  return { code, out: lines.join("\n") };
}

const seeded = (out: string, what: string) => new RegExp(`^seeded ${what}`, "m").exec(out)?.[1] ?? "";

/** The function's answer: the JSON printed between the HTTP line and the log. */
function answer(out: string): { status?: unknown; reasonCode?: unknown; results?: { reasonCode?: unknown }[] } {
  const text = /^HTTP \d+ in \d+ ms\n([\s\S]*?)\n\nfunction log:/m.exec(out)?.[1] ?? "{}";
  return JSON.parse(text);
}

describe("npm run invoke -- --schedule (on the local emulator)", () => {
  it("seeds setup's forecast schedule for a deployment and the function, and sends the body stored on it", async () => {
    const { out } = await invoke(["--schedule"]);

    const scheduleId = seeded(
      out,
      "forecast schedule (\\S+): ACTIVE, 0 \\* \\* \\* \\* \\(UTC\\), tagged, calls the function",
    );
    const deploymentId = seeded(out, "deployment (\\S+)");
    expect(seeded(out, "function (\\S+) \\(FN_FN_ID\\)")).toMatch(/^ocid1\.fnfunc\./);
    const sent = JSON.parse(seeded(out, "body stored on the schedule: (.*)$"));
    expect(ForecastBodySchema.parse(sent)).toEqual(forecastBody(scheduleId, [deploymentId]));
    expect(out).toMatch(/^HTTP 200 in/m);
    // The schedule vouches for the body; a deployment seeded a moment ago has no history to forecast from.
    expect(answer(out)).toMatchObject({ status: "ok", results: [{ reasonCode: "ForecastTooLittleHistory" }] });
  });

  it("sends a file's body instead of the stored one, as a forged body would arrive", async () => {
    const forged = forecastBody("ocid1.resourceschedule.oc1.iad.forged", [
      "ocid1.datasciencemodeldeployment.oc1.iad.other",
    ]);
    const file = join(dir, "forged.json");
    writeFileSync(file, JSON.stringify(forged));

    const { out } = await invoke(["--schedule", file]);

    expect(seeded(out, "forecast schedule (\\S+):")).toMatch(/^ocid1\.resourceschedule\./);
    expect(JSON.parse(seeded(out, "body from the file \\(not the stored one\\): (.*)$"))).toEqual(forged);
    expect(answer(out)).toMatchObject({ status: "rejected", reasonCode: "ScheduleNotFound" });
  });

  it("exits 2 with --oci or an alarm's flags", async () => {
    expect((await invoke(["--schedule", "--oci"])).code).toBe(2);
    expect((await invoke(["--schedule", "--not-firing"])).out).toContain("--schedule seeds the forecast schedule");
  });
});
