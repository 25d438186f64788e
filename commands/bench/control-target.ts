/** One line of the control-quality targets, and how its figures are compared. */
export interface ControlTarget {
  name: string;
  met: boolean;
  detail: string;
}

/** a / b, with 0 / 0 = 0 (nothing to compare) and anything else over 0 infinite. */
export const ratio = (a: number, b: number) => (b === 0 ? (a === 0 ? 0 : Number.POSITIVE_INFINITY) : a / b);
export const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : "inf");
