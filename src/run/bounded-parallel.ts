/** An item's outcome; `not-started` when `mayStart` said no before a worker took it. */
export type BoundedOutcome<R> = PromiseSettledResult<R> | { status: "not-started" };

/**
 * Runs `work` over `items` with at most `limit` in flight; outcomes keep the items' order. Each item starts
 * only while `mayStart()` holds: once it does not, work in flight finishes and nothing more starts.
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
  mayStart: () => boolean = () => true,
): Promise<BoundedOutcome<R>[]> {
  const results: BoundedOutcome<R>[] = items.map(() => ({ status: "not-started" }));
  let next = 0;
  const worker = async () => {
    while (next < items.length && mayStart()) {
      const index = next++;
      try {
        results[index] = { status: "fulfilled", value: await work(items[index] as T) };
      } catch (reason) {
        results[index] = { status: "rejected", reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** The items that were started, with their settled outcomes, apart from those that were not. */
export function splitByStart<T, R>(
  items: readonly T[],
  outcomes: readonly BoundedOutcome<R>[],
): { started: T[]; settled: PromiseSettledResult<R>[]; notStarted: T[] } {
  const split = { started: [] as T[], settled: [] as PromiseSettledResult<R>[], notStarted: [] as T[] };
  outcomes.forEach((outcome, index) => {
    const item = items[index] as T;
    if (outcome.status === "not-started") split.notStarted.push(item);
    else {
      split.started.push(item);
      split.settled.push(outcome);
    }
  });
  return split;
}
