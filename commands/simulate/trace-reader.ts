/**
 * Reads a load trace CSV: a header, a `time` column (ISO 8601 with a zone, any fixed step) and one load
 * column, `requests_per_minute` or `cpu_percent` with `instances`, optionally `memory_percent`.
 * Every problem names its line and column, so a bad file is fixed in one look.
 */

export interface TraceRow {
  timeMs: number;
  /** requests per minute, or cpu % × instances / 100 (instances' worth at 100 %). */
  load: number;
  memory?: number;
  instances?: number;
}

export interface RawTrace {
  loadColumn: "requests_per_minute" | "cpu_percent";
  rows: TraceRow[];
  hasMemory: boolean;
}

export class TraceError extends Error {
  override name = "TraceError";
}

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

function fail(source: string, line: number, message: string): never {
  throw new TraceError(`${source}:${line}: ${message}`);
}

function number(source: string, line: number, column: string, text: string | undefined, max = Infinity): number {
  const value = Number((text ?? "").trim());
  if ((text ?? "").trim() === "" || !Number.isFinite(value)) {
    fail(source, line, `column ${column}: "${text ?? ""}" is not a number`);
  }
  if (value < 0 || value > max) fail(source, line, `column ${column}: ${value} is outside 0..${max}`);
  return value;
}

export function readTraceCsv(text: string, source = "trace"): RawTrace {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const header = (lines[0] ?? "").split(",").map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  if (col("time") < 0) fail(source, 1, `no "time" column in the header (${header.join(",") || "empty"})`);
  const rpm = col("requests_per_minute");
  const cpu = col("cpu_percent");
  const instances = col("instances");
  const memory = col("memory_percent");
  if (rpm < 0 === cpu < 0) {
    fail(source, 1, "the header needs exactly one load column: requests_per_minute, or cpu_percent with instances");
  }
  if (cpu >= 0 && instances < 0) fail(source, 1, 'column cpu_percent needs an "instances" column');
  const loadColumn = rpm >= 0 ? "requests_per_minute" : "cpu_percent";
  const rows: TraceRow[] = [];
  let step: number | undefined;
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i] ?? "";
    if (raw.trim() === "") continue;
    const line = i + 1;
    const cells = raw.split(",");
    if (cells.length !== header.length) {
      fail(source, line, `${cells.length} columns where the header has ${header.length}`);
    }
    const timeText = (cells[col("time")] ?? "").trim();
    const timeMs = ISO_WITH_ZONE.test(timeText) ? Date.parse(timeText) : Number.NaN;
    if (Number.isNaN(timeMs)) {
      fail(source, line, `column time: "${timeText}" is not an ISO 8601 time with a zone (2026-03-02T08:00:00Z)`);
    }
    const previous = rows[rows.length - 1];
    if (previous) {
      const gap = timeMs - previous.timeMs;
      if (gap <= 0) fail(source, line, `column time: ${timeText} is not after the previous row`);
      step ??= gap;
      if (gap !== step) {
        fail(source, line, `column time: a step of ${gap / 1000} s where the file's step is ${step / 1000} s`);
      }
    }
    const row: TraceRow =
      loadColumn === "requests_per_minute"
        ? { timeMs, load: number(source, line, "requests_per_minute", cells[rpm]) }
        : (() => {
            const count = number(source, line, "instances", cells[instances]);
            if (!Number.isInteger(count) || count < 1)
              fail(source, line, `column instances: ${count} is not a whole number ≥ 1`);
            return {
              timeMs,
              load: (number(source, line, "cpu_percent", cells[cpu], 100) * count) / 100,
              instances: count,
            };
          })();
    if (memory >= 0) row.memory = number(source, line, "memory_percent", cells[memory], 100);
    rows.push(row);
  }
  if (rows.length < 2) fail(source, Math.max(2, lines.length), "a trace needs at least two rows");
  return { loadColumn, rows, hasMemory: memory >= 0 };
}
