import { existsSync, readlinkSync, realpathSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { type FnProcess, startFunction } from "../../local-function/fn-runner";

/** CI's Node 22 run relies on this: the function processes run on the Node that runs the tests. */
describe.runIf(existsSync("/proc/self/exe"))("the function's Node", () => {
  let fn: FnProcess | undefined;
  afterAll(async () => {
    await fn?.stop();
  });

  it("is the binary running the tests", async () => {
    fn = await startFunction();
    expect(readlinkSync(`/proc/${fn.pid}/exe`)).toBe(realpathSync(process.execPath));
  });
});
