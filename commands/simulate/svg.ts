/**
 * `--svg FILE`: demand and each policy's serving instances over time, one panel per policy on the same
 * scales (demand in instances' worth as a grey area behind). Long traces are drawn per column of pixels
 * with the column's highest value, so a month stays readable and no peak is hidden.
 */
import type { SimulationResult } from "./run";

const WIDTH = 1200;
const LEFT = 150;
const RIGHT = 20;
const PANEL = 110;
const GAP = 18;
const COLORS = ["#1f5fbf", "#e07b00", "#9c27b0", "#1a8a4a", "#c62828", "#00838f", "#6d4c41"];

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The highest value in each of `columns` equal slices of `series`. */
export function columnMax(series: ArrayLike<number>, columns: number): number[] {
  const n = series.length;
  const out: number[] = [];
  for (let c = 0; c < Math.min(columns, n); c++) {
    const from = Math.floor((c * n) / Math.min(columns, n));
    const to = Math.max(from + 1, Math.floor(((c + 1) * n) / Math.min(columns, n)));
    let max = 0;
    for (let m = from; m < to; m++) max = Math.max(max, series[m] ?? 0);
    out.push(max);
  }
  return out;
}

function ticks(startMs: number, minutes: number): { minute: number; label: string }[] {
  const day = 1440;
  const step = minutes > 20 * day ? 7 * day : minutes > 3 * day ? day : minutes > day ? 360 : 60;
  const out = [];
  for (let m = 0; m <= minutes; m += step) {
    const t = new Date(startMs + m * 60_000).toISOString();
    out.push({ minute: m, label: step >= day ? t.slice(5, 10) : t.slice(11, 16) });
  }
  return out;
}

export function simulationSvg(result: SimulationResult, title = `npm run simulate: ${result.trace.name}`): string {
  const { trace, runs } = result;
  const minutes = trace.demand.length;
  const plotWidth = WIDTH - LEFT - RIGHT;
  const columns = Math.min(plotWidth, minutes);
  const x = (c: number) => LEFT + (c / Math.max(1, columns - 1)) * plotWidth;
  const demand = columnMax(trace.demand, columns);
  const top = Math.max(1, ...demand, ...runs.map((r) => Math.max(...columnMax(r.serving, columns))));
  const height = 60 + runs.length * (PANEL + GAP) + 30;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="Helvetica, Arial, sans-serif">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${WIDTH}" height="${height}" fill="#fafafa"/>`,
    `<text x="${LEFT}" y="26" font-size="16" font-weight="bold" fill="#333">${escapeXml(title)}</text>`,
    `<text x="${LEFT}" y="44" font-size="11" fill="#666">grey: demand in instances' worth at 100 % CPU; line: instances serving (highest per pixel column); red ticks: overload</text>`,
  ];
  runs.forEach((run, i) => {
    const y0 = 60 + i * (PANEL + GAP);
    const y = (v: number) => y0 + PANEL - (v / top) * (PANEL - 6);
    const color = COLORS[i % COLORS.length] as string;
    const f = run.figures;
    parts.push(`<rect x="${LEFT}" y="${y0}" width="${plotWidth}" height="${PANEL}" fill="#fff" stroke="#ccc"/>`);
    const area = demand.map((v, c) => `L${x(c).toFixed(1)},${y(v).toFixed(1)}`).join("");
    parts.push(
      `<path d="M${LEFT},${y0 + PANEL}${area}L${x(columns - 1).toFixed(1)},${y0 + PANEL}Z" fill="#bbb" fill-opacity="0.6"/>`,
    );
    const serving = columnMax(run.serving, columns);
    const line = serving.map((v, c) => `${c === 0 ? "M" : "L"}${x(c).toFixed(1)},${y(v).toFixed(1)}`).join("");
    parts.push(`<path d="${line}" fill="none" stroke="${color}" stroke-width="1.6"/>`);
    const over = demand.flatMap((d, c) => (d > (serving[c] ?? 0) + 1e-9 ? [c] : []));
    if (over.length) {
      const marks = over.map((c) => `M${x(c).toFixed(1)},${y0 + PANEL}v-5`).join("");
      parts.push(`<path d="${marks}" stroke="#c62828" stroke-width="1"/>`);
    }
    parts.push(
      `<text x="10" y="${y0 + 16}" font-size="13" font-weight="bold" fill="${color}">${escapeXml(f.name)}</text>`,
    );
    const lines = [
      `${f.instanceHours.toFixed(0)} instance-h`,
      `${f.overloadMinutes} min overload`,
      `${f.updates} updates, ${f.reversals} rev.`,
    ];
    lines.forEach((t, k) => {
      parts.push(`<text x="10" y="${y0 + 34 + k * 15}" font-size="11" fill="#555">${escapeXml(t)}</text>`);
    });
    parts.push(
      `<text x="${LEFT - 4}" y="${y0 + 10}" font-size="10" text-anchor="end" fill="#999">${Math.round(top)}</text>`,
    );
  });
  const axis = 60 + runs.length * (PANEL + GAP) + 4;
  for (const t of ticks(trace.startMs, minutes)) {
    const px = LEFT + (t.minute / Math.max(1, minutes - 1)) * plotWidth;
    if (px > WIDTH - RIGHT + 1) continue;
    parts.push(
      `<text x="${px.toFixed(1)}" y="${axis + 8}" font-size="10" text-anchor="middle" fill="#666">${t.label}</text>`,
    );
  }
  parts.push("</svg>");
  return `${parts.join("\n")}\n`;
}
