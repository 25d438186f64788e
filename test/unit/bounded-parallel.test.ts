import { describe, expect, it } from "vitest";
import { mapBounded } from "../../src/run/bounded-parallel";

/** A promise settled from outside, to control the order in which work finishes. */
function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  let reject: (reason: unknown) => void = () => {};
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("mapBounded", () => {
  it.each([
    { items: 10, limit: 1 },
    { items: 10, limit: 3 },
    { items: 10, limit: 4 },
    { items: 3, limit: 4 },
    { items: 1, limit: 4 },
  ])("keeps at most min(limit, items) in flight: $items items, limit $limit", async ({ items, limit }) => {
    let inFlight = 0;
    let most = 0;
    const results = await mapBounded(
      Array.from({ length: items }, (_, i) => i),
      limit,
      async (item) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await tick();
        inFlight--;
        return item * 2;
      },
    );
    expect(most).toBe(Math.min(limit, items));
    expect(results).toEqual(Array.from({ length: items }, (_, i) => ({ status: "fulfilled", value: i * 2 })));
  });

  it("keeps the items' order when later items finish first", async () => {
    const items = ["a", "b", "c", "d"];
    const gates = items.map(() => deferred<void>());
    const finished: string[] = [];
    const run = mapBounded(items, 4, async (item) => {
      await gates[items.indexOf(item)]?.promise;
      finished.push(item);
      return item.toUpperCase();
    });
    for (const gate of [...gates].reverse()) {
      gate.resolve();
      await tick();
    }
    expect(finished).toEqual(["d", "c", "b", "a"]);
    expect(await run).toEqual([
      { status: "fulfilled", value: "A" },
      { status: "fulfilled", value: "B" },
      { status: "fulfilled", value: "C" },
      { status: "fulfilled", value: "D" },
    ]);
  });

  it("starts the next item as soon as any one finishes, not batch by batch", async () => {
    const slow = deferred<void>();
    const started: string[] = [];
    const run = mapBounded(["slow", "fast", "next"], 2, async (item) => {
      started.push(item);
      if (item === "slow") await slow.promise;
    });
    await tick();
    expect(started).toEqual(["slow", "fast", "next"]);
    slow.resolve();
    await run;
  });

  it("captures rejections, including synchronous throws, and still runs every item", async () => {
    const calls: number[] = [];
    const failure = new Error("three failed");
    const results = await mapBounded([1, 2, 3, 4, 5], 2, (item) => {
      calls.push(item);
      if (item === 2) throw "two threw";
      if (item === 3) return Promise.reject(failure);
      return Promise.resolve(item);
    });
    expect(calls.sort()).toEqual([1, 2, 3, 4, 5]);
    expect(results).toEqual([
      { status: "fulfilled", value: 1 },
      { status: "rejected", reason: "two threw" },
      { status: "rejected", reason: failure },
      { status: "fulfilled", value: 4 },
      { status: "fulfilled", value: 5 },
    ]);
  });

  it("runs each item exactly once", async () => {
    const seen = new Map<number, number>();
    await mapBounded(
      Array.from({ length: 50 }, (_, i) => i),
      7,
      async (item) => {
        seen.set(item, (seen.get(item) ?? 0) + 1);
        await tick();
      },
    );
    expect([...seen.values()].every((count) => count === 1)).toBe(true);
    expect(seen.size).toBe(50);
  });

  it("resolves to no results for no items without calling work", async () => {
    let called = false;
    const results = await mapBounded([], 4, async () => {
      called = true;
    });
    expect(results).toEqual([]);
    expect(called).toBe(false);
  });
});
