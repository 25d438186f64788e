/**
 * The storage the setup-side services share (Notifications topics and subscriptions, Identity dynamic groups
 * and policies, Functions applications and functions): resources by id with an etag each, opc-retry-token
 * idempotency on create, and the list conventions OCI documents for every List operation
 * (https://docs.oracle.com/iaas/Content/API/Concepts/usingapi.htm#nine: `limit`, `page`, `opc-next-page`).
 */
import { ApiError, invalidParameter, notFound } from "./errors";
import { newEtag } from "./ids";
import { clone } from "./json";
import { pageOf } from "./paging";
import type { JsonObject } from "./types";

export interface StoredResource<T> {
  resource: T;
  etag: string;
}

export interface ListSpec<T> {
  /** Exact-match filters: query parameter name to the resource's value (compared when the parameter is given). */
  filters: Record<string, (resource: T) => string | undefined>;
  /** The request's sortBy values and each one's key; without sortBy the order is creation order. */
  sortKeys: Record<string, (resource: T) => string>;
  /** The summary model served by the list (e.g. no `config` in FunctionSummary). */
  summarize: (resource: T, etag: string) => JsonObject;
}

const MAX_LIMIT = 1000;

export class ResourceTable<T extends JsonObject> {
  private readonly items = new Map<string, StoredResource<T>>();
  private readonly byRetryToken = new Map<string, { id: string; body: string }>();

  constructor(
    /** The resource's name in error messages, e.g. "Topic". */
    private readonly what: string,
    private readonly idOf: (resource: T) => string,
    private readonly defaultPageSize: number,
  ) {}

  put(resource: T): StoredResource<T> {
    const stored = { resource: clone(resource), etag: newEtag() };
    this.items.set(this.idOf(resource), stored);
    return clone(stored);
  }

  /**
   * A create with an opc-retry-token: the same token with the same details answers the first resource, with
   * different details 409 InvalidatedRetryToken (as the API Errors page describes the code).
   */
  createOnce(retryToken: string | undefined, details: JsonObject, create: () => T): StoredResource<T> {
    const body = JSON.stringify(details);
    const previous = retryToken ? this.byRetryToken.get(retryToken) : undefined;
    if (previous) {
      if (previous.body !== body)
        throw new ApiError(409, "The retry token was already used with different parameters.", "InvalidatedRetryToken");
      return this.read(previous.id);
    }
    const stored = this.put(create());
    if (retryToken) this.byRetryToken.set(retryToken, { id: this.idOf(stored.resource), body });
    return stored;
  }

  read(id: string): StoredResource<T> {
    const stored = this.items.get(id);
    if (!stored) throw notFound(`${this.what} ${id}`);
    return clone(stored);
  }

  find(id: string): T | undefined {
    const stored = this.items.get(id);
    return stored && clone(stored.resource);
  }

  /** Changes a stored resource in place and gives it a new etag; 404 when unknown. */
  change(id: string, update: (resource: T) => void): StoredResource<T> {
    const stored = this.items.get(id);
    if (!stored) throw notFound(`${this.what} ${id}`);
    update(stored.resource);
    stored.etag = newEtag();
    return clone(stored);
  }

  /**
   * DELETE with an optional if-match. The resource is forgotten at once (GET answers 404): OCI passes through
   * DELETING / DELETED for a while first, which nothing here needs to see.
   */
  delete(id: string, ifMatch: string | undefined): void {
    const stored = this.items.get(id);
    if (!stored) throw notFound(`${this.what} ${id}`);
    if (ifMatch !== undefined && ifMatch !== stored.etag)
      throw new ApiError(412, "The If-Match etag does not match.", "NoEtagMatch");
    this.items.delete(id);
  }

  all(): T[] {
    return [...this.items.values()].map((s) => clone(s.resource));
  }

  allStored(): StoredResource<T>[] {
    return [...this.items.values()].map(clone);
  }

  some(predicate: (resource: T) => boolean): boolean {
    return [...this.items.values()].some((s) => predicate(s.resource));
  }

  /**
   * One page of summaries. `lifecycleState` is compared case-insensitively (the Notifications and Identity
   * request docs say so); sortOrder is ASC or DESC, as every one of these requests' SortOrder enums has it.
   */
  list(query: Record<string, string>, spec: ListSpec<T>): { items: JsonObject[]; nextPage: string | undefined } {
    const { sortBy, sortOrder, lifecycleState } = query;
    if (sortBy !== undefined && !(sortBy in spec.sortKeys))
      throw invalidParameter(`sortBy must be one of ${Object.keys(spec.sortKeys).join(", ")}.`);
    if (sortOrder !== undefined && sortOrder !== "ASC" && sortOrder !== "DESC")
      throw invalidParameter("sortOrder must be ASC or DESC.");
    let matching = [...this.items.values()]
      .filter(({ resource: r }) =>
        Object.entries(spec.filters).every(
          ([name, fieldOf]) => query[name] === undefined || fieldOf(r) === query[name],
        ),
      )
      .filter(
        ({ resource: r }) =>
          lifecycleState === undefined || String(r.lifecycleState).toUpperCase() === lifecycleState.toUpperCase(),
      );
    const key = sortBy === undefined ? undefined : spec.sortKeys[sortBy];
    if (key) matching = [...matching].sort((a, b) => key(a.resource).localeCompare(key(b.resource)));
    if (sortOrder === "DESC") matching.reverse();
    const page = pageOf(matching, query, { defaultLimit: this.defaultPageSize, maxLimit: MAX_LIMIT });
    return { items: page.items.map((s) => spec.summarize(clone(s.resource), s.etag)), nextPage: page.nextPage };
  }
}

/** The summary model's fields of a resource, those present. */
export function pick(resource: JsonObject, fields: readonly string[]): JsonObject {
  const summary: JsonObject = {};
  for (const field of fields) {
    const value = resource[field];
    if (value !== undefined) summary[field] = value;
  }
  return summary;
}

/** A resource as a Get or a Create answers it: the body, and the etag header. */
export interface Served<T> {
  body: T;
  etag: string;
}

/** The resource with its etag as a field too, for models that have one (NotificationTopic.etag, Subscription.etag). */
export function served<T>(stored: StoredResource<JsonObject>): T {
  return { ...stored.resource, etag: stored.etag } as unknown as T;
}

export function answer<T>(stored: StoredResource<JsonObject>): Served<T> {
  return { body: served<T>(stored), etag: stored.etag };
}
