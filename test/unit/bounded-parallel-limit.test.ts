import { describe, expect, it } from "vitest";
import { mapBounded } from "../../src/run/bounded-parallel";

describe("mapBounded with a configured limit", () => {
  it.each([
    { items: 10, limit: 4, most: 4 },
    { items: 3, limit: 4, most: 3 },
    { items: 5, limit: 1, most: 1 },
  ])("keeps at most $most of $items in flight with a limit of $limit", async ({ items, limit, most }) => {
    let inFlight = 0;
    let seen = 0;
    const settled = await mapBounded(
      Array.from({ length: items }, (_, i) => i),
      limit,
      async (i) => {
        inFlight++;
        seen = Math.max(seen, inFlight);
        await new Promise((r) => setTimeout(r, 5));
        inFlight--;
        if (i === 1) throw new Error("one fails");
        return i * 2;
      },
    );
    expect(seen).toBe(most);
    expect(settled[0]).toEqual({ status: "fulfilled", value: 0 });
    // One failure is its own result; the others still run.
    expect(settled[1]).toMatchObject({ status: "rejected" });
    expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(items - 1);
  });
});
