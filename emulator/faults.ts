/**
 * Fault injection, decided before a request is handled (a faulted write changes nothing).
 * Rules are tried in the order added; the random mode uses a seeded PRNG so runs repeat exactly
 * as long as the same requests arrive in the same order.
 */
import type {
  FaultInjector,
  FaultRule,
  FaultStatus,
  InjectedFault,
  RandomFaultKind,
  RandomFaultOptions,
} from "./types";

/** What to do with one request. */
export interface FaultDecision {
  kind: string;
  delayMs: number;
  status: FaultStatus | undefined;
  drop: boolean;
}

interface ActiveRule {
  rule: FaultRule;
  remaining: number;
}

/** mulberry32: tiny, fast, good enough for test fault schedules. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DEFAULT_RANDOM_KINDS: RandomFaultKind[] = ["429", "500", "503", "slow", "drop"];

function ruleMatches(rule: FaultRule, method: string, path: string): boolean {
  if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) return false;
  if (rule.path === undefined) return true;
  if (typeof rule.path === "string") return path.includes(rule.path);
  rule.path.lastIndex = 0; // a /g or /y RegExp keeps state between test() calls
  return rule.path.test(path);
}

function kindOfRule(rule: FaultRule): string {
  if (rule.drop) return "drop";
  if (rule.status !== undefined) return String(rule.status);
  return "slow";
}

export class Faults implements FaultInjector {
  readonly injected: InjectedFault[] = [];
  private rules: ActiveRule[] = [];
  private random: { options: RandomFaultOptions; next: () => number } | null = null;

  add(rule: FaultRule): void {
    const times = rule.times ?? 1;
    if (!(times > 0)) throw new Error("FaultRule.times must be > 0");
    if (rule.status === undefined && !rule.drop && rule.delayMs === undefined) {
      throw new Error("FaultRule needs status, drop or delayMs");
    }
    this.rules.push({ rule, remaining: times });
  }

  setRandom(opts: RandomFaultOptions | null): void {
    if (opts && !(opts.rate >= 0 && opts.rate <= 1)) throw new Error("rate must be within 0..1");
    if (opts?.kinds && opts.kinds.length === 0) throw new Error("kinds must not be empty");
    this.random = opts ? { options: opts, next: mulberry32(opts.seed) } : null;
  }

  clear(): void {
    this.rules = [];
    this.random = null;
    this.injected.length = 0;
  }

  /** Consumes a matching rule (or a random draw) and records it; undefined means no fault. */
  decide(method: string, path: string): FaultDecision | undefined {
    const decision = this.fromRules(method, path) ?? this.fromRandom();
    if (decision) this.injected.push({ kind: decision.kind, method, path });
    return decision;
  }

  private fromRules(method: string, path: string): FaultDecision | undefined {
    const active = this.rules.find((r) => r.remaining > 0 && ruleMatches(r.rule, method, path));
    if (!active) return undefined;
    active.remaining -= 1;
    this.rules = this.rules.filter((r) => r.remaining > 0);
    const { rule } = active;
    return { kind: kindOfRule(rule), delayMs: rule.delayMs ?? 0, status: rule.status, drop: rule.drop ?? false };
  }

  private fromRandom(): FaultDecision | undefined {
    if (!this.random) return undefined;
    const { options, next } = this.random;
    // Always draw twice so the sequence depends only on the number of requests.
    const hit = next() < options.rate;
    const kinds = options.kinds ?? DEFAULT_RANDOM_KINDS;
    const kind = kinds[Math.floor(next() * kinds.length)] ?? "500";
    if (!hit) return undefined;
    if (kind === "slow") return { kind, delayMs: options.slowMs ?? 200, status: undefined, drop: false };
    if (kind === "drop") return { kind, delayMs: 0, status: undefined, drop: true };
    return { kind, delayMs: 0, status: Number(kind) as FaultStatus, drop: false };
  }
}
