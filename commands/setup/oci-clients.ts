/**
 * SDK clients for the setup command, signed with the user's OCI config file: the function's clients
 * (circuit breaker off, a time-out per attempt), with few and short retries so an unreachable endpoint is
 * reported in seconds instead of the SDK's default minute and a half.
 * OCI_DATASCIENCE_ENDPOINT / OCI_MONITORING_ENDPOINT override the region's endpoints (the tests use them).
 */
import * as common from "oci-common";
import { buildOciClients, type OciClients } from "../../src/oci/clients";
import { isRetryable } from "../../src/oci/failures";

export type SetupClients = OciClients;

const REQUEST_TIMEOUT_MS = 15_000;

export function createSetupClients(
  authenticationDetailsProvider: common.AuthenticationDetailsProvider,
  env: Record<string, string | undefined>,
): SetupClients {
  return buildOciClients(authenticationDetailsProvider, {
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
    retryConfiguration: {
      terminationStrategy: new common.MaxAttemptsTerminationStrategy(2),
      delayStrategy: new common.FixedTimeDelayStrategy(1),
      retryCondition: isRetryable,
    },
    dataScienceEndpoint: env.OCI_DATASCIENCE_ENDPOINT,
    monitoringEndpoint: env.OCI_MONITORING_ENDPOINT,
  });
}
