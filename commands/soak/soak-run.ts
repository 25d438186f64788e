import type { Alarm, Emulator } from "../../emulator";
import { alarmMessage } from "../../emulator/alarm-messages";
import { deploymentState as view } from "../../emulator/deployment-state";
import { startLocalOci } from "../../emulator/local-oci";
import { EXAMPLE_COMPARTMENT_ID, markStreamsFiring, seedCompartmentAlarm } from "../../emulator/seed-from-alarm";
import { type InProcessFunction, inProcessFunction } from "../../local-function/in-process";
import { demand, mulberry32, STANDARD2_MEMORY_GB } from "./load-model";

export interface SoakOptions {
  deployments: number;
  busyMinutes: number;
  quietMinutes: number;
  seed: number;
  faultRate: number;
  duplicateRate: number;
}

export interface SoakReport {
  deliveries: number;
  duplicates: number;
  redeliveries: number;
  faultsInjected: number;
  updates: number;
  decisionsAnswered: number;
  decisionsLogged: number;
  violations: string[];
  peak: { instances: number; shape: string };
}

const MAX_INSTANCES = 5;
const REPEAT_MINUTES = 5;
const HIGH = { cpu: "ocid1.alarm.oc1.iad.aaaaaaaasoakhighcpu", mem: "ocid1.alarm.oc1.iad.aaaaaaaasoakhighmem" };

function lowAlarms(emulator: Emulator, id: string, metric: string): Alarm[] {
  return emulator
    .alarms()
    .filter((a) => a.freeformTags["autoscale-deployment-id"] === id && a.freeformTags["autoscale-metric"] === metric);
}

function thresholdOf(alarm: Alarm): number {
  return Number(/<\s*([\d.]+)\s*$/.exec(alarm.query)?.[1] ?? 0);
}

