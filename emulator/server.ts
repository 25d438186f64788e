/** The HTTP server: records each request, injects faults, checks signatures, then routes. */
import { createPublicKey } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { AlarmStore } from "./alarms";
import { DeploymentStore } from "./deployments";
import { ApiError, codeForStatus } from "./errors";
import { Faults } from "./faults";
import { newRequestId } from "./ids";
import { parseJsonBody } from "./json";
import { createMonitoringStores, monitoringEmulatorApi } from "./monitoring-emulator";
import { type RouteRequest, type RouteResponse, route, type Stores } from "./routes";
import { verifyRequestSignature } from "./signature";
import { createTenancyStores, publishableTopic, tenancyEmulatorApi } from "./tenancy-emulator";
import type { Emulator, EmulatorOptions, Json, RecordedRequest } from "./types";

/**
 * Requests that change something. Monitoring's POST .../actions/retrieveDimensionStates and
 * .../actions/summarizeMetricsData only read, so they are not writes.
 */
const READ_ACTIONS = /\/actions\/(retrieveDimensionStates|summarizeMetricsData)$/;
function isWrite(request: RecordedRequest): boolean {
  return ["PUT", "POST", "DELETE"].includes(request.method) && !READ_ACTIONS.test(request.path);
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return flat;
}

/** Splits the query string; values are decoded with decodeURIComponent (the SDK does not encode them). */
function parseQuery(search: string): { query: Record<string, string>; malformed: boolean } {
  const query: Record<string, string> = {};
  let malformed = false;
  for (const pair of search.split("&").filter(Boolean)) {
    const eq = pair.indexOf("=");
    const [rawKey, rawValue] = eq < 0 ? [pair, ""] : [pair.slice(0, eq), pair.slice(eq + 1)];
    try {
      query[decodeURIComponent(rawKey)] = decodeURIComponent(rawValue);
    } catch {
      malformed = true;
      query[rawKey] = rawValue;
    }
  }
  return { query, malformed };
}

function safeJson(raw: string): unknown {
  try {
    return parseJsonBody(raw);
  } catch {
    return undefined;
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, record: RecordedRequest, response: RouteResponse): void {
  const headers: Record<string, string> = {
    "opc-request-id": newRequestId(record.headers["opc-request-id"]),
    ...response.headers,
  };
  // Encoded once: a 7-day metrics answer is megabytes, measured and written from the same bytes.
  const payload = Buffer.from(response.body === undefined ? "" : JSON.stringify(response.body), "utf8");
  if (payload.length) headers["content-type"] = "application/json";
  headers["content-length"] = String(payload.length);
  record.status = response.status;
  res.writeHead(response.status, headers);
  res.end(payload);
}

function errorResponse(status: number, message: string, code = codeForStatus(status)): RouteResponse {
  return { status, body: { code, message } satisfies Json };
}

function routeSafely(stores: Stores, req: RouteRequest): RouteResponse {
  try {
    return route(stores, req);
  } catch (error) {
    if (error instanceof ApiError) return errorResponse(error.status, error.message, error.code);
    console.error("[oci-emulator]", error);
    return errorResponse(500, `Emulator error: ${String(error)}`);
  }
}

export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  const publicKey = createPublicKey(options.publicKeyPem);
  const updateDelay = options.updateDelayMs === undefined ? 50 : options.updateDelayMs;
  const clock = options.clock ?? Date.now;
  const pageSize = options.pageSize ?? 50;
  let url = "";
  const tenancy = createTenancyStores({ ...options, pageSize, clock, url: () => url });
  const stores: Stores = {
    deployments: new DeploymentStore({
      updateDelayMs: updateDelay,
      refuseTagsWithConfigurationChange: options.refuseTagsWithConfigurationChange,
      refuseScalingPolicyWithOtherChanges: options.refuseScalingPolicyWithOtherChanges,
      clock: options.clock,
      updateSemantics: options.updateSemantics,
    }),
    ...createMonitoringStores(
      new AlarmStore(pageSize, clock),
      clock,
      options.metricRetentionMs,
      publishableTopic(tenancy.topics, options),
    ),
    ...tenancy,
  };
  const faults = new Faults();
  const requests: RecordedRequest[] = [];
  const sleeping = new Set<NodeJS.Timeout>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        sleeping.delete(timer);
        resolve();
      }, ms);
      sleeping.add(timer);
    });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const time = Date.now();
    const rawBodyBuffer = await readBody(req);
    const method = (req.method ?? "GET").toUpperCase();
    const url = req.url ?? "/";
    const queryStart = url.indexOf("?");
    const path = queryStart < 0 ? url : url.slice(0, queryStart);
    const { query, malformed } = parseQuery(queryStart < 0 ? "" : url.slice(queryStart + 1));
    const headers = flattenHeaders(req.headers);
    const rawBody = rawBodyBuffer.toString("utf8");
    const signature = verifyRequestSignature({ method, url, headers: req.headers, rawBody: rawBodyBuffer }, publicKey);
    const record: RecordedRequest = {
      method,
      path,
      query,
      headers,
      body: safeJson(rawBody),
      rawBody,
      status: 0,
      keyId: signature.keyId,
      signatureValid: signature.valid,
      time,
    };
    requests.push(record);

    const fault = faults.decide(method, path);
    if (fault && fault.delayMs > 0) await sleep(fault.delayMs);
    if (fault?.drop) {
      req.socket.destroy();
      return;
    }
    let response: RouteResponse;
    if (fault?.status !== undefined) response = errorResponse(fault.status, `Injected fault: ${fault.status}.`);
    else if (!signature.valid) response = errorResponse(401, `The request signature is invalid: ${signature.reason}.`);
    else if (malformed) response = errorResponse(400, "Malformed percent-encoding in the query string.");
    else response = routeSafely(stores, { method, path, query, headers, rawBody });
    send(res, record, response);
    if (options.log) console.log(`[oci-emulator] ${method} ${url} -> ${record.status}`);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error("[oci-emulator]", error);
      res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  url = `http://127.0.0.1:${port}`;

  return {
    url,
    port,
    seedDeployment: (d) => stores.deployments.seed(d),
    getDeployment: (id) => stores.deployments.get(id),
    setDeploymentState: (id, state) => stores.deployments.setState(id, state),
    purgeDeployment: (id) => stores.deployments.purge(id),
    seedAlarm: (a) => stores.alarms.seed(a),
    alarms: (opts) => stores.alarms.all(opts?.includeDeleted ?? false),
    getAlarm: (id) => stores.alarms.get(id),
    ...monitoringEmulatorApi(stores),
    ...tenancyEmulatorApi(stores),
    requests,
    writes: () => requests.filter(isWrite),
    clearRequests: () => {
      requests.length = 0;
    },
    completeUpdates: () => stores.deployments.completeAll(),
    seedWorkRequest: (seed) => stores.deployments.workRequests.seed(seed, (id) => stores.deployments.compartmentOf(id)),
    workRequests: () => stores.deployments.workRequests.all(),
    faults,
    close: async () => {
      stores.deployments.close();
      for (const timer of sleeping) clearTimeout(timer);
      sleeping.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
