import type { LocalOci } from "../emulator/local-oci";
import { handleAlarm, type Runtime } from "../src/handler";
import { createOciClients } from "../src/oci/clients";
import { type Config, loadConfig } from "../src/policy/config";
import type { LogSink } from "../src/results/decision-log";
import type { AlarmResponse } from "../src/results/response";

export interface InProcessFunction {
  config: Config;
  logs: Record<string, unknown>[];
  /** The simulated clock the handler reads; move it with `advance`. */
  clock: { now: Date; advance(seconds: number): void };
  send(body: string | Uint8Array | object, deadlineMs?: number): Promise<AlarmResponse>;
}

/**
 * The handler called directly (no FDK process), with the real SDK clients signed by the local resource
 * principal and pointed at the emulator. For runs of thousands of messages and for simulated time.
 */
export function inProcessFunction(
  oci: LocalOci,
  env: Record<string, string> = {},
  start = new Date("2026-11-24T00:00:00Z"),
  options: { retryDelayScale?: number } = {},
): InProcessFunction {
  // The resource principal provider reads these when the clients are built.
  Object.assign(process.env, oci.auth.env);
  const config = loadConfig({ ...oci.functionEnv, ...env });
  const clients = createOciClients(config);
  const logs: Record<string, unknown>[] = [];
  const sink: LogSink = (line) => logs.push(line);
  const clock = {
    now: new Date(start),
    advance(seconds: number) {
      clock.now = new Date(clock.now.getTime() + seconds * 1000);
    },
  };
  const runtime: Runtime = { config, clients: async () => clients, now: () => clock.now, log: sink, ...options };
  return {
    config,
    logs,
    clock,
    send: (body, deadlineMs = 30_000) => {
      const bytes =
        body instanceof Uint8Array ? body : Buffer.from(typeof body === "string" ? body : JSON.stringify(body), "utf8");
      return handleAlarm(bytes, { callId: "in-process", deadline: new Date(Date.now() + deadlineMs) }, runtime);
    },
  };
}
