import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalOci, startLocalOci } from "../../emulator/local-oci";
import { type FnProcess, startFunction } from "../../local-function/fn-runner";
import { deeplyNested, hostileString, invalidUtf8 } from "./arbitraries";

/** The same hostile input through the real FDK process: it answers JSON every time and never dies. */
describe("hostile input through the FDK socket", () => {
  let oci: LocalOci;
  let fn: FnProcess;
  beforeAll(async () => {
    oci = await startLocalOci();
    fn = await startFunction({ env: oci.functionEnv });
  });
  afterAll(async () => {
    await fn.stop();
    await oci.close();
  });

  it("answers 200 with a JSON status for bytes, strings, deep nesting and multi-megabyte bodies", async () => {
    const bodies = fc.oneof(
      invalidUtf8,
      fc.uint8Array({ maxLength: 512 }),
      hostileString,
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
      deeplyNested,
      fc.integer({ min: 1, max: 5 }).map((mb) => `{"title":"${"A".repeat(mb * 1024 * 1024)}"}`),
    );
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const response = await fn.call(body);
        expect(response.status).toBe(200);
        expect(["ok", "ignored", "rejected"]).toContain((response.body as { status?: string }).status);
      }),
      { numRuns: 300 },
    );
    expect(fn.exited()).toBe(false);
    expect(oci.emulator.writes()).toHaveLength(0);
  });
});
