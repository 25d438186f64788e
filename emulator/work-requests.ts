/**
 * Data Science work requests (SDK models WorkRequest, WorkRequestResource): one per accepted
 * UpdateModelDeployment, plus seeded ones recording changes made elsewhere.
 */
import { invalidParameter, notFound } from "./errors";
import { newWorkRequestId } from "./ids";
import { clone } from "./json";
import type { WorkRequest, WorkRequestSeed } from "./types";
import { listWorkRequests, WORK_REQUEST_STATUSES } from "./work-request-listing";

interface TrackedWorkRequest {
  workRequest: WorkRequest;
  /** Set while an emulator-run update is IN_PROGRESS with a known end: percentComplete follows the clock. */
  progress?: { startedAt: number; dueAt: number };
}

const FINISHED = ["SUCCEEDED", "FAILED", "CANCELED"];
/** terraform-provider-oci finds a deployment's resource by an entityType containing "model-deployment". */
const MODEL_DEPLOYMENT_ENTITY = "model-deployment";

const iso = (ms: number) => new Date(ms).toISOString();
const entityUri = (deploymentId: string) => `/20190101/modelDeployments/${deploymentId}`;

function resourceAction(status: string): string {
  if (status === "SUCCEEDED") return "UPDATED";
  return FINISHED.includes(status) ? "RELATED" : "IN_PROGRESS";
}

export class WorkRequestStore {
  private readonly items: TrackedWorkRequest[] = [];

  /** settleDueChanges runs before every read, so lazily completed updates show up first. */
  constructor(
    private readonly clock: () => number,
    private readonly settleDueChanges: () => void,
  ) {}

  /** An accepted update of a model deployment: IN_PROGRESS at once; dueAt undefined while it waits for completeUpdates(). */
  startUpdate(deployment: { id: string; compartmentId: string }, dueAt: number | undefined): string {
    const now = this.clock();
    const workRequest: WorkRequest = {
      id: newWorkRequestId(),
      operationType: "MODEL_DEPLOYMENT_UPDATE",
      status: "IN_PROGRESS",
      compartmentId: deployment.compartmentId,
      percentComplete: 0,
      resources: [
        {
          entityType: MODEL_DEPLOYMENT_ENTITY,
          actionType: "IN_PROGRESS",
          identifier: deployment.id,
          entityUri: entityUri(deployment.id),
        },
      ],
      timeAccepted: iso(now),
      timeStarted: iso(now),
    };
    this.items.push({ workRequest, progress: dueAt === undefined ? undefined : { startedAt: now, dueAt } });
    return workRequest.id;
  }

  finish(id: string, status: "SUCCEEDED" | "FAILED" | "CANCELED", at: number): void {
    const tracked = this.items.find((t) => t.workRequest.id === id);
    if (!tracked) return;
    tracked.progress = undefined;
    const { workRequest } = tracked;
    workRequest.status = status;
    workRequest.percentComplete = status === "SUCCEEDED" ? 100 : workRequest.percentComplete;
    workRequest.timeFinished = iso(at);
    for (const resource of workRequest.resources) resource.actionType = resourceAction(status);
  }

  seed(seed: WorkRequestSeed, compartmentOf: (deploymentId: string) => string | undefined): WorkRequest {
    const status = seed.status ?? "SUCCEEDED";
    if (!WORK_REQUEST_STATUSES.includes(status)) throw invalidParameter(`Unknown work request status ${status}.`);
    const started = status === "ACCEPTED" ? seed.timeStarted : (seed.timeStarted ?? seed.timeAccepted);
    const finished = FINISHED.includes(status) ? (seed.timeFinished ?? started) : seed.timeFinished;
    const workRequest: WorkRequest = {
      id: seed.id ?? newWorkRequestId(),
      operationType: seed.operationType ?? "MODEL_DEPLOYMENT_UPDATE",
      status,
      compartmentId: seed.compartmentId ?? compartmentOf(seed.modelDeploymentId) ?? "ocid1.compartment.oc1..test",
      percentComplete: seed.percentComplete ?? (status === "SUCCEEDED" ? 100 : 0),
      resources: [
        {
          entityType: MODEL_DEPLOYMENT_ENTITY,
          actionType: resourceAction(status),
          identifier: seed.modelDeploymentId,
          entityUri: entityUri(seed.modelDeploymentId),
        },
      ],
      timeAccepted: iso(seed.timeAccepted),
      ...(started === undefined ? {} : { timeStarted: iso(started) }),
      ...(finished === undefined ? {} : { timeFinished: iso(finished) }),
    };
    this.items.push({ workRequest });
    return clone(workRequest);
  }

  /** GET /workRequests/{workRequestId}. */
  read(id: string): WorkRequest {
    const found = this.all().find((w) => w.id === id);
    if (!found) throw notFound(`Work request ${id}`);
    return found;
  }

  /** GET /workRequests. */
  list(query: Record<string, string>): { items: WorkRequest[]; nextPage: string | undefined } {
    return listWorkRequests(this.all(), query);
  }

  all(): WorkRequest[] {
    this.settleDueChanges();
    const now = this.clock();
    return this.items.map(({ workRequest, progress }) => {
      const served = clone(workRequest);
      if (progress && progress.dueAt > progress.startedAt) {
        const fraction = (now - progress.startedAt) / (progress.dueAt - progress.startedAt);
        served.percentComplete = Math.min(99, Math.max(0, Math.floor(fraction * 100)));
      }
      return served;
    });
  }
}
