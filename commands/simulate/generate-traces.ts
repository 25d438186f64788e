/**
 * Writes the generated reference traces to traces/ (npx tsx commands/simulate/generate-traces.ts).
 * Deterministic: the same seed, the same files, so the checked-in CSVs can be regenerated and compared.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { mulberry32 } from "../../emulator";
import { TRACES_DIR } from "./reference-traces";

const START = Date.parse("2026-03-02T00:00:00Z");

function csv(stepMinutes: number, values: number[]): string {
  const rows = values.map((v, i) => `${new Date(START + i * stepMinutes * 60_000).toISOString()},${Math.round(v)}`);
  return `time,requests_per_minute\n${rows.join("\n")}\n`;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/**
 * A week at 1-minute steps: 60-100 rpm (80 ± 25 % noise) with bursts of 10-20 minutes at 4-8× that base,
 * starting 1-3 hours apart. A burst is shorter than one update (10 minutes) and its cooldown: by the time
 * new instances serve it is over, and a controller that scales in right after will meet the next one short.
 */
function burstyWeek(random: () => number): number[] {
  const minutes = 7 * 24 * 60;
  const factor = new Float64Array(minutes).fill(1);
  for (let start = 60 + Math.floor(121 * random()); start < minutes; start += 60 + Math.floor(121 * random())) {
    const length = 10 + Math.floor(11 * random());
    const height = 4 + 4 * random();
    factor.fill(height, start, Math.min(minutes, start + length));
  }
  return range(minutes).map((m) => 80 * (1 + 0.25 * (2 * random() - 1)) * (factor[m] ?? 1));
}

/**
 * A week of office hours with a sharp morning surge: 60 rpm at night, from 08:00 up to 600 within 5 minutes,
 * a lunch dip to 400, 500 in the afternoon, down to the night's rate from 17:00 to 20:00; Saturday and Sunday at
 * 40 % of it. ±10 % noise. Every weekday the same surge at the same time: what a forecast from history is for.
 */
function surgeWeek(random: () => number): number[] {
  const weekday = (minuteOfDay: number): number => {
    const h = minuteOfDay / 60;
    if (h < 8 || h >= 20) return 60;
    if (h < 8 + 5 / 60) return 60 + (540 * (minuteOfDay - 480)) / 5;
    if (h < 12) return 600;
    if (h < 13) return 400;
    if (h < 17) return 500;
    return 500 - (440 * (minuteOfDay - 17 * 60)) / 180;
  };
  return range(7 * 24 * 60).map((m) => {
    const day = Math.floor(m / 1440);
    const level = weekday(m % 1440);
    const scaled = day >= 5 ? 60 + (level - 60) * 0.4 : level;
    return scaled * (1 + 0.1 * (2 * random() - 1));
  });
}

export function generatedTraces(): Record<string, string> {
  const noise = mulberry32(20260302);
  const jitter = (amplitude: number) => 1 + amplitude * (2 * noise() - 1);
  const step = range(360).map((m) => (m >= 60 && m < 300 ? 480 : 120));
  const ramp = range(480).map((m) => {
    if (m < 60) return 100;
    if (m < 300) return 100 + (700 * (m - 60)) / 240;
    if (m < 360) return 800;
    return 800 - (700 * (m - 360)) / 120;
  });
  const week = range((7 * 24 * 60) / 5).map((i) => {
    const minute = i * 5;
    const hour = (minute / 60) % 24;
    const day = Math.floor(minute / 1440);
    const daily = 100 + 600 * Math.max(0, Math.sin((Math.PI * (hour - 6)) / 16)) ** 2;
    return daily * (day >= 5 ? 0.6 : 1) * jitter(0.15);
  });
  const spike = range(180).map((m) => (m >= 60 && m < 75 ? 800 : 200));
  const steady = range(1440).map(() => 300 * jitter(0.1));
  return {
    "step-4x.csv": csv(1, step),
    "ramp.csv": csv(1, ramp),
    "diurnal-week.csv": csv(5, week),
    "spike.csv": csv(1, spike),
    "steady-noisy-day.csv": csv(1, steady),
    // Its own seed, so the traces above stay as they were.
    "bursty-week.csv": csv(1, burstyWeek(mulberry32(20260318))),
    "surge-week.csv": csv(1, surgeWeek(mulberry32(20261206))),
  };
}

if (require.main === module) {
  for (const [file, text] of Object.entries(generatedTraces())) {
    writeFileSync(resolve(TRACES_DIR, file), text);
    console.log(`traces/${file}: ${text.split("\n").length - 2} rows`);
  }
}
