/**
 * Routes of the setup-side services on the emulator's one port: Notifications topics (/20181201/topics) and
 * subscriptions (/20181201/subscriptions), Identity (/20160918/dynamicGroups, /20160918/policies) and Functions
 * management (/20181201/applications, /20181201/functions), and Resource Scheduler (/20240430/schedules, its own
 * routes in schedule-routes.ts). Paths, methods and headers as in each SDK's
 * lib/client.js (oci-ons, oci-identity, oci-functions 2.139.1); creates answer 200 with the resource and its
 * etag, gets 200 with an etag, deletes 204, lists the bare array with opc-next-page. An operation a service
 * does not have here (creating a function, deleting an application) answers 404 NotFound like any unknown route.
 */
import { ApiError } from "./errors";
import type { FunctionsStore } from "./functions-management";
import type { IdentityStore } from "./identity";
import { decodeSegment, jsonBody, type RouteRequest, type RouteResponse } from "./routes";
import { resourceSchedulerRoute } from "./schedule-routes";
import type { ScheduleStore } from "./schedules";
import type { SubscriptionStore } from "./subscriptions";
import type { TopicStore } from "./topics";

export interface TenancyStores {
  topics: TopicStore;
  subscriptions: SubscriptionStore;
  identity: IdentityStore;
  functions: FunctionsStore;
  schedules: ScheduleStore;
}

interface Collection {
  create?(body: ReturnType<typeof jsonBody>, retryToken: string | undefined): { body: unknown; etag: string };
  read(id: string): { body: unknown; etag: string };
  list(query: Record<string, string>): { items: unknown[]; nextPage: string | undefined };
  delete?(id: string, ifMatch: string | undefined): void;
}

function collections(stores: TenancyStores): Record<string, Collection> {
  const { topics, subscriptions, identity, functions } = stores;
  return {
    "/20181201/topics": topics,
    "/20181201/subscriptions": subscriptions,
    "/20160918/dynamicGroups": {
      create: (body, token) => identity.createDynamicGroup(body, token),
      read: (id) => identity.readDynamicGroup(id),
      list: (query) => identity.listDynamicGroups(query),
      delete: (id, ifMatch) => identity.deleteDynamicGroup(id, ifMatch),
    },
    "/20160918/policies": {
      create: (body, token) => identity.createPolicy(body, token),
      read: (id) => identity.readPolicy(id),
      list: (query) => identity.listPolicies(query),
      delete: (id, ifMatch) => identity.deletePolicy(id, ifMatch),
    },
    "/20181201/applications": {
      read: (id) => functions.readApplication(id),
      list: (query) => functions.listApplications(query),
    },
    "/20181201/functions": {
      read: (id) => functions.readFunction(id),
      list: (query) => functions.listFunctions(query),
    },
  };
}

const COLLECTION_PATH = /^(\/\d{8}\/[A-Za-z]+)(?:\/([^/]+))?$/;

function noRoute(req: RouteRequest): never {
  throw new ApiError(404, `No route for ${req.method} ${req.path}.`, "NotFound");
}

/** Answers the requests of these services, or undefined to let the other routes try. */
export function tenancyRoute(stores: TenancyStores, req: RouteRequest): RouteResponse | undefined {
  const schedule = resourceSchedulerRoute(stores.schedules, req);
  if (schedule) return schedule;
  const match = COLLECTION_PATH.exec(req.path);
  const collection = match?.[1] ? collections(stores)[match[1]] : undefined;
  if (!match || !collection) return undefined;
  const id = match[2] === undefined ? undefined : decodeSegment(match[2]);
  if (id === undefined && req.method === "GET") {
    const { items, nextPage } = collection.list(req.query);
    return { status: 200, body: items, headers: nextPage ? { "opc-next-page": nextPage } : {} };
  }
  if (id === undefined && req.method === "POST" && collection.create) {
    const { body, etag } = collection.create(jsonBody(req), req.headers["opc-retry-token"]);
    return { status: 200, body, headers: { etag } };
  }
  if (id !== undefined && req.method === "GET") {
    const { body, etag } = collection.read(id);
    return { status: 200, body, headers: { etag } };
  }
  if (id !== undefined && req.method === "DELETE" && collection.delete) {
    collection.delete(id, req.headers["if-match"]);
    return { status: 204 };
  }
  return noRoute(req);
}
