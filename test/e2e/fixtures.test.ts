import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SeedOptions } from "../../emulator/seed-from-alarm";
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
  routedByAlarmName?: string;
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
  {
    // ceil(1500 requests/min / 600 per instance) = 3; its low alarm fires below 600 × 2 × 0.9 = 1080/min
    file: "alarm-high-requests-v1.5.json",
    seed: { deployment: { instanceCount: 1 } },
    status: "ok",
    results: [{ action: "instance-up", outcome: "updated", from: 1, to: 3, scaleDownAlarm: "created" }],
    writes: 2,
  },
  {
    // The function's own low-request alarm (no values): one step, the alarm retuned to 540/min for 2 instances.
    file: "alarm-low-requests.json",
    seed: { deployment: { instanceCount: 3 } },
    status: "ok",
    results: [{ action: "instance-down", outcome: "updated", from: 3, to: 2, scaleDownAlarm: "updated" }],
    writes: 2,
  },
  // OCI's own published messages, adapted to a model deployment (sources in fixtures/README.md).
  {
    // Four streams of one deployment list only its firing instances: no utilization from them, one step.
    file: "oci-docs-grouped-v1.5.json",
    seed: { deployment: { instanceCount: 4 } },
    status: "ok",
    results: [{ action: "instance-up", outcome: "updated", from: 4, to: 5, scaleDownAlarm: "created" }],
    writes: 2,
  },
  {
    // One stream per deployment, values by position: ceil(2 × 92 / 60) = ceil(2 × 95 / 60) = … = 4
    file: "oci-docs-grouped-v1.5-four-deployments.json",
    seed: { deployment: { instanceCount: 2 } },
    status: "ok",
    results: Array.from({ length: 4 }, () => ({ action: "instance-up", outcome: "updated", from: 2, to: 4 })),
    writes: 8,
  },
  {
    // The title is the docs' templated notification title: the alarm's display name routes it.
    file: "oci-docs-grouped-v1.5-templated-title.json",
    seed: { deployment: { instanceCount: 4 }, alarmDisplayName: "model_deployment_high_cpu" },
    status: "ok",
    routedByAlarmName: "model_deployment_high_cpu",
    results: [{ action: "instance-up", outcome: "updated", from: 4, to: 5 }],
    writes: 2,
  },
  {
    // ceil(1 × 92 / 60) = 2
    file: "oci-docs-split-v1.5.json",
    seed: { deployment: { instanceCount: 1 } },
    status: "ok",
    results: [{ action: "instance-up", outcome: "updated", from: 1, to: 2 }],
    writes: 2,
  },
  {
    file: "oci-docs-streaming-repeat-v1.1.json",
    seed: { deployment: { instanceCount: 2 } },
    status: "ok",
    results: [{ action: "instance-up", outcome: "updated", from: 2, to: 3 }],
    writes: 2,
  },
  {
    file: "oci-fn-sample-shape-increase-v1.0.json",
    seed: { deployment: { shape: "VM.Standard2.1" } },
    status: "ok",
    results: [{ action: "shape-up", outcome: "updated", from: "VM.Standard2.1", to: "VM.Standard2.2" }],
    writes: 2,
  },
  {
    // rate() is not a utilization: one step.
    file: "oci-captured-tenancy-v1.5.json",
    seed: { deployment: { instanceCount: 1 } },
    status: "ok",
    results: [{ action: "instance-up", outcome: "updated", from: 1, to: 2 }],
    writes: 2,
  },
  {
    file: "oci-captured-tenancy-v1.5-uppercase-ocid.json",
    seed: { deployment: { instanceCount: 1 } },
    status: "ok",
    results: [
      {
        deploymentId: "ocid1.datasciencemodeldeployment.oc1.iad.amaaaaaaexamplerealmsg07",
        outcome: "updated",
        from: 1,
        to: 2,
      },
    ],
    writes: 2,
  },
  {
    file: "oci-netcool-sample-v1.3.json",
    seed: { deployment: { instanceCount: 1 } },
    status: "ok",
    results: [{ action: "instance-up", outcome: "updated", from: 1, to: 2 }],
    writes: 2,
  },
  { file: "alarm-unknown-title.json", status: "ignored", writes: 0, requests: 1 },
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
  // A forecast tick naming a schedule that does not exist: one GetSchedule, refused, nothing else.
  { file: "forecast-tick-unknown-schedule.json", status: "rejected", writes: 0, requests: 1 },
];

describe("fixtures", () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness({}, { updateDelayMs: null });
  });
  afterEach(() => harness.stop());

  it.each(FIXTURES)("$file gives $status", async ({ file, seed, status, results, writes, requests, ...rest }) => {
    const response = await harness.send(file, seed);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status });
    expect((response.body as { routedByAlarmName?: string }).routedByAlarmName).toBe(rest.routedByAlarmName);
    if (results) expect((response.body as { results: unknown[] }).results).toMatchObject(results);
    if (status === "rejected") expect((response.body as { reason: string }).reason).toMatch(/\w/);
    expect(harness.emulator.writes()).toHaveLength(writes);
    if (requests !== undefined) expect(harness.emulator.requests).toHaveLength(requests);
  });
});
