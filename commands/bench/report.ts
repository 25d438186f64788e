import type { CallCount } from "./api-calls";
import type { Summary } from "./stats";

export interface Target {
  name: string;
  pass: boolean;
  detail: string;
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const mb = (value: number | undefined) => (value === undefined ? "n/a" : `${value.toFixed(1)} MB`);

function row(cells: string[], widths: number[]): string {
  return `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(" | ")} |`;
}

export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const rule = `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`;
  return [row(header, widths), rule, ...rows.map((r) => row(r, widths))].join("\n");
}

/** "median (min-max, p90)" */
export function timing(summary: Summary): string {
  return `${ms(summary.median)} (${summary.min.toFixed(0)}-${summary.max.toFixed(0)}, p90 ${summary.p90.toFixed(0)})`;
}

export interface VariantFigures {
  name: string;
  ready?: Summary;
  answered: Summary;
  coldRss?: Summary;
  warm?: Summary;
  warmRss?: number | undefined;
  size?: { bytes: number; gzipBytes: number };
}

export function variantsTable(variants: VariantFigures[]): string {
  const header = [
    "variant",
    "ready (spawn -> socket)",
    "cold start (spawn -> 1st answer)",
    "warm call",
    "peak RSS cold / warm",
    "bytes (gzip)",
  ];
  const rows = variants.map((v) => [
    v.name,
    v.ready ? timing(v.ready) : "-",
    timing(v.answered),
    v.warm ? timing(v.warm) : "-",
    v.coldRss ? `${mb(v.coldRss.median)} / ${v.warm ? mb(v.warmRss) : "-"}` : "-",
    v.size ? `${v.size.bytes} (${v.size.gzipBytes})` : "-",
  ]);
  return table(header, rows);
}

export function callsTable(counts: CallCount[]): string {
  const rows = counts.map(({ audit, calls }) => {
    const extra = calls.length - audit.needed.length;
    const same = calls.join(",") === audit.needed.join(",");
    return [
      audit.name,
      String(calls.length),
      calls.join(", "),
      same ? "none" : `${extra} (expected ${audit.needed.join(", ")})`,
    ];
  });
  return table(["decision", "OCI calls", "calls in order", "unneeded"], rows);
}

export function targetsTable(targets: Target[]): string {
  return table(
    ["target", "result", "measured"],
    targets.map((t) => [t.name, t.pass ? "PASS" : "FAIL", t.detail]),
  );
}
