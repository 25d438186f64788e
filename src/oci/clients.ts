import * as common from "oci-common";
import { DataScienceClient } from "oci-datascience";
import { MonitoringClient } from "oci-monitoring";
import type { Config } from "../config";

export interface OciClients {
  dataScience: DataScienceClient;
  monitoring: MonitoringClient;
}

type AuthConfig = Pick<Config, "OCI_RESOURCE_PRINCIPAL_VERSION" | "OCI_CONFIG_FILE" | "OCI_CONFIG_PROFILE">;

/** Resource principals inside OCI Functions; the user's OCI config file anywhere else. */
export function authenticationProvider(config: AuthConfig): common.AuthenticationDetailsProvider {
  if (config.OCI_RESOURCE_PRINCIPAL_VERSION) {
    return common.ResourcePrincipalAuthenticationDetailsProvider.builder();
  }
  return new common.ConfigFileAuthenticationDetailsProvider(config.OCI_CONFIG_FILE, config.OCI_CONFIG_PROFILE);
}

/**
 * Each attempt gets its own time-out: the SDK has no per-request time-out, but hands `httpOptions` to
 * fetch on every attempt, so a getter yields a fresh AbortSignal each time. The circuit breaker is off:
 * a function container lives for a few calls, and with the breaker on, httpOptions break every call.
 */
function clientConfiguration(requestTimeoutMs: number): common.ClientConfiguration {
  return {
    circuitBreaker: new common.CircuitBreaker({ disableClientCircuitBreaker: true }),
    httpOptions: {
      get signal() {
        return AbortSignal.timeout(requestTimeoutMs);
      },
    },
  };
}

export function createOciClients(config: Config): OciClients {
  const authenticationDetailsProvider = authenticationProvider(config);
  const clientConfig = clientConfiguration(config.OCI_REQUEST_TIMEOUT_SECONDS * 1000);
  const dataScience = new DataScienceClient({ authenticationDetailsProvider }, clientConfig);
  const monitoring = new MonitoringClient({ authenticationDetailsProvider }, clientConfig);
  // Endpoint overrides come last: setting the region afterwards would replace them.
  if (config.OCI_DATASCIENCE_ENDPOINT) dataScience.endpoint = config.OCI_DATASCIENCE_ENDPOINT;
  if (config.OCI_MONITORING_ENDPOINT) monitoring.endpoint = config.OCI_MONITORING_ENDPOINT;
  return { dataScience, monitoring };
}
