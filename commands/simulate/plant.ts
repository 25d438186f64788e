/**
 * The deployment every policy drives: instances serving, the update in progress, and what each minute
 * cost. An update is accepted only while ACTIVE (OCI answers 409 otherwise), keeps the deployment UPDATING
 * for `updateMinutes`, and the new count serves only at its end (zero downtime: the old instances serve
 * meanwhile). While an update runs, the larger of the old and new counts is billed.
 */
import { cpuPercent } from "./assumptions";

export interface UpdateRecord {
  /** The minute the update was accepted. */
  minute: number;
  from: number;
  to: number;
  /** The minute the new capacity served. */
  doneMinute: number;
}

export class Plant {
  serving: number;
  minute = 0;
  /** The minute the last update finished (the deployment became ACTIVE again). */
  lastActiveMinute = Number.NEGATIVE_INFINITY;
  readonly updates: UpdateRecord[] = [];
  readonly servingByMinute: Uint16Array;
  readonly billedByMinute: Uint16Array;
  readonly cpuByMinute: Float64Array;
  private pending: UpdateRecord | undefined;
  /** Called when an update finishes, before the minute is measured (the emulator adapter completes its own). */
  onUpdateDone: ((update: UpdateRecord) => void) | undefined;

  constructor(
    private readonly demand: Float64Array,
    initial: number,
    private readonly updateMinutes: number,
  ) {
    this.serving = initial;
    this.servingByMinute = new Uint16Array(demand.length);
    this.billedByMinute = new Uint16Array(demand.length);
    this.cpuByMinute = new Float64Array(demand.length);
  }

  get lifecycleState(): "ACTIVE" | "UPDATING" {
    return this.pending ? "UPDATING" : "ACTIVE";
  }

  /** The count the deployment is configured for (the update's target while UPDATING). */
  get configured(): number {
    return this.pending ? this.pending.to : this.serving;
  }

  /** Starts minute `m`: finishes a due update, then measures the minute. Returns its CPU utilization. */
  advance(m: number): number {
    this.minute = m;
    if (this.pending && m >= this.pending.doneMinute) {
      const done = this.pending;
      this.pending = undefined;
      this.serving = done.to;
      this.lastActiveMinute = m;
      this.onUpdateDone?.(done);
    }
    const cpu = cpuPercent(this.demand[m] ?? 0, this.serving);
    this.servingByMinute[m] = this.serving;
    this.billedByMinute[m] = Math.max(this.serving, this.pending?.to ?? 0);
    this.cpuByMinute[m] = cpu;
    return cpu;
  }

  /**
   * An update to `to` instances, decided during the current minute; false when UPDATING (409) or nothing
   * changes. `otherChange`: an update that keeps the count (a shape change) still makes it UPDATING.
   */
  submit(to: number, otherChange = false): boolean {
    if (this.pending || (to === this.serving && !otherChange)) return false;
    const update = { minute: this.minute, from: this.serving, to, doneMinute: this.minute + this.updateMinutes };
    this.pending = update;
    this.updates.push(update);
    // An update that takes no time serves from the next minute.
    if (this.updateMinutes <= 0) update.doneMinute = this.minute + 1;
    this.billedByMinute[this.minute] = Math.max(this.serving, to);
    return true;
  }

  /** `ideal` only: the count changes at once, without an UPDATING period. */
  setInstantly(to: number): void {
    if (to === this.serving) return;
    this.updates.push({ minute: this.minute, from: this.serving, to, doneMinute: this.minute });
    this.serving = to;
    const cpu = cpuPercent(this.demand[this.minute] ?? 0, to);
    this.servingByMinute[this.minute] = to;
    this.billedByMinute[this.minute] = to;
    this.cpuByMinute[this.minute] = cpu;
  }
}
