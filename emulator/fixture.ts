/** Shared vitest setup for the emulator's own tests: keys, a provider, an emulator, clients. */
import * as common from "oci-common";
import type { DataScienceClient } from "oci-datascience";
import type { MonitoringClient } from "oci-monitoring";
import { afterAll, afterEach, beforeAll, vi } from "vitest";
import { createTestAuth, type TestAuth, withEnv } from "./oci-test-auth";
import { dataScienceClient, monitoringClient, type TestClientOptions } from "./sdk-clients";
import { startEmulator } from "./server";
import type { Emulator, EmulatorOptions } from "./types";

export interface EmulatorSuite {
  auth: TestAuth;
  provider: common.AuthenticationDetailsProvider;
  emulator: Emulator;
  ds(opts?: TestClientOptions): DataScienceClient;
  mon(opts?: TestClientOptions): MonitoringClient;
  /** Signs a request like the SDK does, then sends `sendBody` (default: the signed body). */
  signedFetch(
    method: common.Method,
    path: string,
    init?: { body?: string; sendBody?: string; headers?: Record<string, string> },
  ): Promise<Response>;
}

export function useEmulator(options: Omit<EmulatorOptions, "publicKeyPem"> = {}): EmulatorSuite {
  const suite = {} as EmulatorSuite;
  beforeAll(async () => {
    // The SDK console.warn()s every failed attempt ("Request cannot be retried ..."): expected noise here.
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    suite.auth = createTestAuth();
    suite.provider = withEnv(suite.auth.env, () => common.ResourcePrincipalAuthenticationDetailsProvider.builder());
    suite.emulator = await startEmulator({ publicKeyPem: suite.auth.publicKeyPem, ...options });
    suite.ds = (opts) => dataScienceClient(suite.emulator.url, suite.provider, opts);
    suite.mon = (opts) => monitoringClient(suite.emulator.url, suite.provider, opts);
    suite.signedFetch = async (method, path, init = {}) => {
      const uri = `${suite.emulator.url}${path}`;
      const headers = new Headers({ "content-type": "application/json", ...init.headers });
      await new common.DefaultRequestSigner(suite.provider).signHttpRequest({ method, uri, headers, body: init.body });
      return fetch(uri, { method, headers, body: init.sendBody ?? init.body });
    };
  });
  afterEach(() => {
    suite.emulator.faults.clear();
    suite.emulator.clearRequests();
  });
  afterAll(async () => {
    await suite.emulator?.close();
    suite.auth?.cleanup();
    vi.restoreAllMocks();
  });
  return suite;
}

/** Awaits a promise expected to reject and returns the rejection value. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject");
}

export async function waitFor(check: () => boolean, timeoutMs = 2000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error("waitFor timed out");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
