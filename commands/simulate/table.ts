/** The figures as a plain-text table for stdout (Markdown-compatible). */
import type { PolicyFigures } from "./figures";

export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  return [line(header), `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`, ...rows.map(line)].join("\n");
}

const orDash = (v: number | null) => (v === null ? "-" : String(v));

export const FIGURE_HEADER = [
  "policy",
  "instance-hours",
  "overload min",
  "unserved %",
  "updates",
  "reversals",
  "time to capacity p50 / max (min)",
];

export function figureRow(f: PolicyFigures): string[] {
  return [
    f.name,
    f.instanceHours.toFixed(1),
    String(f.overloadMinutes),
    f.unservedPercent.toFixed(2),
    String(f.updates),
    String(f.reversals),
    `${orDash(f.timeToCapacityP50Minutes)} / ${orDash(f.timeToCapacityMaxMinutes)}`,
  ];
}

export function figuresTable(figures: PolicyFigures[]): string {
  return textTable(FIGURE_HEADER, figures.map(figureRow));
}
