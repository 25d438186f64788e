import * as common from "oci-common";
import { DataScienceClient } from "oci-datascience";
import { MonitoringClient } from "oci-monitoring";
import type { Config } from "../policy/config";
import type { NotificationPublisher } from "./notification-client";
import type { ScheduleReader } from "./schedule-reader";

export interface OciClients {
  dataScience: DataScienceClient;
  monitoring: MonitoringClient;
  /** Built on first use: only a change worth telling people about loads oci-ons. */
  notifications: () => Promise<NotificationPublisher>;
  /** Built on first use: only a forecast schedule's tick loads oci-resourcescheduler. */
  schedules: () => Promise<ScheduleReader>;
}

type AuthConfig = Pick<Config, "OCI_RESOURCE_PRINCIPAL_VERSION" | "OCI_CONFIG_FILE" | "OCI_CONFIG_PROFILE">;

/** Resource principals inside OCI Functions; the user's OCI config file anywhere else. */
export function authenticationProvider(config: AuthConfig): common.AuthenticationDetailsProvider {
  if (config.OCI_RESOURCE_PRINCIPAL_VERSION) {
    return common.ResourcePrincipalAuthenticationDetailsProvider.builder();
  }
  return new common.ConfigFileAuthenticationDetailsProvider(config.OCI_CONFIG_FILE, config.OCI_CONFIG_PROFILE);
}

export interface ClientOptions {
  requestTimeoutMs: number;
  /** Client-wide retries; the function passes its own per request instead. */
  retryConfiguration?: common.RetryConfiguration;
  /** Override the region's endpoints (tests and local runs point them at the emulator). */
  dataScienceEndpoint?: string | undefined;
  monitoringEndpoint?: string | undefined;
  notificationsEndpoint?: string | undefined;
  resourceSchedulerEndpoint?: string | undefined;
}

/**
 * Each attempt gets its own time-out: the SDK has no per-request time-out, but hands `httpOptions` to
 * fetch on every attempt, so a getter yields a fresh AbortSignal each time. The circuit breaker is off:
 * a function container lives for a few calls, and with the breaker on, httpOptions break every call.
 */
export function buildOciClients(provider: common.AuthenticationDetailsProvider, options: ClientOptions): OciClients {
  const clientConfig: common.ClientConfiguration = {
    circuitBreaker: new common.CircuitBreaker({ disableClientCircuitBreaker: true }),
    ...(options.retryConfiguration ? { retryConfiguration: options.retryConfiguration } : {}),
    httpOptions: {
      get signal() {
        return AbortSignal.timeout(options.requestTimeoutMs);
      },
    },
  };
  const dataScience = new DataScienceClient({ authenticationDetailsProvider: provider }, clientConfig);
  const monitoring = new MonitoringClient({ authenticationDetailsProvider: provider }, clientConfig);
  // Endpoint overrides come last: the provider's region sets the real endpoints at construction.
  if (options.dataScienceEndpoint) dataScience.endpoint = options.dataScienceEndpoint;
  if (options.monitoringEndpoint) monitoring.endpoint = options.monitoringEndpoint;
  let notifications: Promise<NotificationPublisher> | undefined;
  const loadNotifications = () => {
    notifications ??= import("./notification-client")
      .then(({ notificationPublisher }) => notificationPublisher(provider, clientConfig, options.notificationsEndpoint))
      .catch((error: unknown) => {
        notifications = undefined; // tried again on the next change
        throw error;
      });
    return notifications;
  };
  let schedules: Promise<ScheduleReader> | undefined;
  const loadSchedules = () => {
    schedules ??= import("./schedule-reader")
      .then(({ scheduleReader }) => scheduleReader(provider, clientConfig, options.resourceSchedulerEndpoint))
      .catch((error: unknown) => {
        schedules = undefined;
        throw error;
      });
    return schedules;
  };
  return { dataScience, monitoring, notifications: loadNotifications, schedules: loadSchedules };
}

export function createOciClients(config: Config): OciClients {
  return buildOciClients(authenticationProvider(config), {
    requestTimeoutMs: config.OCI_REQUEST_TIMEOUT_SECONDS * 1000,
    dataScienceEndpoint: config.OCI_DATASCIENCE_ENDPOINT,
    monitoringEndpoint: config.OCI_MONITORING_ENDPOINT,
    notificationsEndpoint: config.OCI_NOTIFICATIONS_ENDPOINT,
    resourceSchedulerEndpoint: config.OCI_RESOURCE_SCHEDULER_ENDPOINT,
  });
}
