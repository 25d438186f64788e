import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alarmMessage } from "../../emulator/alarm-messages";
import { type LocalOci, startLocalOci } from "../../emulator/local-oci";
import { EXAMPLE_COMPARTMENT_ID, seedCompartmentAlarm } from "../../emulator/seed-from-alarm";
import { type InProcessFunction, inProcessFunction } from "../../local-function/in-process";
import { deeplyNested, hostileString, hugeMessage, invalidUtf8, mutatedMessage } from "./arbitraries";

const ALARM = "ocid1.alarm.oc1.iad.aaaaaaaafuzzhighcpu";
/**
 * Generated inputs per property. `npm test` plays a quarter of them (same properties, ~10 s); `npm run fuzz`
 * (FUZZ_SCALE=1) plays them all, before a change to how messages are read.
 */
const SCALE = Number(process.env.FUZZ_SCALE ?? "0.25");
const FULL_RUNS = {
  jsonValues: 3_000,
  mutations: 4_000,
  hostileFields: 2_500,
  bytes: 500,
  huge: 100,
  nested: 100,
  oddAdvisory: 300,
};
const RUNS = Object.fromEntries(
  Object.entries(FULL_RUNS).map(([name, runs]) => [name, Math.max(20, Math.round(runs * SCALE))]),
) as typeof FULL_RUNS;
let tried = 0;

// Thousands of generated messages through the handler and the emulator (all of them take ~30 s alone), sharing
// 2 cores with the rest of npm test: its time-out is not the 30 s of a single case.
describe("hostile input, generated", { timeout: 180_000 }, () => {
  let oci: LocalOci;
  let fn: InProcessFunction;
  let deploymentId: string;
  const valid = () =>
    alarmMessage({ title: "model_deployment_high_cpu", alarmId: ALARM, deploymentIds: [deploymentId] });

  beforeAll(async () => {
    oci = await startLocalOci();
    fn = inProcessFunction(oci, { MAX_DEPLOYMENTS_PER_MESSAGE: "20" });
    deploymentId = oci.emulator.seedDeployment({ compartmentId: EXAMPLE_COMPARTMENT_ID, instanceCount: 1 }).id;
    // Repeating, so that past MAX_DEPLOYMENTS_PER_MESSAGE the rest wait for a later REPEAT (the last case).
    seedCompartmentAlarm(oci.emulator, {
      id: ALARM,
      title: "model_deployment_high_cpu",
      metric: "CpuUtilization",
      repeatNotificationDuration: "PT5M",
    });
  });
  afterAll(async () => {
    console.log(`fuzzed inputs tried: ${tried}`);
    await oci.close();
  });

  /** The property every input must keep: a structured answer, and no write unless the message was acted on. */
  async function answersSafely(body: string | Uint8Array): Promise<void> {
    tried++;
    // Only this input's requests are kept, so the writes counted below are this input's.
    oci.emulator.clearRequests();
    const response = await fn.send(body);
    expect(["ok", "ignored", "rejected"]).toContain(response.status);
    expect(Array.isArray(response.results)).toBe(true);
    if (response.status !== "ok") expect(oci.emulator.writes()).toHaveLength(0);
    if (response.status === "rejected") expect(response.reason).toBeTruthy();
    for (const result of response.results) {
      if (result.outcome !== "updated") continue;
      // Only the one real deployment can ever be changed, and only by a message naming it.
      expect(result.deploymentId).toBe(deploymentId);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }

  it("answers arbitrary JSON values", async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 6 }), (v) => answersSafely(JSON.stringify(v))),
      { numRuns: RUNS.jsonValues },
    );
  });

  it("answers valid messages with one field replaced, removed or poisoned", async () => {
    await fc.assert(fc.asyncProperty(mutatedMessage(valid), answersSafely), { numRuns: RUNS.mutations });
  });

  it("answers hostile strings in the title, type, alarm id and resourceId", async () => {
    const hostile = fc.record({
      title: hostileString,
      type: fc.oneof(hostileString, fc.constant("REPEAT")),
      id: hostileString,
      resourceId: hostileString,
    });
    await fc.assert(
      fc.asyncProperty(hostile, ({ title, type, id, resourceId }) => {
        const message = valid() as {
          title: string;
          type: string;
          alarmMetaData: Array<{ id: string; dimensions: Array<Record<string, string>> }>;
        };
        message.title = title;
        message.type = type;
        const metadata = message.alarmMetaData[0];
        if (metadata) {
          metadata.id = id;
          metadata.dimensions = [{ resourceId }];
        }
        return answersSafely(JSON.stringify(message));
      }),
      { numRuns: RUNS.hostileFields },
    );
  });

  it("decides, never rejects, a real alarm whose metricValues or title is odd", async () => {
    const odd = fc.record({
      metricValues: fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 })),
      title: fc.oneof(
        fc.constant("model_deployment_high_cpu"),
        fc.string({ minLength: 256, maxLength: 2_000 }).filter((t) => t.trim() !== ""),
      ),
    });
    await fc.assert(
      fc.asyncProperty(odd, async ({ metricValues, title }) => {
        const message = valid() as { title: string; alarmMetaData: Array<Record<string, unknown>> };
        message.title = title;
        const [metadata] = message.alarmMetaData;
        if (metadata) metadata.metricValues = metricValues;
        tried++;
        const response = await fn.send(JSON.stringify(message));
        expect(response).toMatchObject({ status: "ok", results: [{ deploymentId }] });
        expect(response.title?.length ?? 0).toBeLessThanOrEqual(256);
      }),
      { numRuns: RUNS.oddAdvisory },
    );
  });

  it("answers invalid UTF-8, huge stream lists and deep nesting", async () => {
    await fc.assert(fc.asyncProperty(invalidUtf8, answersSafely), { numRuns: RUNS.bytes });
    await fc.assert(fc.asyncProperty(hugeMessage, answersSafely), { numRuns: RUNS.huge });
    await fc.assert(fc.asyncProperty(deeplyNested, answersSafely), { numRuns: RUNS.nested });
  });

  it("rejects a body over MAX_BODY_BYTES and defers the deployments past MAX_DEPLOYMENTS_PER_MESSAGE", async () => {
    // Earlier cases may have been valid enough to scale the real deployment: count only what these two do.
    const writesBefore = oci.emulator.writes().length;
    const big = await fn.send(Buffer.alloc(3 * 1024 * 1024, 0x20));
    expect(big).toMatchObject({ status: "rejected", reason: expect.stringContaining("MAX_BODY_BYTES") });
    const many = await fn.send(
      alarmMessage({
        title: "model_deployment_high_cpu",
        alarmId: ALARM,
        deploymentIds: Array.from({ length: 21 }, (_, i) => `ocid1.datasciencemodeldeployment.oc1.iad.amaaaaaa${i}`),
      }),
    );
    // Twenty are decided (none exists), the twenty-first waits for a later REPEAT.
    expect(many.status).toBe("ok");
    const deferred = many.results.filter((r) => r.reasonCode === "DeferredTooMany");
    expect(deferred).toHaveLength(1);
    expect(deferred[0]?.reason).toContain("MAX_DEPLOYMENTS_PER_MESSAGE");
    expect(many.results.filter((r) => r.reasonCode === "NotFoundOrNotAuthorized")).toHaveLength(20);
    expect(oci.emulator.writes()).toHaveLength(writesBefore);
  });
});
