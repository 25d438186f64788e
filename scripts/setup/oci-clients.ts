/**
 * SDK clients for the setup command, signed with the user's OCI config file. As in src/oci/clients.ts the
 * circuit breaker is off and every attempt has its own time-out; retries are few and short, so an
 * unreachable endpoint is reported in seconds instead of the SDK's default minute and a half.
 * OCI_DATASCIENCE_ENDPOINT / OCI_MONITORING_ENDPOINT override the region's endpoints (the tests use them).
 */
import * as common from "oci-common";
import { DataScienceClient } from "oci-datascience";
import { MonitoringClient } from "oci-monitoring";
import { isRetryable } from "../../src/oci/failures";

export interface SetupClients {
  dataScience: DataScienceClient;
  monitoring: MonitoringClient;
}

const REQUEST_TIMEOUT_MS = 15_000;

function clientConfiguration(): common.ClientConfiguration {
  return {
    circuitBreaker: new common.CircuitBreaker({ disableClientCircuitBreaker: true }),
    retryConfiguration: {
      terminationStrategy: new common.MaxAttemptsTerminationStrategy(2),
      delayStrategy: new common.FixedTimeDelayStrategy(1),
      retryCondition: isRetryable,
    },
    httpOptions: {
      get signal() {
        return AbortSignal.timeout(REQUEST_TIMEOUT_MS);
      },
    },
  };
}

export function createSetupClients(
  authenticationDetailsProvider: common.AuthenticationDetailsProvider,
  env: Record<string, string | undefined>,
): SetupClients {
  const dataScience = new DataScienceClient({ authenticationDetailsProvider }, clientConfiguration());
  const monitoring = new MonitoringClient({ authenticationDetailsProvider }, clientConfiguration());
  // After construction: the provider's region sets the real endpoints first.
  if (env.OCI_DATASCIENCE_ENDPOINT) dataScience.endpoint = env.OCI_DATASCIENCE_ENDPOINT;
  if (env.OCI_MONITORING_ENDPOINT) monitoring.endpoint = env.OCI_MONITORING_ENDPOINT;
  return { dataScience, monitoring };
}
