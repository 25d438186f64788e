import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export interface FnCallResult {
  status: number;
  /** Parsed JSON when the answer is JSON, otherwise the raw text. */
  body: unknown;
  text: string;
  headers: Record<string, string | string[] | undefined>;
  durationMs: number;
}

export interface FnProcess {
  socketPath: string;
  /** The function's process id (for /proc/<pid>/status). */
  pid: number | undefined;
  /** Every line the function wrote to stdout/stderr, in order. */
  output: string[];
  /** stdout lines that are JSON objects: the function's structured log. */
  logLines(): Record<string, unknown>[];
  call(body: string | Uint8Array, headers?: Record<string, string>): Promise<FnCallResult>;
  exited(): boolean;
  stop(): Promise<void>;
}

export interface StartFunctionOptions {
  /** The script Fn would start; the bundle by default; null for none (a snapshot blob's main function runs). */
  entry?: string | null;
  env?: Record<string, string>;
  readyTimeoutMs?: number;
  nodeArgs?: string[];
}

/**
 * Where the tests' bundle is: dist/, or FUNCTION_DIST (CI's Node 22 run builds its own bundle there, so the
 * two runs never share one). The function runs on `process.execPath`: the Node that runs the tests.
 */
export const DIST_DIR = resolve(process.env.FUNCTION_DIST ?? resolve(__dirname, "../dist"));
export const DEFAULT_ENTRY = join(DIST_DIR, "func.js");

/**
 * Starts the function as the Fn platform does: FN_FORMAT=http-stream, FN_LISTENER on a socket in a fresh
 * directory (stale sockets break a restart), then waits for the FDK's `lsnr.sock` symlink.
 * The child gets only the variables given here plus PATH, as a function container would.
 */
export async function startFunction(options: StartFunctionOptions = {}): Promise<FnProcess> {
  const dir = mkdtempSync(join(tmpdir(), "fn-"));
  const socketPath = join(dir, "lsnr.sock");
  const output: string[] = [];
  const entry = options.entry === null ? [] : [options.entry ?? DEFAULT_ENTRY];
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), ...entry], {
    env: {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      FN_FORMAT: "http-stream",
      FN_LISTENER: `unix:${socketPath}`,
      FN_APP_NAME: "model-deployment-scaling",
      FN_FN_NAME: "model-deployment-autoscale",
      FN_MEMORY: "256",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  collectLines(child.stdout, output);
  collectLines(child.stderr, output);
  let exitCode: number | null = null;
  child.on("exit", (code) => {
    exitCode = code ?? -1;
  });

  const deadline = Date.now() + (options.readyTimeoutMs ?? 10_000);
  while (!existsSync(socketPath)) {
    if (exitCode !== null) throw new Error(`function exited with ${exitCode} before listening:\n${output.join("\n")}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`function did not listen on ${socketPath} in time:\n${output.join("\n")}`);
    }
    await new Promise((r) => setTimeout(r, 5));
  }

  return {
    socketPath,
    pid: child.pid,
    output,
    logLines: () => output.flatMap((line) => parseJsonObject(line)),
    call: (body, headers) => callFunction(socketPath, body, headers),
    exited: () => exitCode !== null,
    stop: async () => {
      if (exitCode === null) {
        const gone = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await gone;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** POST /call on the FDK socket with the headers the platform and Notifications send. */
export function callFunction(
  socketPath: string,
  body: string | Uint8Array,
  headers: Record<string, string> = {},
): Promise<FnCallResult> {
  const payload = typeof body === "string" ? Buffer.from(body, "utf8") : Buffer.from(body);
  const started = performance.now();
  return new Promise((resolvePromise, reject) => {
    const req = request(
      {
        socketPath,
        method: "POST",
        path: "/call",
        headers: {
          Host: "localhost",
          "Content-Type": "application/json",
          "Content-Length": String(payload.byteLength),
          "Fn-Call-Id": `01LOCAL${Math.random().toString(36).slice(2, 12).toUpperCase()}`,
          "Fn-Deadline": new Date(Date.now() + 60_000).toISOString(),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // not JSON: keep the text
          }
          resolvePromise({
            status: res.statusCode ?? 0,
            body: parsed,
            text,
            headers: res.headers,
            durationMs: performance.now() - started,
          });
        });
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

function collectLines(stream: NodeJS.ReadableStream | null, into: string[]): void {
  if (!stream) return;
  let pending = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk: string) => {
    pending += chunk;
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    into.push(...lines);
  });
  stream.on("end", () => {
    if (pending) into.push(pending);
  });
}

function parseJsonObject(line: string): Record<string, unknown>[] {
  if (!line.startsWith("{")) return [];
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? [value as Record<string, unknown>]
      : [];
  } catch {
    return [];
  }
}
