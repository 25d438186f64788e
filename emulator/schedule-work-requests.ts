/**
 * Resource Scheduler's work requests for CreateSchedule and UpdateSchedule, whose responses carry an
 * opc-work-request-id (CreateScheduleResponse, UpdateScheduleResponse; the Python SDK's composite operations
 * wait on that work request). The change is done when the call answers, so each work request is SUCCEEDED
 * from the start. GetWorkRequest GET /20240430/workRequests/{workRequestId} answers WorkRequest
 * (lib/model/work-request.d.ts); the list, errors, logs and cancel operations are not served.
 */
import { notFound } from "./errors";
import { newOcid } from "./ids";
import { clone } from "./json";
import type { JsonObject } from "./types";

/** OperationType (lib/model/operation-type.d.ts) and the ActionType (action-type.d.ts) it has on the schedule. */
const ACTION_OF = { CREATE_SCHEDULE: "CREATED", UPDATE_SCHEDULE: "UPDATED" } as const;

export class ScheduleWorkRequests {
  private readonly byId = new Map<string, JsonObject>();

  constructor(private readonly clock: () => number) {}

  /** Records a finished work request on one schedule and answers its id. */
  record(operationType: keyof typeof ACTION_OF, schedule: { id: string; compartmentId: string }): string {
    const id = newOcid("resourceschedulerworkrequest");
    const now = new Date(this.clock()).toISOString();
    this.byId.set(id, {
      id,
      operationType,
      status: "SUCCEEDED",
      compartmentId: schedule.compartmentId,
      resources: [
        {
          // WorkRequestResource.entityType is a free string in the model; "schedule" is the emulator's choice.
          entityType: "schedule",
          actionType: ACTION_OF[operationType],
          identifier: schedule.id,
          entityUri: `/20240430/schedules/${encodeURIComponent(schedule.id)}`,
        },
      ],
      percentComplete: 100,
      timeAccepted: now,
      timeStarted: now,
      timeFinished: now,
      timeUpdated: now,
    });
    return id;
  }

  read(id: string): JsonObject {
    const workRequest = this.byId.get(id);
    if (!workRequest) throw notFound(`Work request ${id}`);
    return clone(workRequest);
  }
}