/** Plays simulated hours of Monitoring against the real handler and emulator, then checks what must hold. */
export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  // The emulator keeps the function's simulated time: its work requests say when an update finished.
  let simulatedNow = Date.parse("2026-11-24T00:00:00Z");
  const oci = await startLocalOci({ updateDelayMs: null, clock: () => simulatedNow });
  const { emulator } = oci;
  const fn = inProcessFunction(
    oci,
    { MAX_INSTANCES: String(MAX_INSTANCES), OCI_REQUEST_TIMEOUT_SECONDS: "1" },
    new Date(simulatedNow),
    // Simulated minutes: the back-off between retries shrinks with them (attempts and their order do not).
    { retryDelayScale: 0.01 },
  );
  const random = mulberry32(options.seed);
  const report: SoakReport = {
    deliveries: 0,
    duplicates: 0,
    redeliveries: 0,
    faultsInjected: 0,
    updates: 0,
    decisionsAnswered: 0,
    decisionsLogged: 0,
    violations: [],
    peak: { instances: 1, shape: "VM.Standard2.1" },
  };
  for (const [id, metric, title] of [
    [HIGH.cpu, "CpuUtilization", "model_deployment_high_cpu"],
    [HIGH.mem, "MemoryUtilization", "model_deployment_high_mem"],
  ] as const) {
    seedCompartmentAlarm(emulator, { id, title, metric });
  }
  const ids = Array.from(
    { length: options.deployments },
    () => emulator.seedDeployment({ compartmentId: EXAMPLE_COMPARTMENT_ID }).id,
  );
  const phases = ids.map((_, i) => i * 37);
  /** Per alarm stream: when it last notified, and its dedupe key while firing (like Monitoring's). */
  const firing = new Map<string, { since: number; last: number; key: string }>();
  emulator.faults.setRandom({
    rate: options.faultRate,
    seed: options.seed,
    kinds: ["429", "500", "503", "slow", "drop"],
    slowMs: 30,
  });

  const total = options.busyMinutes + options.quietMinutes;
  for (let minute = 0; minute < total; minute++) {
    fn.clock.advance(60);
    simulatedNow = fn.clock.now.getTime();
    if (random() < 0.6) emulator.completeUpdates(); // updates take one to a few minutes
    const quiet = minute >= options.busyMinutes;
    for (const [i, id] of ids.entries()) {
      const now = view(emulator, id);
      const load = demand(minute, phases[i] as number, random, quiet);
      const cpu = Math.min(100, (load.cpu / now.instances) * 100);
      const mem = Math.min(100, (load.memoryGb / (STANDARD2_MEMORY_GB[now.shape] ?? 15)) * 100);
      const streams: Array<{ alarm: Pick<Alarm, "id" | "query">; title: string; breached: boolean }> = [
        { alarm: { id: HIGH.cpu, query: "" }, title: "model_deployment_high_cpu", breached: cpu > 80 },
        { alarm: { id: HIGH.mem, query: "" }, title: "model_deployment_high_mem", breached: mem > 80 },
        // The low alarms fire below their own thresholds, which the function retunes as it scales.
        ...lowAlarms(emulator, id, "CpuUtilization").map((alarm) => ({
          alarm,
          title: "model_deployment_low_cpu",
          breached: cpu < thresholdOf(alarm),
        })),
        ...lowAlarms(emulator, id, "MemoryUtilization").map((alarm) => ({
          alarm,
          title: "model_deployment_low_mem",
          breached: mem < thresholdOf(alarm),
        })),
      ];
      for (const stream of streams) {
        const key = `${stream.alarm.id}/${id}`;
        const state = firing.get(key);
        if (!stream.breached) {
          firing.delete(key);
          continue;
        }
        if (state && minute - state.last < REPEAT_MINUTES) continue;
        const entry = state ?? { since: minute, last: minute, key: `${key}/${minute}` };
        entry.last = minute;
        firing.set(key, entry);
        const message = alarmMessage({
          title: stream.title,
          alarmId: stream.alarm.id,
          deploymentIds: [id],
          type: state ? "REPEAT" : "OK_TO_FIRING",
          dedupeKey: entry.key,
          timestampEpochMillis: fn.clock.now.getTime(),
          ...(stream.alarm.query ? { query: stream.alarm.query } : {}),
        });
        markStreamsFiring(emulator, message);
        await deliver(fn, message, random() < options.duplicateRate, report);
      }
      const after = view(emulator, id);
      if (after.instances < 1 || after.instances > MAX_INSTANCES)
        report.violations.push(`minute ${minute}: ${id} has ${after.instances} instances`);
      if (!(after.shape in STANDARD2_MEMORY_GB)) report.violations.push(`minute ${minute}: ${id} is on ${after.shape}`);
      if (after.instances > report.peak.instances) report.peak.instances = after.instances;
      if ((STANDARD2_MEMORY_GB[after.shape] ?? 0) > (STANDARD2_MEMORY_GB[report.peak.shape] ?? 0))
        report.peak.shape = after.shape;
    }
    if (minute === options.busyMinutes - 1) checkWayDown(emulator, ids, report, "end of the busy hours");
  }
  emulator.faults.setRandom(null);
  emulator.completeUpdates();
  checkWayDown(emulator, ids, report, "end of the quiet hours");
  for (const id of ids) {
    const end = view(emulator, id);
    if (end.instances !== 1 || end.shape !== "VM.Standard2.1")
      report.violations.push(`after the quiet hours ${id} is still at ${end.instances} x ${end.shape}`);
    for (const metric of ["CpuUtilization", "MemoryUtilization"]) {
      if (lowAlarms(emulator, id, metric).length > 0)
        report.violations.push(`at its floor ${id} still has a ${metric} scale-down alarm`);
    }
  }
  report.faultsInjected = emulator.faults.injected.length;
  report.updates = emulator.requests.filter((r) => r.method === "PUT" && r.status === 202).length;
  report.decisionsLogged = fn.logs.filter((l) => l.event === "decision").length;
  if (report.decisionsLogged !== report.decisionsAnswered)
    report.violations.push(`${report.decisionsAnswered} decisions answered but ${report.decisionsLogged} logged`);
  await oci.close();
  return report;
}

/** Above its floor, a deployment has exactly one scale-down alarm per metric it was scaled on. */
function checkWayDown(emulator: Emulator, ids: string[], report: SoakReport, when: string): void {
  for (const id of ids) {
    const now = view(emulator, id);
    const cpuAlarms = lowAlarms(emulator, id, "CpuUtilization").length;
    const memAlarms = lowAlarms(emulator, id, "MemoryUtilization").length;
    if (now.instances > 1 && cpuAlarms !== 1)
      report.violations.push(`${when}: ${id} at ${now.instances} instances has ${cpuAlarms} low-CPU alarms`);
    if (now.shape !== "VM.Standard2.1" && memAlarms !== 1)
      report.violations.push(`${when}: ${id} on ${now.shape} has ${memAlarms} low-memory alarms`);
  }
}

/** Delivers as Notifications does: again after a failure (up to 2 h of retries in life), sometimes twice at once. */
async function deliver(fn: InProcessFunction, message: object, duplicate: boolean, report: SoakReport): Promise<void> {
  report.deliveries++;
  const once = async () => {
    for (let attempt = 1; attempt <= 10; attempt++) {
      try {
        const response = await fn.send(message);
        report.decisionsAnswered += response.results.length;
        return;
      } catch {
        report.redeliveries++;
      }
    }
    report.violations.push(`a delivery still failed after 10 attempts: ${JSON.stringify(message).slice(0, 120)}`);
  };
  if (duplicate) report.duplicates++;
  await Promise.all(duplicate ? [once(), once()] : [once()]);
}
