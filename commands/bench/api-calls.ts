import type { Emulator, RecordedRequest } from "../../emulator";
import { EXAMPLE_COMPARTMENT_ID, EXAMPLE_TOPIC_ID } from "../../emulator/seed-from-alarm";
import type { FnProcess } from "../../local-function/fn-runner";
import { MANAGED_BY_VALUE, ScaleDownAlarmTag } from "../../src/oci/scale-down-alarms";
import { checkAnswer, INSTANCE_UP, prepareScenario, type Scenario } from "./scenarios";

/** One OCI request, named by what it does. */
export function callName(request: Pick<RecordedRequest, "method" | "path">): string {
  const { method, path } = request;
  if (path.startsWith("/20190101/modelDeployments/")) return `${method} deployment`;
  if (path === "/20190101/workRequests") return "LIST work requests";
  if (path.endsWith("/actions/retrieveDimensionStates")) return "READ firing state";
  if (path.endsWith("/metrics/actions/summarizeMetricsData")) return "READ history";
  if (path === "/20180401/alarms") return method === "GET" ? "LIST alarms" : `${method} alarm`;
  if (path.startsWith("/20180401/alarms/")) return `${method} alarm`;
  if (path.startsWith("/20240430/schedules/")) return `${method} schedule`;
  return `${method} ${path}`;
}

export interface CallAudit extends Scenario {
  /** A REPEAT that must change nothing (target: at most one call). */
  noOp?: boolean;
  /** Every call the result needs, in order; anything else is a call too many. */
  needed: string[];
}

const asRepeat = (message: string) => message.replace(/"type":\s*"OK_TO_FIRING"/, '"type": "REPEAT"');

/** A scale-down alarm this function created earlier for the deployment, with the threshold it had then. */
function existingLowCpuAlarm(threshold: number) {
  return (emulator: Emulator, deploymentId: string): void => {
    emulator.seedAlarm({
      displayName: "model_deployment_low_cpu",
      compartmentId: EXAMPLE_COMPARTMENT_ID,
      query: `CpuUtilization[5m]{resourceId = "${deploymentId}"}.groupBy(resourceId).mean() < ${threshold}`,
      pendingDuration: "PT15M",
      repeatNotificationDuration: "PT5M",
      destinations: [EXAMPLE_TOPIC_ID],
      freeformTags: {
        [ScaleDownAlarmTag.ManagedBy]: MANAGED_BY_VALUE,
        [ScaleDownAlarmTag.Deployment]: deploymentId,
        [ScaleDownAlarmTag.Metric]: "CpuUtilization",
      },
    });
  };
}

// Why each call:
// - GET deployment: state, size, ETag.
// - LIST work requests: when the deployment's last change finished (the cooldown counts from then); only when
//   a change is about to be made.
// - GET alarm: before any write the firing alarm is verified against the message (VERIFY_FIRING_ALARM); it
//   also gives the compartment to search and create in and the destinations to copy. Read once per call,
//   and reused when the firing alarm is the scale-down alarm being brought up to date.
// - READ firing state: RetrieveDimensionStates, is the alarm FIRING for this deployment now (VERIFY_FIRING_STATE).
// - LIST alarms: is a scale-down alarm already there; after a create, did a concurrent invocation create one too.
// - GET alarm (second): an existing scale-down alarm that is not the firing one, to compare it with what the
//   function would create now; PUT alarm when it differs (threshold after the change, durations, destinations).
// - READ history: SummarizeMetricsData, the deployment's own peak over SCALE_IN_STABILIZATION; only for a
//   scale-in about to be made (one read).
// - PUT deployment (the change, If-Match); then, once OCI accepted it, PUT alarm (retune) or the clean-up.
// - POST/DELETE alarm.
const VERIFY = ["GET alarm", "READ firing state"];
const CREATE = ["LIST alarms", "POST alarm", "LIST alarms"];
const REMOVE = ["LIST alarms", "DELETE alarm"];
const CHANGE = ["GET deployment", "LIST work requests", ...VERIFY];
const SCALE_IN = ["GET deployment", "LIST work requests", "READ history", ...VERIFY];

