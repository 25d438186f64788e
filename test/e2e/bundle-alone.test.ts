import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type LocalOci, startLocalOci } from "../../emulator/local-oci";
import { seedFromAlarmMessage } from "../../emulator/seed-from-alarm";
import { DEFAULT_ENTRY, type FnProcess, startFunction } from "../../local-function/fn-runner";
import { readFixture } from "./harness";

describe("the bundle as the runtime image holds it", () => {
  let fn: FnProcess | undefined;
  let oci: LocalOci | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await fn?.stop();
    await oci?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("scales a deployment from a folder holding only func.js, with no node_modules anywhere above it", async () => {
    dir = mkdtempSync(join(tmpdir(), "function-"));
    const entry = join(dir, "func.js");
    copyFileSync(DEFAULT_ENTRY, entry);
    oci = await startLocalOci();
    const alarm = readFixture("test-alarm-scale-mem-up.json");
    seedFromAlarmMessage(oci.emulator, alarm);
    fn = await startFunction({ entry, env: oci.functionEnv });

    const response = await fn.call(alarm);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: "ok", results: [{ outcome: "updated", to: "VM.Standard2.2" }] });
  });
});
