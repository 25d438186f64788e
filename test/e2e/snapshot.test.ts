import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalOci, startLocalOci } from "../../emulator/local-oci";
import { seedFromAlarmMessage } from "../../emulator/seed-from-alarm";
import { DIST_DIR, type FnProcess, startFunction } from "../../local-function/fn-runner";
import { runtimeNodeFlags } from "../../scripts/snapshot.mjs";
import { readFixture } from "./harness";

/** As the Dockerfile does: the blob built from snapshot-entry.js alone, in a folder with no node_modules. */
describe("the function started from its V8 startup snapshot", () => {
  let dir: string;
  let blob: string;
  let oci: LocalOci;
  let fn: FnProcess | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "function-snapshot-"));
    copyFileSync(join(DIST_DIR, "snapshot-entry.js"), join(dir, "snapshot-entry.js"));
    blob = join(dir, "func.blob");
    execFileSync(
      process.execPath,
      [...runtimeNodeFlags(), "--snapshot-blob", blob, "--build-snapshot", join(dir, "snapshot-entry.js")],
      {
        cwd: dir,
        stdio: "pipe",
      },
    );
    oci = await startLocalOci();
  });
  afterAll(async () => {
    await fn?.stop();
    await oci?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(config: Record<string, string> = {}): Promise<FnProcess> {
    await fn?.stop();
    fn = await startFunction({
      entry: null,
      nodeArgs: [...runtimeNodeFlags(), "--snapshot-blob", blob],
      env: { ...oci.functionEnv, ...config },
    });
    return fn;
  }

  it("scales a deployment and answers an ignored message without the script being run", async () => {
    const alarm = readFixture("test-alarm-scale-mem-up.json");
    seedFromAlarmMessage(oci.emulator, alarm);
    const running = await start();

    const scaled = await running.call(alarm);
    const ignored = await running.call(readFixture("alarm-firing-to-ok.json"));

    expect(scaled.status).toBe(200);
    expect(scaled.body).toMatchObject({ status: "ok", results: [{ outcome: "updated", to: "VM.Standard2.2" }] });
    expect(ignored.body).toMatchObject({ status: "ignored" });
  });

  it("reads its configuration when it runs, not when the snapshot was built", async () => {
    const alarm = readFixture("test-alarm-scale-cpu-up.json");
    seedFromAlarmMessage(oci.emulator, alarm);
    oci.emulator.clearRequests();
    const running = await start({ DRY_RUN: "true" });

    const response = await running.call(alarm);

    expect(response.body).toMatchObject({ status: "ok", dryRun: true, results: [{ outcome: "dry-run" }] });
    expect(oci.emulator.writes()).toHaveLength(0);
  });

  it("handles the largest message it accepts within the image's heap limits", async () => {
    const running = await start();
    const deployments = Array.from(
      { length: 50 },
      (_, i) => `ocid1.datasciencemodeldeployment.oc1.iad.amaaaaaaheap${i}`,
    );
    const streams = deployments.flatMap((id) =>
      Array.from({ length: 20 }, (_, n) => ({ resourceId: id, instanceId: `i${n}` })),
    );
    const message = {
      dedupeKey: "heap",
      title: "model_deployment_high_cpu",
      type: "REPEAT",
      alarmMetaData: [
        { id: "ocid1.alarm.oc1.iad.aaaaaaaaheap", query: "CpuUtilization[5m].mean() > 80", dimensions: streams },
      ],
      padding: "x".repeat(900 * 1024),
    };

    const response = await running.call(JSON.stringify(message));

    expect(response.status).toBe(200);
    expect((response.body as { results: unknown[] }).results).toHaveLength(50);
    expect(running.exited()).toBe(false);
  });
});
