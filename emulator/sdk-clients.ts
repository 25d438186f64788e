/**
 * Real OCI SDK clients pointed at an emulator, for tests.
 * - Retries: `retryConfiguration` in the client configuration overrides the per-operation defaults
 *   (8 attempts for Data Science get/update, 1 for Monitoring); fields not given are taken from the
 *   operation's default (oci-common lib/retrier.js createPreferredRetrier), so give a delayStrategy too.
 * - Circuit breaker: `new common.CircuitBreaker({ disableClientCircuitBreaker: true })` sets `noCircuit`,
 *   which utils.isCircuitBreakerSystemEnabled() reads, so the client gets no breaker at all.
 */
import * as common from "oci-common";
import { DataScienceClient } from "oci-datascience";
import { FunctionsManagementClient } from "oci-functions";
import { IdentityClient } from "oci-identity";
import { MonitoringClient } from "oci-monitoring";
import { NotificationControlPlaneClient, NotificationDataPlaneClient } from "oci-ons";
import { ScheduleClient } from "oci-resourcescheduler";

export interface TestClientOptions {
  /** Total attempts per call, default 1 (no retries). */
  maxAttempts?: number;
  /** Seconds between attempts, default 0. */
  delaySeconds?: number;
}

export function testClientConfiguration(opts: TestClientOptions = {}): common.ClientConfiguration {
  return {
    retryConfiguration: {
      terminationStrategy: new common.MaxAttemptsTerminationStrategy(opts.maxAttempts ?? 1),
      delayStrategy: new common.FixedTimeDelayStrategy(opts.delaySeconds ?? 0),
    },
    circuitBreaker: new common.CircuitBreaker({ disableClientCircuitBreaker: true }),
  };
}

export function dataScienceClient(
  endpoint: string,
  provider: common.AuthenticationDetailsProvider,
  opts?: TestClientOptions,
): DataScienceClient {
  const client = new DataScienceClient({ authenticationDetailsProvider: provider }, testClientConfiguration(opts));
  client.endpoint = endpoint; // after construction: the provider's region sets the real endpoint first
  return client;
}

export function monitoringClient(
  endpoint: string,
  provider: common.AuthenticationDetailsProvider,
  opts?: TestClientOptions,
): MonitoringClient {
  const client = new MonitoringClient({ authenticationDetailsProvider: provider }, testClientConfiguration(opts));
  client.endpoint = endpoint;
  return client;
}

export function notificationClient(
  endpoint: string,
  provider: common.AuthenticationDetailsProvider,
  opts?: TestClientOptions,
): NotificationDataPlaneClient {
  const client = new NotificationDataPlaneClient(
    { authenticationDetailsProvider: provider },
    testClientConfiguration(opts),
  );
  client.endpoint = endpoint;
  return client;
}

export function notificationControlPlaneClient(
  endpoint: string,
  provider: common.AuthenticationDetailsProvider,
  opts?: TestClientOptions,
): NotificationControlPlaneClient {
  const client = new NotificationControlPlaneClient(
    { authenticationDetailsProvider: provider },
    testClientConfiguration(opts),
  );
  client.endpoint = endpoint;
  return client;
}

export function identityClient(
  endpoint: string,
  provider: common.AuthenticationDetailsProvider,
  opts?: TestClientOptions,
): IdentityClient {
  const client = new IdentityClient({ authenticationDetailsProvider: provider }, testClientConfiguration(opts));
  client.endpoint = endpoint;
  return client;
}

export function functionsManagementClient(
  endpoint: string,
  provider: common.AuthenticationDetailsProvider,
  opts?: TestClientOptions,
): FunctionsManagementClient {
  const client = new FunctionsManagementClient(
    { authenticationDetailsProvider: provider },
    testClientConfiguration(opts),
  );
  client.endpoint = endpoint;
  return client;
}

/** Resource Scheduler's client; the SDK names it ScheduleClient (oci-resourcescheduler lib/client.js). */
export function resourceSchedulerClient(
  endpoint: string,
  provider: common.AuthenticationDetailsProvider,
  opts?: TestClientOptions,
): ScheduleClient {
  const client = new ScheduleClient({ authenticationDetailsProvider: provider }, testClientConfiguration(opts));
  client.endpoint = endpoint;
  return client;
}
