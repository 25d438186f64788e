/** A trace file (CSV, or CSV compressed with gzip) to a per-minute Trace. */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { gunzipSync } from "node:zlib";
import { toTrace } from "./resample";
import type { Trace } from "./trace";
import { readTraceCsv } from "./trace-reader";

export function loadTrace(path: string, requestsPerInstance?: number): Trace {
  const bytes = readFileSync(path);
  const text = (path.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8");
  const name = basename(path)
    .replace(/\.gz$/, "")
    .replace(/\.csv$/, "");
  return toTrace(readTraceCsv(text, basename(path)), name, requestsPerInstance);
}
