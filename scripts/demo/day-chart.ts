/**
 * The demo's chart as a standalone SVG (hand-written, no dependencies): for each deployment, instances
 * over the day with CPU utilization behind it, and the shape over the day with memory utilization.
 */
import { DEFAULT_SHAPE_LADDERS, findOnLadder } from "../../src/shape-ladders";
import type { SeriesPoint } from "./play-day";
import { clock, DAY_END, DAY_START } from "./sample-day";

const WIDTH = 960;
const LEFT = 140;
const RIGHT = 56;
const PANEL = 120;
const COLORS = {
  instances: "#1f5fbf",
  shape: "#1a8a4a",
  cpu: "#e07b00",
  memory: "#9c27b0",
  grid: "#e3e3e3",
  text: "#333",
};

export interface ChartThresholds {
  cpu: [number, number];
  memory: [number, number];
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
const text = (x: number, y: number, s: string, attrs = "") =>
  `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${attrs}>${escapeXml(s)}</text>`;

/** An SVG path that holds each value until the next point (a state, not a trend). */
function stepPath(points: [number, number][]): string {
  return points
    .map(([x, y], i) => {
      if (i === 0) return `M${x.toFixed(1)},${y.toFixed(1)}`;
      return `H${x.toFixed(1)}V${y.toFixed(1)}`;
    })
    .join("");
}

function linePath(points: [number, number][]): string {
  return points.map(([x, y], i) => `${i === 0 ? "M" : "L"}${x.toFixed(1)},${y.toFixed(1)}`).join("");
}

interface Panel {
  top: number;
  label: string;
  ticks: { value: number; label: string }[];
  values: number[];
  color: string;
  percent: number[];
  percentColor: string;
  percentLabel: string;
  thresholds: [number, number];
}

function panel(p: Panel, minutes: number[], xOf: (m: number) => number): string {
  const plotBottom = p.top + PANEL;
  const lo = Math.min(...p.ticks.map((t) => t.value));
  const hi = Math.max(...p.ticks.map((t) => t.value));
  const yOf = (v: number) => plotBottom - 8 - ((v - lo) / Math.max(1, hi - lo)) * (PANEL - 16);
  const pctY = (v: number) => plotBottom - (v / 100) * PANEL;
  const parts = [
    `<rect x="${LEFT}" y="${p.top}" width="${WIDTH - LEFT - RIGHT}" height="${PANEL}" fill="#fff" stroke="#bbb"/>`,
  ];
  for (let m = DAY_START; m <= DAY_END; m += 120) {
    parts.push(`<line x1="${xOf(m)}" y1="${p.top}" x2="${xOf(m)}" y2="${plotBottom}" stroke="${COLORS.grid}"/>`);
  }
  for (const t of p.ticks) {
    parts.push(`<line x1="${LEFT - 4}" y1="${yOf(t.value)}" x2="${LEFT}" y2="${yOf(t.value)}" stroke="#888"/>`);
    parts.push(text(LEFT - 8, yOf(t.value) + 4, t.label, `text-anchor="end" font-size="11" fill="${p.color}"`));
  }
  for (const [i, pct] of p.thresholds.entries()) {
    parts.push(
      `<line x1="${LEFT}" y1="${pctY(pct)}" x2="${WIDTH - RIGHT}" y2="${pctY(pct)}" stroke="${p.percentColor}" stroke-dasharray="4 4" stroke-opacity="0.6"/>`,
    );
    parts.push(
      text(
        WIDTH - RIGHT + 4,
        pctY(pct) + 4,
        `${pct}% ${i === 0 ? "high" : "low"}`,
        `font-size="10" fill="${p.percentColor}"`,
      ),
    );
  }
  parts.push(
    `<path d="${linePath(minutes.map((m, i) => [xOf(m), pctY(p.percent[i] ?? 0)]))}" fill="none" stroke="${p.percentColor}" stroke-width="1.2" stroke-opacity="0.75"/>`,
  );
  parts.push(
    `<path d="${stepPath(minutes.map((m, i) => [xOf(m), yOf(p.values[i] ?? lo)]))}" fill="none" stroke="${p.color}" stroke-width="3"/>`,
  );
  parts.push(text(WIDTH - RIGHT + 4, p.top + 10, "100%", `font-size="10" fill="#999"`));
  parts.push(text(WIDTH - RIGHT + 4, plotBottom, "0%", `font-size="10" fill="#999"`));
  return parts.join("\n");
}

/** One legend line per deployment, above its panels: thick lines are states, thin ones utilization. */
function legend(y: number): string {
  const items: [string, string, number][] = [
    ["instances", COLORS.instances, 3],
    ["CPU utilization", COLORS.cpu, 1.2],
    ["shape", COLORS.shape, 3],
    ["memory utilization", COLORS.memory, 1.2],
  ];
  let x = LEFT + 160;
  return items
    .map(([label, color, width]) => {
      const item = `<line x1="${x}" y1="${y - 4}" x2="${x + 18}" y2="${y - 4}" stroke="${color}" stroke-width="${width}"/>${text(x + 23, y, label, `font-size="11" fill="${color}"`)}`;
      x += 40 + label.length * 6.5;
      return item;
    })
    .join("");
}

function rungsFor(shapes: string[]): string[] {
  const first = shapes[0] ?? "?";
  const position = findOnLadder(DEFAULT_SHAPE_LADDERS, first);
  if (!position) return [...new Set(shapes)];
  const indices = shapes.map((s) => position.ladder.indexOf(s)).filter((i) => i >= 0);
  const lo = Math.min(...indices);
  const hi = Math.max(Math.max(...indices), lo + 1);
  return position.ladder.slice(lo, Math.min(hi, position.ladder.length - 1) + 1);
}

export function dayChart(
  series: Map<string, SeriesPoint[]>,
  thresholds: ChartThresholds = { cpu: [80, 15], memory: [80, 25] },
): string {
  const xOf = (m: number) => LEFT + ((m - DAY_START) / (DAY_END - DAY_START)) * (WIDTH - LEFT - RIGHT);
  const blockHeight = 2 * PANEL + 70;
  const height = 60 + series.size * blockHeight + 10;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="Helvetica, Arial, sans-serif">`,
    `<rect width="${WIDTH}" height="${height}" fill="#fafafa"/>`,
    text(
      LEFT,
      28,
      "model-deployment-autoscale: a simulated day (npm run demo)",
      `font-size="16" font-weight="bold" fill="${COLORS.text}"`,
    ),
    text(
      LEFT,
      46,
      "thick: what the function set (instances, shape); thin: the utilization the alarms watch; dashed: alarm thresholds",
      `font-size="11" fill="#666"`,
    ),
  ];
  let top = 60;
  for (const [name, points] of series) {
    const minutes = points.map((p) => p.minute);
    const maxInstances = Math.max(2, ...points.map((p) => p.instances));
    const rungs = rungsFor(points.map((p) => p.shape));
    parts.push(text(12, top + 14, name, `font-size="14" font-weight="bold" fill="${COLORS.text}"`));
    parts.push(legend(top + 14));
    parts.push(
      panel(
        {
          top: top + 22,
          label: "instances",
          ticks: Array.from({ length: maxInstances }, (_, i) => ({ value: i + 1, label: String(i + 1) })),
          values: points.map((p) => p.instances),
          color: COLORS.instances,
          percent: points.map((p) => p.cpu),
          percentColor: COLORS.cpu,
          percentLabel: "CPU utilization",
          thresholds: thresholds.cpu,
        },
        minutes,
        xOf,
      ),
      panel(
        {
          top: top + 22 + PANEL + 10,
          label: "shape",
          ticks: rungs.map((shape, i) => ({ value: i, label: shape })),
          values: points.map((p) => rungs.indexOf(p.shape)),
          color: COLORS.shape,
          percent: points.map((p) => p.memory),
          percentColor: COLORS.memory,
          percentLabel: "memory utilization",
          thresholds: thresholds.memory,
        },
        minutes,
        xOf,
      ),
    );
    const axisY = top + 22 + 2 * PANEL + 10;
    for (let m = DAY_START; m <= DAY_END; m += 120) {
      parts.push(text(xOf(m), axisY + 14, clock(m), `text-anchor="middle" font-size="11" fill="#666"`));
    }
    top += blockHeight;
  }
  parts.push("</svg>");
  return `${parts.join("\n")}\n`;
}
