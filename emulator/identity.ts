/**
 * Identity dynamic groups and policies (oci-identity 2.139.1 IdentityClient, API 20160918):
 * CreateDynamicGroup POST /dynamicGroups, GetDynamicGroup GET /dynamicGroups/{dynamicGroupId}, ListDynamicGroups
 * GET /dynamicGroups, DeleteDynamicGroup DELETE /dynamicGroups/{dynamicGroupId}; CreatePolicy POST /policies,
 * GetPolicy GET /policies/{policyId}, ListPolicies GET /policies, DeletePolicy DELETE /policies/{policyId}.
 * Creates take opc-retry-token, deletes if-match; lists take compartmentId (required), name, lifecycleState,
 * sortBy TIMECREATED | NAME, sortOrder, page, limit, and answer the full DynamicGroup / Policy models.
 * OCI creates them CREATING then ACTIVE; the emulator answers ACTIVE at once.
 */
import { createDetails } from "./create-details";
import { alreadyExists, invalidParameter } from "./errors";
import { newOcid } from "./ids";
import { clone } from "./json";
import { ResourceTable } from "./resource-table";
import type { DynamicGroup, DynamicGroupSeed, Policy, PolicySeed } from "./tenancy-types";
import type { Json, JsonObject } from "./types";

type StoredDynamicGroup = DynamicGroup & JsonObject;
type StoredPolicy = Policy & JsonObject;

const TAGS = { freeformTags: "tags", definedTags: "object" } as const;

function listQuery(query: Record<string, string>): Record<string, string> {
  if (!query.compartmentId) throw invalidParameter("compartmentId is required.");
  return query;
}

function whole<T extends JsonObject>(resource: T): JsonObject {
  return resource;
}

export class IdentityStore {
  private readonly groups: ResourceTable<StoredDynamicGroup>;
  private readonly policyTable: ResourceTable<StoredPolicy>;

  constructor(
    pageSize: number,
    private readonly clock: () => number,
  ) {
    this.groups = new ResourceTable<StoredDynamicGroup>("Dynamic group", (g) => g.id, pageSize);
    this.policyTable = new ResourceTable<StoredPolicy>("Policy", (p) => p.id, pageSize);
  }

  private nowIso(): string {
    return new Date(this.clock()).toISOString();
  }

  seedDynamicGroup(seed: DynamicGroupSeed): DynamicGroup {
    const group: StoredDynamicGroup = {
      id: newOcid("dynamicgroup", ""),
      description: "",
      timeCreated: this.nowIso(),
      lifecycleState: "ACTIVE",
      freeformTags: {},
      definedTags: {},
      ...clone(seed),
    };
    return this.groups.put(group).resource;
  }

  /**
   * CreateDynamicGroupDetails: compartmentId ("the OCID of the tenancy containing the group": anything else
   * is refused), name (unique across the tenancy's dynamic groups), matchingRule, description, tags.
   */
  createDynamicGroup(body: Json | undefined, retryToken: string | undefined): { body: DynamicGroup; etag: string } {
    const details = createDetails(
      body,
      "CreateDynamicGroupDetails",
      { compartmentId: "string", name: "string", matchingRule: "string", description: "string", ...TAGS },
      ["compartmentId", "name", "matchingRule", "description"],
    );
    if (!String(details.compartmentId).startsWith("ocid1.tenancy."))
      throw invalidParameter("A dynamic group's compartmentId must be the tenancy's OCID.");
    const stored = this.groups.createOnce(retryToken, details, () => {
      if (this.groups.some((g) => g.name === details.name))
        throw alreadyExists(`A dynamic group named ${details.name}`);
      return this.seedDynamicGroup(details as DynamicGroupSeed) as StoredDynamicGroup;
    });
    return { body: stored.resource, etag: stored.etag };
  }

  readDynamicGroup(id: string): { body: DynamicGroup; etag: string } {
    const stored = this.groups.read(id);
    return { body: stored.resource, etag: stored.etag };
  }

  listDynamicGroups(query: Record<string, string>): { items: JsonObject[]; nextPage: string | undefined } {
    return this.groups.list(listQuery(query), {
      filters: { compartmentId: (g) => g.compartmentId, name: (g) => g.name },
      sortKeys: { TIMECREATED: (g) => g.timeCreated, NAME: (g) => g.name },
      summarize: whole,
    });
  }

  deleteDynamicGroup(id: string, ifMatch: string | undefined): void {
    this.groups.delete(id, ifMatch);
  }

  dynamicGroups(): DynamicGroup[] {
    return this.groups.all();
  }

  seedPolicy(seed: PolicySeed): Policy {
    const policy: StoredPolicy = {
      id: newOcid("policy", ""),
      description: "",
      timeCreated: this.nowIso(),
      lifecycleState: "ACTIVE",
      freeformTags: {},
      definedTags: {},
      ...clone(seed),
    };
    return this.policyTable.put(policy).resource;
  }

  /** CreatePolicyDetails: compartmentId, name (unique across the tenancy's policies), statements, description, versionDate?, tags. */
  createPolicy(body: Json | undefined, retryToken: string | undefined): { body: Policy; etag: string } {
    const details = createDetails(
      body,
      "CreatePolicyDetails",
      {
        compartmentId: "string",
        name: "string",
        statements: "strings",
        description: "string",
        versionDate: "string",
        ...TAGS,
      },
      ["compartmentId", "name", "statements", "description"],
    );
    const stored = this.policyTable.createOnce(retryToken, details, () => {
      if (this.policyTable.some((p) => p.name === details.name)) throw alreadyExists(`A policy named ${details.name}`);
      return this.seedPolicy(details as PolicySeed) as StoredPolicy;
    });
    return { body: stored.resource, etag: stored.etag };
  }

  readPolicy(id: string): { body: Policy; etag: string } {
    const stored = this.policyTable.read(id);
    return { body: stored.resource, etag: stored.etag };
  }

  listPolicies(query: Record<string, string>): { items: JsonObject[]; nextPage: string | undefined } {
    return this.policyTable.list(listQuery(query), {
      filters: { compartmentId: (p) => p.compartmentId, name: (p) => p.name },
      sortKeys: { TIMECREATED: (p) => p.timeCreated, NAME: (p) => p.name },
      summarize: whole,
    });
  }

  deletePolicy(id: string, ifMatch: string | undefined): void {
    this.policyTable.delete(id, ifMatch);
  }

  policies(): Policy[] {
    return this.policyTable.all();
  }
}
