/** Model deployments: storage, etags, and the UPDATING -> ACTIVE life cycle of an update on the emulator's clock. */
import { buildDeployment } from "./deployment-seed";
import { validateUpdate } from "./deployment-update";
import { ApiError, notFound } from "./errors";
import { newEtag } from "./ids";
import { clone } from "./json";
import { policyWithOtherChanges } from "./policy-alone";
import type { Json, JsonObject, ModelDeployment, SeedDeployment, StoredDeployment, UpdateSemantics } from "./types";
import { applyUpdate } from "./update-semantics";
import { WorkRequestStore } from "./work-requests";

interface PendingUpdate {
  update: JsonObject;
  workRequestId: string;
  /** Clock time at which the update is applied; undefined: only completeAll() applies it. */
  dueAt: number | undefined;
}

export interface DeploymentStoreOptions {
  /** null or a non-finite number keeps updates pending until completeAll(). */
  updateDelayMs: number | null;
  refuseTagsWithConfigurationChange?: boolean;
  refuseScalingPolicyWithOtherChanges?: boolean;
  /** Default Date.now. */
  clock?: () => number;
  updateSemantics?: UpdateSemantics;
}

const UPDATABLE_STATES = ["ACTIVE", "NEEDS_ATTENTION"];

const LIFECYCLE_DETAILS: Record<string, string> = {
  ACTIVE: "Model Deployment is Active.",
  UPDATING: "Model Deployment is being updated.",
  FAILED: "Model Deployment failed.",
  INACTIVE: "Model Deployment is Inactive.",
};

export class DeploymentStore {
  readonly workRequests: WorkRequestStore;
  private readonly items = new Map<string, StoredDeployment>();
  private readonly pending = new Map<string, PendingUpdate>();
  private readonly clock: () => number;

  /**
   * Due updates are applied whenever the store is observed (every read below settles first), so neither a
   * manual clock nor real time needs a timer: nobody can see a due update still pending.
   */
  constructor(private readonly options: DeploymentStoreOptions) {
    this.clock = options.clock ?? Date.now;
    this.workRequests = new WorkRequestStore(this.clock, () => this.settleDueUpdates());
  }

  seed(seed: SeedDeployment = {}): ModelDeployment {
    const deployment = buildDeployment(seed, this.clock());
    this.items.set(deployment.id, { deployment, etag: newEtag() });
    return clone(deployment);
  }

  get(id: string): StoredDeployment | undefined {
    this.settleDueUpdates();
    const stored = this.items.get(id);
    return stored && clone(stored);
  }

  compartmentOf(id: string): string | undefined {
    return this.items.get(id)?.deployment.compartmentId;
  }

  /** A change made behind the API: no work request; a pending update is abandoned. */
  setState(id: string, state: string): void {
    this.settleDueUpdates();
    const stored = this.require(id);
    this.abandonPending(id, state === "FAILED" ? "FAILED" : "CANCELED");
    this.setLifecycle(stored, state);
  }

  purge(id: string): void {
    this.settleDueUpdates();
    this.abandonPending(id, "CANCELED");
    this.items.delete(id);
  }

  /** GET /modelDeployments/{id}. */
  read(id: string): StoredDeployment {
    this.settleDueUpdates();
    return clone(this.require(id));
  }

  /** PUT /modelDeployments/{id}: validates, marks UPDATING, schedules the change; returns the work request id. */
  update(id: string, ifMatch: string | undefined, body: Json | undefined): string {
    this.settleDueUpdates();
    const stored = this.require(id);
    if (ifMatch !== undefined && ifMatch !== stored.etag) {
      throw new ApiError(412, "The resource's etag does not match the value of the If-Match header.");
    }
    // OCI documents zero-downtime updates of instance count and shape in ACTIVE and NEEDS_ATTENTION.
    if (!UPDATABLE_STATES.includes(stored.deployment.lifecycleState)) {
      throw new ApiError(
        409,
        `Model deployment is in ${stored.deployment.lifecycleState} state; updates require ACTIVE or NEEDS_ATTENTION.`,
      );
    }
    const update = validateUpdate(stored.deployment, body, this.options.updateSemantics);
    if (
      this.options.refuseTagsWithConfigurationChange &&
      update.freeformTags &&
      update.modelDeploymentConfigurationDetails
    ) {
      throw new ApiError(400, "freeformTags cannot be updated together with modelDeploymentConfigurationDetails.");
    }
    const semantics = this.options.updateSemantics ?? "merge-fields";
    if (
      this.options.refuseScalingPolicyWithOtherChanges &&
      policyWithOtherChanges(stored.deployment, update, semantics)
    ) {
      throw new ApiError(400, "scalingPolicy must be updated alone on an ACTIVE model deployment.");
    }
    this.setLifecycle(stored, "UPDATING");
    const delay = this.options.updateDelayMs;
    const dueAt = delay !== null && Number.isFinite(delay) ? this.clock() + Math.max(0, delay) : undefined;
    const workRequestId = this.workRequests.startUpdate(stored.deployment, dueAt);
    this.pending.set(id, { update, workRequestId, dueAt });
    return workRequestId;
  }

  /** Applies every update whose due time the clock has reached. */
  settleDueUpdates(): void {
    const now = this.clock();
    for (const [id, pending] of [...this.pending]) {
      if (pending.dueAt !== undefined && now >= pending.dueAt) this.complete(id, pending.dueAt);
    }
  }

  completeAll(): void {
    this.settleDueUpdates();
    for (const id of [...this.pending.keys()]) this.complete(id, this.clock());
  }

  close(): void {
    this.pending.clear();
  }

  private complete(id: string, finishedAt: number): void {
    const pending = this.pending.get(id);
    const stored = this.items.get(id);
    if (!pending) return;
    this.pending.delete(id);
    if (!stored) return;
    stored.deployment = applyUpdate(stored.deployment, pending.update, this.options.updateSemantics ?? "merge-fields");
    this.setLifecycle(stored, "ACTIVE");
    this.workRequests.finish(pending.workRequestId, "SUCCEEDED", finishedAt);
  }

  private abandonPending(id: string, outcome: "FAILED" | "CANCELED"): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    this.workRequests.finish(pending.workRequestId, outcome, this.clock());
  }

  private setLifecycle(stored: StoredDeployment, state: string): void {
    stored.deployment.lifecycleState = state;
    stored.deployment.lifecycleDetails = LIFECYCLE_DETAILS[state] ?? `Model Deployment is ${state}.`;
    stored.etag = newEtag();
  }

  private require(id: string): StoredDeployment {
    const stored = this.items.get(id);
    if (!stored) throw notFound(`Model deployment ${id}`);
    return stored;
  }
}
