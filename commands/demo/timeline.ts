/**
 * The demo's timeline as text: one line per decision of the function, in simulated time. Repeats the
 * function refused one after another (UPDATING, cooling down) share one line, so the changes stand out.
 */
import type { ThisDecision } from "../simulate/policies/this";
import { clock, DAY_START } from "./sample-day";

const ALARM_LABELS: Record<string, string> = {
  model_deployment_high_cpu: "high CPU",
  model_deployment_low_cpu: "low CPU",
  model_deployment_high_mem: "high memory",
  model_deployment_low_mem: "low memory",
};

const COLUMNS = [7, 32, 58] as const;

/** Cells padded to their column, with at least one space after a cell that fills it. */
function row(cells: string[]): string {
  return cells
    .map((cell, i) => (i < COLUMNS.length ? `${cell.padEnd((COLUMNS[i] ?? 1) - 1)} ` : cell))
    .join("")
    .trimEnd();
}

export const TIMELINE_HEADER = row(["time", "alarm", "decision", "reason"]);

const at = (minute: number) => clock(DAY_START + minute);
const alarmLabel = (d: ThisDecision) => ALARM_LABELS[d.title] ?? d.title;

/** A change the function made: `updateMinutes` later the new capacity serves (the simulator's assumption). */
function changeLine(d: ThisDecision, updateMinutes: number): string {
  const { result } = d;
  const change = result.from !== undefined && result.to !== undefined ? ` ${result.from} → ${result.to}` : "";
  const decision =
    result.outcome === "updated"
      ? `${result.action}${change}, serving ${at(d.minute + updateMinutes)}`
      : `${result.action} ${result.outcome}`;
  const lowAlarm = ["created", "updated", "deleted"].includes(result.scaleDownAlarm)
    ? `; scale-down alarm ${result.scaleDownAlarm}`
    : "";
  const notified = result.notification === "sent" ? "; notified" : "";
  const alarm = `${alarmLabel(d)} ${d.type} ${Math.round(d.value)}%`;
  return row([at(d.minute), alarm, decision, `${result.reasonCode}${lowAlarm}${notified}`]);
}

/** Refusals in a row for the same alarm and action: one line with how many, until when, and why. */
function skippedLine(run: ThisDecision[]): string {
  const first = run[0] as ThisDecision;
  const last = run[run.length - 1] as ThisDecision;
  const types = [...new Set(run.map((d) => d.type))].join("/");
  const alarm = `${alarmLabel(first)} ${types} ${run.length > 1 ? `×${run.length}` : `${Math.round(first.value)}%`}`;
  const until = run.length > 1 ? `, to ${at(last.minute)}` : "";
  const reasons = [...new Set(run.map((d) => d.result.reasonCode))].join(", ");
  return row([at(first.minute), alarm, `${first.result.action} skipped${until}`, reasons]);
}

const isSkip = (d: ThisDecision) => d.result.outcome === "skipped";

export function timelineLines(decisions: ThisDecision[], updateMinutes: number): string[] {
  const lines: string[] = [];
  let run: ThisDecision[] = [];
  const flush = () => {
    if (run.length) lines.push(skippedLine(run));
    run = [];
  };
  for (const d of decisions) {
    const prev = run[0];
    if (prev && !(isSkip(d) && d.title === prev.title && d.result.action === prev.result.action)) flush();
    if (isSkip(d)) run.push(d);
    else lines.push(changeLine(d, updateMinutes));
  }
  flush();
  return lines;
}
