/** The demo's timeline as text: one line per decision, in simulated time. */
import type { TimelineEntry } from "./play-day";
import { clock } from "./sample-day";

const ALARM_LABELS: Record<string, string> = {
  model_deployment_high_cpu: "high CPU",
  model_deployment_low_cpu: "low CPU",
  model_deployment_high_mem: "high memory",
  model_deployment_low_mem: "low memory",
};

const COLUMNS = [7, 31, 17, 39, 24] as const;

function row(cells: string[]): string {
  return cells
    .map((cell, i) => (i < COLUMNS.length ? cell.padEnd(COLUMNS[i] ?? 0) : cell))
    .join("")
    .trimEnd();
}

export const TIMELINE_HEADER = row(["time", "alarm", "deployment", "decision", "after", "scale-down alarm"]);

function decisionText(e: TimelineEntry): string {
  if (!e.outcome) return e.decision;
  return e.outcome === "updated" ? `${e.decision} (${e.reasonCode})` : `${e.decision} ${e.outcome} (${e.reasonCode})`;
}

export function timelineLine(e: TimelineEntry): string {
  const value = e.value === undefined ? "" : ` ${Math.round(e.value)}%`;
  const alarm = `${ALARM_LABELS[e.title] ?? e.title} ${e.type}${value}`;
  const lowAlarm = e.scaleDownAlarm === "created" || e.scaleDownAlarm === "deleted" ? e.scaleDownAlarm : "";
  return row([clock(e.minute), alarm, e.deployment, decisionText(e), `${e.instances} × ${e.shape}`, lowAlarm]);
}
