import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SeedOptions } from "../support/seed-from-alarm";
import { type Harness, startHarness } from "./harness";

/**
 * Every fixture and its documented result (fixtures/README.md), sent through the bundled function.
 * `writes` counts PUT/POST/DELETE reaching the emulator; `requests` counts every request.
 */
const FIXTURES: Array<{
  file: string;
  seed?: SeedOptions;
  status: "ok" | "ignored" | "rejected";
  results?: Array<Record<string, unknown>>;
  writes: number;
  requests?: number;
}> = [
  {
    file: "test-alarm-scale-cpu-up.json",
    seed: { deployment: { instanceCount: 1 } },
    status: "ok",
    results: [{ action: "instance-up", outcome: "updated", from: 1, to: 2, scaleDownAlarm: "created" }],
    writes: 2,
  },
  {
    file: "test-alarm-scale-mem-up.json",
    seed: { deployment: { shape: "VM.Standard2.1" } },
    status: "ok",
    results: [
      {
        action: "shape-up",
        outcome: "updated",
        from: "VM.Standard2.1",
        to: "VM.Standard2.2",
        scaleDownAlarm: "created",
      },
    ],
    writes: 2,
  },
  {
    // Two instances down to the floor of one: the scale-down alarm has done its job and goes.
    file: "alarm-low-cpu.json",
    seed: { deployment: { instanceCount: 2 } },
    status: "ok",
    results: [{ action: "instance-down", outcome: "updated", from: 2, to: 1, scaleDownAlarm: "deleted" }],
    writes: 2,
  },
  {
    file: "alarm-low-mem.json",
    seed: { deployment: { shape: "VM.Standard2.1" } },
    status: "ok",
    results: [{ action: "shape-down", outcome: "skipped", reasonCode: "AtSmallestShape", scaleDownAlarm: "deleted" }],
    writes: 1,
  },
  { file: "alarm-firing-to-ok.json", status: "ignored", writes: 0, requests: 0 },
  {
    file: "alarm-grouped-two-deployments.json",
    seed: { deployment: { instanceCount: 2 } },
    status: "ok",
    results: [
      { action: "instance-up", outcome: "updated", from: 2, to: 3, scaleDownAlarm: "created" },
      { action: "instance-up", outcome: "updated", from: 2, to: 3, scaleDownAlarm: "created" },
    ],
    writes: 4,
  },
  {
    file: "alarm-v1.5-metric-values.json",
    seed: { deployment: { instanceCount: 1 } },
    status: "ok",
    results: [{ action: "instance-up", outcome: "updated", from: 1, to: 2 }],
    writes: 2,
  },
  {
    // ceil(2 × 95.2 / 60) = 4, ceil(2 × 99.1 / 60) = 4, ceil(2 × 85.4 / 60) = 3
    file: "alarm-compartment-wide-three-deployments.json",
    seed: { deployment: { instanceCount: 2 } },
    status: "ok",
    results: [
      { action: "instance-up", outcome: "updated", from: 2, to: 4, scaleDownAlarm: "created" },
      { action: "instance-up", outcome: "updated", from: 2, to: 4, scaleDownAlarm: "created" },
      { action: "instance-up", outcome: "updated", from: 2, to: 3, scaleDownAlarm: "created" },
    ],
    writes: 6,
  },
  { file: "alarm-unknown-title.json", status: "ignored", writes: 0, requests: 0 },
  {
    file: "alarm-not-a-model-deployment.json",
    status: "ok",
    results: [{ outcome: "skipped", reasonCode: "NotAModelDeployment" }],
    writes: 0,
    requests: 0,
  },
  { file: "malformed-missing-alarm-metadata.json", status: "rejected", writes: 0, requests: 0 },
  { file: "malformed-wrong-types.json", status: "rejected", writes: 0, requests: 0 },
  { file: "malformed-truncated.json", status: "rejected", writes: 0, requests: 0 },
];

describe("fixtures", () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness({}, { updateDelayMs: null });
  });
  afterEach(() => harness.stop());

  it.each(FIXTURES)("$file gives $status", async ({ file, seed, status, results, writes, requests }) => {
    const response = await harness.send(file, seed);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status });
    if (results) expect((response.body as { results: unknown[] }).results).toMatchObject(results);
    if (status === "rejected") expect((response.body as { reason: string }).reason).toMatch(/\w/);
    expect(harness.emulator.writes()).toHaveLength(writes);
    if (requests !== undefined) expect(harness.emulator.requests).toHaveLength(requests);
  });
});
