/**
 * Functions management reads (oci-functions 2.139.1 FunctionsManagementClient, API 20181201):
 * ListApplications GET /applications (compartmentId required, lifecycleState, displayName, id, sortBy
 * timeCreated | id | displayName, sortOrder, page, limit) answering ApplicationSummary[]; GetApplication
 * GET /applications/{applicationId} answering Application (with `config`) and an etag; ListFunctions
 * GET /functions (applicationId required, same filters) answering FunctionSummary[]; GetFunction
 * GET /functions/{functionId} answering Function (with `config`) and an etag. The summaries have no `config`.
 * Applications and functions are only seeded: setup and doctor read them, nothing here creates them.
 */
import { createHash } from "node:crypto";
import { invalidParameter } from "./errors";
import { newOcid } from "./ids";
import { clone } from "./json";
import { pick, ResourceTable } from "./resource-table";
import type { ApplicationSeed, FunctionResource, FunctionSeed, FunctionsApplication } from "./tenancy-types";
import type { JsonObject } from "./types";

type StoredApplication = FunctionsApplication & JsonObject;
type StoredFunction = FunctionResource & JsonObject;

const APPLICATION_SUMMARY_FIELDS = [
  "id",
  "compartmentId",
  "displayName",
  "lifecycleState",
  "subnetIds",
  "shape",
  "freeformTags",
  "definedTags",
  "timeCreated",
  "timeUpdated",
] as const;
const FUNCTION_SUMMARY_FIELDS = [
  "id",
  "displayName",
  "applicationId",
  "compartmentId",
  "lifecycleState",
  "image",
  "imageDigest",
  "shape",
  "memoryInMBs",
  "timeoutInSeconds",
  "freeformTags",
  "invokeEndpoint",
  "definedTags",
  "timeCreated",
  "timeUpdated",
] as const;

function sortKeys<T extends { timeCreated: string; id: string; displayName: string }>() {
  return { timeCreated: (r: T) => r.timeCreated, id: (r: T) => r.id, displayName: (r: T) => r.displayName };
}

export class FunctionsStore {
  private readonly applications: ResourceTable<StoredApplication>;
  private readonly functions: ResourceTable<StoredFunction>;

  constructor(
    pageSize: number,
    private readonly clock: () => number,
  ) {
    this.applications = new ResourceTable<StoredApplication>("Application", (a) => a.id, pageSize);
    this.functions = new ResourceTable<StoredFunction>("Function", (f) => f.id, pageSize);
  }

  seedApplication(seed: ApplicationSeed): FunctionsApplication {
    const now = new Date(this.clock()).toISOString();
    return this.applications.put({
      id: newOcid("fnapp"),
      lifecycleState: "ACTIVE",
      config: {},
      subnetIds: [newOcid("subnet")],
      shape: "GENERIC_X86",
      timeCreated: now,
      timeUpdated: now,
      freeformTags: {},
      definedTags: {},
      ...clone(seed),
    }).resource;
  }

  /** The image and invoke endpoint look like OCI's (OCIR image, regional functions endpoint); nothing serves them. */
  seedFunction(seed: FunctionSeed): FunctionResource {
    const application = this.applications.find(seed.applicationId);
    if (!application) throw new Error(`seedFunction: no application ${seed.applicationId}`);
    const now = new Date(this.clock()).toISOString();
    const image = seed.image ?? "iad.ocir.io/tenancy/model-deployment-autoscale:0.0.1";
    return this.functions.put({
      id: newOcid("fnfunc"),
      compartmentId: application.compartmentId,
      lifecycleState: "ACTIVE",
      image,
      imageDigest: `sha256:${createHash("sha256").update(image).digest("hex")}`,
      shape: "GENERIC_X86",
      memoryInMBs: 256,
      timeoutInSeconds: 30,
      config: {},
      invokeEndpoint: "https://test.us-ashburn-1.functions.oci.oraclecloud.com",
      timeCreated: now,
      timeUpdated: now,
      freeformTags: {},
      definedTags: {},
      ...clone(seed),
    }).resource;
  }

  setFunctionConfig(id: string, config: Record<string, string>): FunctionResource {
    return this.functions.change(id, (f) => {
      f.config = clone(config);
      f.timeUpdated = new Date(this.clock()).toISOString();
    }).resource;
  }

  readApplication(id: string): { body: FunctionsApplication; etag: string } {
    const stored = this.applications.read(id);
    return { body: stored.resource, etag: stored.etag };
  }

  listApplications(query: Record<string, string>): { items: JsonObject[]; nextPage: string | undefined } {
    if (!query.compartmentId) throw invalidParameter("compartmentId is required.");
    return this.applications.list(query, {
      filters: { compartmentId: (a) => a.compartmentId, displayName: (a) => a.displayName, id: (a) => a.id },
      sortKeys: sortKeys<StoredApplication>(),
      summarize: (a) => pick(a, APPLICATION_SUMMARY_FIELDS),
    });
  }

  readFunction(id: string): { body: FunctionResource; etag: string } {
    const stored = this.functions.read(id);
    return { body: stored.resource, etag: stored.etag };
  }

  listFunctions(query: Record<string, string>): { items: JsonObject[]; nextPage: string | undefined } {
    if (!query.applicationId) throw invalidParameter("applicationId is required.");
    return this.functions.list(query, {
      filters: { applicationId: (f) => f.applicationId, displayName: (f) => f.displayName, id: (f) => f.id },
      sortKeys: sortKeys<StoredFunction>(),
      summarize: (f) => pick(f, FUNCTION_SUMMARY_FIELDS),
    });
  }
}
