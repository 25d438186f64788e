/**
 * The reference traces in traces/, with what turns their requests into instances' worth: the set `npm run
 * bench` runs every policy on. The generated ones come from generate-traces.ts (deterministic, seeded).
 */
import { resolve } from "node:path";

export interface ReferenceTrace {
  name: string;
  file: string;
  requestsPerInstance: number;
  what: string;
}

export const TRACES_DIR = resolve(__dirname, "..", "..", "traces");

export const REFERENCE_TRACES: ReferenceTrace[] = [
  { name: "step-4x", file: "step-4x.csv", requestsPerInstance: 100, what: "1 h at 120 rpm, 4 h at 480, 1 h at 120" },
  {
    name: "ramp",
    file: "ramp.csv",
    requestsPerInstance: 100,
    what: "100 rpm to 800 over 4 h, held 1 h, down over 2 h",
  },
  {
    name: "diurnal-week",
    file: "diurnal-week.csv",
    requestsPerInstance: 100,
    what: "a week, 5-minute steps: 100-700 rpm by day, weekends at 60 %, ±15 % noise",
  },
  { name: "spike", file: "spike.csv", requestsPerInstance: 100, what: "3 h at 200 rpm with 15 minutes at 800" },
  {
    name: "steady-noisy-day",
    file: "steady-noisy-day.csv",
    requestsPerInstance: 100,
    what: "24 h at 300 rpm ±10 % noise",
  },
  {
    name: "bursty-week",
    file: "bursty-week.csv",
    requestsPerInstance: 100,
    what: "a week, 1-minute steps: 60-100 rpm with 10-20 minute bursts at 4-8×, 1-3 h apart",
  },
  {
    name: "surge-week",
    file: "surge-week.csv",
    requestsPerInstance: 100,
    what: "a week of office hours: 60 rpm at night, up to 600 within 5 minutes at 08:00, weekends at 40 %, ±10 % noise",
  },
  {
    name: "nasa-1995",
    file: "nasa-1995-per-minute.csv.gz",
    requestsPerInstance: 60,
    what: "NASA-HTTP July-August 1995, requests per minute (real)",
  },
];

export function referencePath(trace: ReferenceTrace): string {
  return resolve(TRACES_DIR, trace.file);
}
