import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { loadTrace } from "../../commands/simulate/load-trace";
import { toTrace } from "../../commands/simulate/resample";
import { readTraceCsv } from "../../commands/simulate/trace-reader";

const t = (minute: number, seconds = 0) => new Date(Date.UTC(2026, 2, 2, 0, minute, seconds)).toISOString();

describe("trace reader: good files", () => {
  it("reads requests per minute and turns them into instances' worth", () => {
    const raw = readTraceCsv(`time,requests_per_minute\n${t(0)},100\n${t(1)},250\n`);
    const trace = toTrace(raw, "rpm", 100);
    expect(Array.from(trace.demand)).toEqual([1, 2.5]);
    expect(trace.startMs).toBe(Date.parse(t(0)));
  });

  it("reads cpu_percent with instances (load = cpu × instances / 100) and memory, in any column order", () => {
    const raw = readTraceCsv(`memory_percent,instances,time,cpu_percent\n40,2,${t(0)},50\n45,3,${t(1)},90\n`);
    const trace = toTrace(raw, "cpu");
    expect(Array.from(trace.demand)).toEqual([1, 2.7]);
    expect(Array.from(trace.memory ?? [])).toEqual([40, 45]);
    expect(trace.recordedInstances).toBe(2);
  });

  it("holds a 5-minute step for each minute, and averages a 30-second step within the minute", () => {
    const coarse = toTrace(readTraceCsv(`time,requests_per_minute\n${t(0)},10\n${t(5)},20\n`), "c", 10);
    expect(Array.from(coarse.demand)).toEqual([1, 1, 1, 1, 1, 2, 2, 2, 2, 2]);
    const fine = toTrace(
      readTraceCsv(`time,requests_per_minute\n${t(0)},10\n${t(0, 30)},30\n${t(1)},40\n${t(1, 30)},40\n`),
      "f",
      10,
    );
    expect(Array.from(fine.demand)).toEqual([2, 4]);
  });

  it("reads a gzip-compressed file, and offsets in the time zone", () => {
    const dir = mkdtempSync(join(tmpdir(), "trace-"));
    const file = join(dir, "x.csv.gz");
    writeFileSync(
      file,
      gzipSync("time,requests_per_minute\n2026-03-02T01:00:00+01:00,60\n2026-03-02T01:01:00+01:00,120\n"),
    );
    const trace = loadTrace(file, 60);
    expect(trace.name).toBe("x");
    expect(Array.from(trace.demand)).toEqual([1, 2]);
    expect(new Date(trace.startMs).toISOString()).toBe("2026-03-02T00:00:00.000Z");
  });
});

describe("trace reader: bad files name the line and the column", () => {
  const bad: [string, string, RegExp][] = [
    ["no time column", "when,requests_per_minute\n", /t:1: no "time" column/],
    ["no load column", `time,visits\n${t(0)},1\n${t(1)},1\n`, /t:1: the header needs exactly one load column/],
    ["two load columns", `time,requests_per_minute,cpu_percent,instances\n`, /t:1: the header needs exactly one/],
    ["cpu without instances", `time,cpu_percent\n${t(0)},5\n`, /t:1: column cpu_percent needs an "instances" column/],
    [
      "a word for a number",
      `time,requests_per_minute\n${t(0)},1\n${t(1)},lots\n`,
      /t:3: column requests_per_minute: "lots" is not a number/,
    ],
    [
      "cpu above 100",
      `time,cpu_percent,instances\n${t(0)},120,1\n${t(1)},1,1\n`,
      /t:2: column cpu_percent: 120 is outside 0..100/,
    ],
    [
      "fractional instances",
      `time,cpu_percent,instances\n${t(0)},10,1.5\n${t(1)},1,1\n`,
      /t:2: column instances: 1.5 is not a whole number/,
    ],
    [
      "time without a zone",
      `time,requests_per_minute\n2026-03-02T00:00:00,1\n${t(1)},1\n`,
      /t:2: column time: "2026-03-02T00:00:00" is not an ISO 8601 time with a zone/,
    ],
    [
      "time going back",
      `time,requests_per_minute\n${t(1)},1\n${t(0)},1\n`,
      /t:3: column time: .* is not after the previous row/,
    ],
    [
      "an irregular step",
      `time,requests_per_minute\n${t(0)},1\n${t(1)},1\n${t(3)},1\n`,
      /t:4: column time: a step of 120 s where the file's step is 60 s/,
    ],
    ["a short row", `time,requests_per_minute\n${t(0)},1\n${t(1)}\n`, /t:3: 1 columns where the header has 2/],
    ["one row only", `time,requests_per_minute\n${t(0)},1\n`, /a trace needs at least two rows/],
  ];
  it.each(bad)("%s", (_, csv, message) => {
    expect(() => readTraceCsv(csv, "t")).toThrow(message);
  });

  it("a requests trace without --requests-per-instance says which flag is missing", () => {
    const raw = readTraceCsv(`time,requests_per_minute\n${t(0)},1\n${t(1)},1\n`);
    expect(() => toTrace(raw, "x")).toThrow(/--requests-per-instance N/);
  });
});
