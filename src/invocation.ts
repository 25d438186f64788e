import type { FdkContext } from "@fnproject/fdk";
import { handleAlarm, type Runtime } from "./handler";
import type { OciClients } from "./oci/clients";
import { type Config, ConfigError, loadConfig } from "./policy/config";
import { logFailure, stdoutSink } from "./results/decision-log";
import type { AlarmResponse } from "./results/response";

/** Parsed once per container: a bad value is reported on every call instead of crash-looping the container. */
let runtime: Runtime | ConfigError | undefined;

function loadRuntime(env: Record<string, string | undefined>): Runtime | ConfigError {
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  let clients: Promise<OciClients> | undefined;
  return {
    config,
    now: () => new Date(),
    log: stdoutSink,
    // The SDK is most of the bundle's start-up work: loaded only for a message that will call OCI.
    clients: () => {
      clients ??= import("./oci/clients")
        .then(({ createOciClients }) => createOciClients(config))
        .catch((error: unknown) => {
          clients = undefined; // as before: a failed start (e.g. unreadable credentials) is tried again next call
          throw error;
        });
      return clients;
    },
  };
}

/** The FDK's handler: bytes and context in, a JSON value out (never undefined: that crashes the FDK). */
export async function invoke(input: Buffer, ctx: FdkContext): Promise<AlarmResponse> {
  runtime ??= loadRuntime(ctx.config);
  if (runtime instanceof ConfigError) {
    logFailure({ sink: stdoutSink, callId: ctx.callID }, runtime.message);
    return { status: "rejected", reason: runtime.message, problems: runtime.problems, dryRun: false, results: [] };
  }
  const fromHeader = ctx.deadline;
  const deadline =
    fromHeader && !Number.isNaN(fromHeader.getTime())
      ? fromHeader
      : new Date(Date.now() + runtime.config.DEFAULT_TIMEOUT_SECONDS * 1000);
  return handleAlarm(input, { callId: ctx.callID, deadline }, runtime);
}
