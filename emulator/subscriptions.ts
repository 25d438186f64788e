/**
 * Notifications subscriptions (oci-ons 2.139.1 NotificationDataPlaneClient, API 20181201): CreateSubscription
 * POST /subscriptions (opc-retry-token, CreateSubscriptionDetails), GetSubscription
 * GET /subscriptions/{subscriptionId}, ListSubscriptions GET /subscriptions (compartmentId, topicId, page, limit)
 * answering SubscriptionSummary[], DeleteSubscription DELETE /subscriptions/{subscriptionId} (if-match).
 * Bodies carry their etag too (Subscription.etag).
 */
import { createDetails } from "./create-details";
import { ApiError, invalidParameter, notFound } from "./errors";
import { newOcid } from "./ids";
import { clone } from "./json";
import { answer, pick, ResourceTable, type Served, served } from "./resource-table";
import type { Subscription, SubscriptionSeed, SubscriptionState, TenancyEmulatorOptions } from "./tenancy-types";
import type { TopicStore } from "./topics";
import type { Json, JsonObject } from "./types";

const SUBSCRIPTION_SUMMARY_FIELDS = [
  "id",
  "topicId",
  "protocol",
  "endpoint",
  "lifecycleState",
  "compartmentId",
  "createdTime",
  "etag",
  "freeformTags",
  "definedTags",
] as const;
/** The protocols CreateSubscriptionDetails.protocol lists. */
const PROTOCOLS = ["CUSTOM_HTTPS", "EMAIL", "HTTPS", "ORACLE_FUNCTIONS", "PAGERDUTY", "SLACK", "SMS"];
const SUBSCRIPTION_STATES: SubscriptionState[] = ["PENDING", "ACTIVE", "DELETED"];

type StoredSubscription = Omit<Subscription, "etag"> & JsonObject;

export class SubscriptionStore {
  private readonly table: ResourceTable<StoredSubscription>;

  constructor(
    pageSize: number,
    private readonly clock: () => number,
    private readonly topics: TopicStore,
    private readonly options: TenancyEmulatorOptions,
  ) {
    this.table = new ResourceTable<StoredSubscription>("Subscription", (s) => s.id, pageSize);
  }

  /**
   * A new subscription is PENDING until its endpoint confirms it (CreateSubscription doc); OCI confirms an
   * ORACLE_FUNCTIONS one itself, unless the emulator's functionSubscriptions option says "pending".
   */
  private initialState(protocol: string): SubscriptionState {
    if (protocol !== "ORACLE_FUNCTIONS") return "PENDING";
    return this.options.functionSubscriptions === "pending" ? "PENDING" : "ACTIVE";
  }

  seed(seed: SubscriptionSeed): Subscription {
    const { etag: _ignored, ...given } = clone(seed);
    const compartmentId = seed.compartmentId ?? this.topics.find(seed.topicId)?.compartmentId;
    if (compartmentId === undefined) throw new Error(`seedSubscription: no topic ${seed.topicId} and no compartmentId`);
    const subscription: StoredSubscription = {
      id: newOcid("onssubscription"),
      compartmentId,
      lifecycleState: this.initialState(seed.protocol),
      createdTime: this.clock(),
      freeformTags: {},
      definedTags: {},
      ...given,
    };
    return served<Subscription>(this.table.put(subscription));
  }

  /** CreateSubscriptionDetails: topicId, compartmentId, protocol, endpoint, metadata?, tags. 404 for an unknown topic. */
  create(body: Json | undefined, retryToken: string | undefined): Served<Subscription> {
    const details = createDetails(
      body,
      "CreateSubscriptionDetails",
      {
        topicId: "string",
        compartmentId: "string",
        protocol: "string",
        endpoint: "string",
        metadata: "string",
        freeformTags: "tags",
        definedTags: "object",
      },
      ["topicId", "compartmentId", "protocol", "endpoint"],
    );
    if (!PROTOCOLS.includes(String(details.protocol)))
      throw invalidParameter(`protocol must be one of ${PROTOCOLS.join(", ")}.`);
    if (!this.topics.has(String(details.topicId))) throw notFound(`Topic ${details.topicId}`);
    const stored = this.table.createOnce(retryToken, details, () => {
      const { metadata: _kept, ...seed } = details;
      const { etag: _none, ...subscription } = this.seed(seed as SubscriptionSeed);
      return subscription as StoredSubscription;
    });
    return answer(stored);
  }

  read(id: string): Served<Subscription> {
    return answer(this.table.read(id));
  }

  /** ListSubscriptionsRequest: "Either this query parameter [topicId] or the compartmentId query parameter must be set." */
  list(query: Record<string, string>): { items: JsonObject[]; nextPage: string | undefined } {
    if (!query.compartmentId && !query.topicId) throw invalidParameter("compartmentId or topicId is required.");
    return this.table.list(query, {
      filters: { compartmentId: (s) => s.compartmentId, topicId: (s) => s.topicId },
      sortKeys: {},
      summarize: (s, etag) => pick({ ...s, etag }, SUBSCRIPTION_SUMMARY_FIELDS),
    });
  }

  delete(id: string, ifMatch: string | undefined): void {
    this.table.delete(id, ifMatch);
  }

  setState(id: string, state: SubscriptionState): Subscription {
    if (!SUBSCRIPTION_STATES.includes(state)) throw new ApiError(400, `Unknown subscription state ${state}.`);
    const stored = this.table.change(id, (s) => {
      s.lifecycleState = state;
    });
    return served<Subscription>(stored);
  }

  all(topicId?: string): Subscription[] {
    return this.table
      .allStored()
      .filter((s) => topicId === undefined || s.resource.topicId === topicId)
      .map((s) => served<Subscription>(s));
  }
}