export const CALL_AUDITS: CallAudit[] = [
  { ...INSTANCE_UP, needed: [...CHANGE, ...CREATE, "PUT deployment"] },
  {
    name: "instance-up (2 -> 3, low-CPU alarm up to date)",
    fixture: "test-alarm-scale-cpu-up.json",
    seed: { instanceCount: 2 },
    // LOW_CPU_THRESHOLD=auto at 3 instances: 60 × 2/3 × 0.9
    prepare: existingLowCpuAlarm(36),
    expect: { outcome: "updated", reasonCode: "ScaledUp", scaleDownAlarm: "exists" },
    needed: [...CHANGE, "LIST alarms", "PUT deployment", "GET alarm"],
  },
  {
    name: "instance-up (2 -> 3, low-CPU alarm retuned)",
    fixture: "test-alarm-scale-cpu-up.json",
    seed: { instanceCount: 2 },
    prepare: existingLowCpuAlarm(27),
    expect: { outcome: "updated", reasonCode: "ScaledUp", scaleDownAlarm: "updated" },
    needed: [...CHANGE, "LIST alarms", "PUT deployment", "GET alarm", "PUT alarm"],
  },
  {
    name: "instance-down (3 -> 2, its own alarm retuned)",
    fixture: "alarm-low-cpu.json",
    seed: { instanceCount: 3 },
    expect: { outcome: "updated", reasonCode: "ScaledDown", scaleDownAlarm: "updated" },
    needed: [...SCALE_IN, "LIST alarms", "PUT deployment", "PUT alarm"],
  },
  {
    name: "instance-down (2 -> 1, floor: alarm deleted)",
    fixture: "alarm-low-cpu.json",
    seed: { instanceCount: 2 },
    expect: { outcome: "updated", reasonCode: "ScaledDown", scaleDownAlarm: "deleted" },
    needed: [...SCALE_IN, "PUT deployment", ...REMOVE],
  },
  {
    name: "shape-up (Standard2.1 -> 2.2, alarm created)",
    fixture: "test-alarm-scale-mem-up.json",
    seed: { shape: "VM.Standard2.1" },
    expect: { outcome: "updated", reasonCode: "ScaledUp", scaleDownAlarm: "created" },
    needed: [...CHANGE, ...CREATE, "PUT deployment"],
  },
  {
    name: "shape-down (Standard2.4 -> 2.2, its own alarm retuned)",
    fixture: "alarm-low-mem.json",
    seed: { shape: "VM.Standard2.4" },
    expect: { outcome: "updated", reasonCode: "ScaledDown", scaleDownAlarm: "updated" },
    needed: [...SCALE_IN, "LIST alarms", "PUT deployment", "PUT alarm"],
  },
  {
    name: "at floor (1 instance): alarm deleted",
    fixture: "alarm-low-cpu.json",
    seed: { instanceCount: 1 },
    expect: { outcome: "skipped", reasonCode: "AtMinInstances", scaleDownAlarm: "deleted" },
    needed: ["GET deployment", ...VERIFY, ...REMOVE],
  },
  {
    name: "REPEAT, deployment UPDATING",
    fixture: "test-alarm-scale-cpu-up.json",
    seed: { instanceCount: 1, lifecycleState: "UPDATING" },
    transform: asRepeat,
    noOp: true,
    expect: { outcome: "skipped", reasonCode: "NotActive", scaleDownAlarm: "none" },
    needed: ["GET deployment"],
  },
  {
    name: "REPEAT, at MAX_INSTANCES",
    fixture: "test-alarm-scale-cpu-up.json",
    seed: { instanceCount: 10 },
    transform: asRepeat,
    noOp: true,
    expect: { outcome: "skipped", reasonCode: "AtMaxInstances", scaleDownAlarm: "none" },
    needed: ["GET deployment"],
  },
];

export interface CallCount {
  audit: Pick<CallAudit, "name" | "needed" | "noOp">;
  calls: string[];
}

/** Sends each audited message once to a running function and names the OCI requests it made. */
export async function countCalls(fn: FnProcess, emulator: Emulator): Promise<CallCount[]> {
  const counts: CallCount[] = [];
  for (const audit of CALL_AUDITS) {
    const { message } = prepareScenario(emulator, audit);
    emulator.clearRequests();
    const answer = await fn.call(message);
    checkAnswer(audit, answer.status, answer.body);
    counts.push({ audit, calls: emulator.requests.map(callName) });
  }
  return counts;
}
