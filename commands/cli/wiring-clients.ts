/**
 * The clients setup and doctor need beyond the function's own: the Notifications control and data planes (the
 * topic and its subscriptions), Functions (the function and its application's configuration) and Identity
 * (dynamic groups, policies), and Resource Scheduler (the forecast schedule; oci-resourcescheduler names its client
 * ScheduleClient). Signed with the user's OCI config; OCI_NOTIFICATIONS_ENDPOINT, OCI_FUNCTIONS_ENDPOINT,
 * OCI_IDENTITY_ENDPOINT and OCI_RESOURCE_SCHEDULER_ENDPOINT override the region's endpoints (tests, private
 * endpoints, or the home region's Identity endpoint, where OCI takes IAM writes).
 */
import * as common from "oci-common";
import { FunctionsManagementClient } from "oci-functions";
import { IdentityClient } from "oci-identity";
import { NotificationControlPlaneClient, NotificationDataPlaneClient } from "oci-ons";
import { ScheduleClient } from "oci-resourcescheduler";
import { isRetryable } from "../../src/oci/failures";

const REQUEST_TIMEOUT_MS = 15_000;

export interface WiringClients {
  topics: NotificationControlPlaneClient;
  subscriptions: NotificationDataPlaneClient;
  functions: FunctionsManagementClient;
  identity: IdentityClient;
  schedules: ScheduleClient;
  tenancyId: string;
}

export function createWiringClients(
  provider: common.AuthenticationDetailsProvider,
  env: Record<string, string | undefined>,
): WiringClients {
  const clientConfiguration: common.ClientConfiguration = {
    circuitBreaker: new common.CircuitBreaker({ disableClientCircuitBreaker: true }),
    retryConfiguration: {
      terminationStrategy: new common.MaxAttemptsTerminationStrategy(2),
      delayStrategy: new common.FixedTimeDelayStrategy(1),
      retryCondition: isRetryable,
    },
    // A fresh time-out for every attempt (src/oci/clients.ts says why a getter): an unreachable endpoint is
    // reported in seconds; a create retried after one carries its opc-retry-token.
    httpOptions: {
      get signal() {
        return AbortSignal.timeout(REQUEST_TIMEOUT_MS);
      },
    },
  };
  const auth = { authenticationDetailsProvider: provider };
  const topics = new NotificationControlPlaneClient(auth, clientConfiguration);
  const subscriptions = new NotificationDataPlaneClient(auth, clientConfiguration);
  const functions = new FunctionsManagementClient(auth, clientConfiguration);
  const identity = new IdentityClient(auth, clientConfiguration);
  const schedules = new ScheduleClient(auth, clientConfiguration);
  if (env.OCI_NOTIFICATIONS_ENDPOINT) {
    topics.endpoint = env.OCI_NOTIFICATIONS_ENDPOINT;
    subscriptions.endpoint = env.OCI_NOTIFICATIONS_ENDPOINT;
  }
  if (env.OCI_FUNCTIONS_ENDPOINT) functions.endpoint = env.OCI_FUNCTIONS_ENDPOINT;
  if (env.OCI_IDENTITY_ENDPOINT) identity.endpoint = env.OCI_IDENTITY_ENDPOINT;
  if (env.OCI_RESOURCE_SCHEDULER_ENDPOINT) schedules.endpoint = env.OCI_RESOURCE_SCHEDULER_ENDPOINT;
  const tenancyId = (provider as { getTenantId?: () => string }).getTenantId?.() ?? "";
  return { topics, subscriptions, functions, identity, schedules, tenancyId };
}
