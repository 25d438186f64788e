/** Fault injection as seen by the real OCI SDK clients. */
import * as common from "oci-common";
import { DataScienceClient } from "oci-datascience";
import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../emulator/faults";
import { rejection, useEmulator } from "../../emulator/fixture";

const suite = useEmulator({ updateDelayMs: 20 });

describe("faults", () => {
  it("429 once, then the SDK's retry succeeds", async () => {
    const d = suite.emulator.seedDeployment();
    suite.emulator.faults.add({ method: "GET", path: "/modelDeployments/", status: 429 });
    const res = await suite.ds({ maxAttempts: 3 }).getModelDeployment({ modelDeploymentId: d.id });
    expect(res.modelDeployment.id).toBe(d.id);
    expect(suite.emulator.requests.map((r) => r.status)).toEqual([429, 200]);
    expect(suite.emulator.faults.injected).toEqual([
      { kind: "429", method: "GET", path: `/20190101/modelDeployments/${d.id}` },
    ]);
  });

  it("without retries the fault surfaces as an OciError with OCI's code", async () => {
    suite.emulator.faults.add({ path: /modelDeployments/, status: 503, times: 2 });
    const client = suite.ds();
    for (let i = 0; i < 2; i++) {
      const error = await rejection(client.getModelDeployment({ modelDeploymentId: "any" }));
      expect(error).toBeInstanceOf(common.OciError);
      expect(error).toMatchObject({ statusCode: 503, serviceCode: "ServiceUnavailable" });
    }
    expect(await rejection(client.getModelDeployment({ modelDeploymentId: "any" }))).toMatchObject({ statusCode: 404 });
  });

  it("a faulted write changes nothing", async () => {
    const d = suite.emulator.seedDeployment();
    const before = suite.emulator.getDeployment(d.id);
    suite.emulator.faults.add({ method: "PUT", status: 500 });
    const update = { modelDeploymentId: d.id, updateModelDeploymentDetails: { displayName: "renamed" } };
    const error = await rejection(suite.ds().updateModelDeployment(update));
    expect(error).toMatchObject({ statusCode: 500, serviceCode: "InternalServerError" });
    expect(suite.emulator.getDeployment(d.id)).toEqual(before);
  });

  it("a dropped connection makes the SDK throw a plain object, not an OciError", async () => {
    suite.emulator.faults.add({ drop: true });
    const error = await rejection(suite.ds().getModelDeployment({ modelDeploymentId: "any" }));
    expect(error).not.toBeInstanceOf(common.OciError);
    expect(error).not.toBeInstanceOf(Error);
    expect(error).toMatchObject({ message: expect.any(String) });
    expect(suite.emulator.requests.map((r) => r.status)).toEqual([0]);
    expect(suite.emulator.faults.injected.map((f) => f.kind)).toEqual(["drop"]);
  });

  it("delayMs without status answers late but normally", async () => {
    const d = suite.emulator.seedDeployment();
    suite.emulator.faults.add({ delayMs: 80 });
    const start = Date.now();
    await suite.ds().getModelDeployment({ modelDeploymentId: d.id });
    expect(Date.now() - start).toBeGreaterThanOrEqual(75);
    expect(suite.emulator.faults.injected.map((f) => f.kind)).toEqual(["slow"]);
  });

  it("random faults repeat exactly for the same seed", async () => {
    const d = suite.emulator.seedDeployment();
    const run = async () => {
      suite.emulator.faults.clear();
      suite.emulator.clearRequests();
      suite.emulator.faults.setRandom({ rate: 0.4, seed: 42, kinds: ["429", "500", "503", "slow", "drop"], slowMs: 5 });
      const client = suite.ds();
      const outcomes: string[] = [];
      for (let i = 0; i < 30; i++) {
        const result = await client.getModelDeployment({ modelDeploymentId: d.id }).then(
          () => "ok",
          (e: unknown) => (e instanceof common.OciError ? String(e.statusCode) : "network"),
        );
        outcomes.push(result);
      }
      return { outcomes, injected: suite.emulator.faults.injected.map((f) => f.kind) };
    };
    const first = await run();
    const second = await run();
    expect(second).toEqual(first);
    expect(first.injected.length).toBeGreaterThan(3);
    expect(first.outcomes.filter((o) => o === "ok").length).toBeGreaterThan(10);
  });

  it("the default client's circuit breaker opens after 10 retryable failures; test clients have none", async () => {
    suite.emulator.faults.add({ status: 503, times: Infinity });
    const attempt = async (client: DataScienceClient) => {
      const error = await rejection(client.getModelDeployment({ modelDeploymentId: "any" }));
      return error instanceof common.OciError ? String(error.statusCode) : String((error as { code?: unknown }).code);
    };
    const testClient = suite.ds();
    const testOutcomes = [];
    for (let i = 0; i < 12; i++) testOutcomes.push(await attempt(testClient));
    expect(new Set(testOutcomes)).toEqual(new Set(["503"]));
    const defaultClient = new DataScienceClient(
      { authenticationDetailsProvider: suite.provider },
      {
        retryConfiguration: { terminationStrategy: new common.MaxAttemptsTerminationStrategy(1) },
      },
    );
    defaultClient.endpoint = suite.emulator.url;
    try {
      const outcomes = [];
      for (let i = 0; i < 12; i++) outcomes.push(await attempt(defaultClient));
      expect(outcomes.slice(0, 10)).toEqual(Array(10).fill("503"));
      expect(outcomes.slice(10)).toEqual(["EOPENBREAKER", "EOPENBREAKER"]);
      expect(suite.emulator.requests).toHaveLength(22);
    } finally {
      defaultClient.shutdownCircuitBreaker();
    }
  });

  it("mulberry32 is deterministic and within [0, 1)", () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const values = Array.from({ length: 100 }, () => a());
    expect(values).toEqual(Array.from({ length: 100 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
  });
});
