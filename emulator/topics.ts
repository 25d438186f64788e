/**
 * Notifications topics (oci-ons 2.139.1 NotificationControlPlaneClient, API 20181201): CreateTopic POST /topics
 * (opc-retry-token, CreateTopicDetails), GetTopic GET /topics/{topicId}, ListTopics GET /topics (compartmentId,
 * id, name, lifecycleState, sortBy TIMECREATED | LIFECYCLESTATE, sortOrder, page, limit) answering
 * NotificationTopicSummary[], DeleteTopic DELETE /topics/{topicId} (if-match). Bodies carry their etag too
 * (NotificationTopic.etag).
 */
import { createDetails } from "./create-details";
import { alreadyExists, invalidParameter } from "./errors";
import { newOcid } from "./ids";
import { clone } from "./json";
import { answer, pick, ResourceTable, type Served, served } from "./resource-table";
import type { NotificationTopic, TopicSeed } from "./tenancy-types";
import type { Json, JsonObject } from "./types";

const TOPIC_SUMMARY_FIELDS = [
  "name",
  "topicId",
  "shortTopicId",
  "compartmentId",
  "lifecycleState",
  "description",
  "timeCreated",
  "etag",
  "freeformTags",
  "definedTags",
  "apiEndpoint",
] as const;
type StoredTopic = Omit<NotificationTopic, "etag"> & JsonObject;

export class TopicStore {
  private readonly table: ResourceTable<StoredTopic>;
  private readonly deleted = new Set<string>();

  constructor(
    pageSize: number,
    private readonly clock: () => number,
    /** The emulator's URL, known once it listens: every topic's apiEndpoint. */
    private readonly apiEndpoint: () => string,
  ) {
    this.table = new ResourceTable<StoredTopic>("Topic", (t) => t.topicId, pageSize);
  }

  seed(seed: TopicSeed): NotificationTopic {
    const { etag: _ignored, ...given } = clone(seed);
    const topic: StoredTopic = {
      topicId: newOcid("onstopic"),
      lifecycleState: "ACTIVE",
      timeCreated: new Date(this.clock()).toISOString(),
      apiEndpoint: this.apiEndpoint(),
      freeformTags: {},
      definedTags: {},
      ...given,
    };
    return served<NotificationTopic>(this.table.put(topic));
  }

  /** CreateTopicDetails: name (unique across the tenancy, the model's doc says), compartmentId, description?, tags. */
  create(body: Json | undefined, retryToken: string | undefined): Served<NotificationTopic> {
    const details = createDetails(
      body,
      "CreateTopicDetails",
      { name: "string", compartmentId: "string", description: "string", freeformTags: "tags", definedTags: "object" },
      ["name", "compartmentId"],
    );
    const stored = this.table.createOnce(retryToken, details, () => {
      if (this.table.some((t) => t.name === details.name)) throw alreadyExists(`A topic named ${details.name}`);
      const { etag: _none, ...topic } = this.seed(details as TopicSeed);
      return topic as StoredTopic;
    });
    return answer(stored);
  }

  read(id: string): Served<NotificationTopic> {
    return answer(this.table.read(id));
  }

  has(id: string): boolean {
    return this.table.find(id) !== undefined;
  }

  find(id: string): NotificationTopic | undefined {
    return this.has(id) ? this.read(id).body : undefined;
  }

  wasDeleted(id: string): boolean {
    return this.deleted.has(id);
  }

  list(query: Record<string, string>): { items: JsonObject[]; nextPage: string | undefined } {
    if (!query.compartmentId) throw invalidParameter("compartmentId is required.");
    return this.table.list(query, {
      filters: { compartmentId: (t) => t.compartmentId, id: (t) => t.topicId, name: (t) => t.name },
      sortKeys: { TIMECREATED: (t) => t.timeCreated, LIFECYCLESTATE: (t) => t.lifecycleState },
      summarize: (t, etag) => pick({ ...t, etag }, TOPIC_SUMMARY_FIELDS),
    });
  }

  delete(id: string, ifMatch: string | undefined): void {
    this.table.delete(id, ifMatch);
    this.deleted.add(id);
  }

  all(): NotificationTopic[] {
    return this.table.allStored().map((stored) => served<NotificationTopic>(stored));
  }
}
