/** Model deployments: storage, etags, and the UPDATING -> ACTIVE life cycle of an update. */
import { buildDeployment } from "./deployment-seed";
import { applyUpdate, validateUpdate } from "./deployment-update";
import { ApiError, notFound } from "./errors";
import { newEtag, newWorkRequestId } from "./ids";
import { clone } from "./json";
import type { Json, JsonObject, ModelDeployment, SeedDeployment, StoredDeployment } from "./types";

interface PendingUpdate {
  update: JsonObject;
  timer: NodeJS.Timeout | undefined;
}

const LIFECYCLE_DETAILS: Record<string, string> = {
  ACTIVE: "Model Deployment is Active.",
  UPDATING: "Model Deployment is being updated.",
  FAILED: "Model Deployment failed.",
  INACTIVE: "Model Deployment is Inactive.",
};

export class DeploymentStore {
  private readonly items = new Map<string, StoredDeployment>();
  private readonly pending = new Map<string, PendingUpdate>();

  /** updateDelayMs: null or a non-finite number keeps updates pending until completeAll(). */
  constructor(
    private readonly updateDelayMs: number | null,
    private readonly refuseTagsWithConfigurationChange = false,
  ) {}

  seed(seed: SeedDeployment = {}): ModelDeployment {
    const deployment = buildDeployment(seed);
    this.items.set(deployment.id, { deployment, etag: newEtag() });
    return clone(deployment);
  }

  get(id: string): StoredDeployment | undefined {
    const stored = this.items.get(id);
    return stored && clone(stored);
  }

  setState(id: string, state: string): void {
    const stored = this.require(id);
    this.cancelPending(id);
    this.setLifecycle(stored, state);
  }

  purge(id: string): void {
    this.cancelPending(id);
    this.items.delete(id);
  }

  /** GET /modelDeployments/{id}. */
  read(id: string): StoredDeployment {
    return clone(this.require(id));
  }

  /** PUT /modelDeployments/{id}: validates, marks UPDATING, schedules the change; returns the work request id. */
  update(id: string, ifMatch: string | undefined, body: Json | undefined): string {
    const stored = this.require(id);
    if (ifMatch !== undefined && ifMatch !== stored.etag) {
      throw new ApiError(412, "The resource's etag does not match the value of the If-Match header.");
    }
    if (stored.deployment.lifecycleState !== "ACTIVE") {
      throw new ApiError(
        409,
        `Model deployment is in ${stored.deployment.lifecycleState} state; updates require ACTIVE.`,
      );
    }
    const update = validateUpdate(stored.deployment, body);
    if (this.refuseTagsWithConfigurationChange && update.freeformTags && update.modelDeploymentConfigurationDetails) {
      throw new ApiError(400, "freeformTags cannot be updated together with modelDeploymentConfigurationDetails.");
    }
    this.setLifecycle(stored, "UPDATING");
    const pending: PendingUpdate = { update, timer: undefined };
    this.pending.set(id, pending);
    const delay = this.updateDelayMs;
    if (delay !== null && Number.isFinite(delay)) {
      pending.timer = setTimeout(() => this.complete(id), Math.max(0, delay));
      pending.timer.unref();
    }
    return newWorkRequestId();
  }

  completeAll(): void {
    for (const id of [...this.pending.keys()]) this.complete(id);
  }

  close(): void {
    for (const id of [...this.pending.keys()]) this.cancelPending(id);
  }

  private complete(id: string): void {
    const pending = this.pending.get(id);
    const stored = this.items.get(id);
    this.cancelPending(id);
    if (!pending || !stored) return;
    stored.deployment = applyUpdate(stored.deployment, pending.update);
    this.setLifecycle(stored, "ACTIVE");
  }

  private cancelPending(id: string): void {
    const pending = this.pending.get(id);
    if (pending?.timer) clearTimeout(pending.timer);
    this.pending.delete(id);
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
