/**
 * The demo's timeline as text: one line per decision of the function, in simulated time. Repeats the
 * function refused one after another (UPDATING, cooling down) share one line, so the changes stand out;
 * forecast ticks that changed nothing are left to one summary line (forecastSummary), not one line an hour.
 */
import { FORECAST_TICK, type ThisDecision } from "../simulate/policies/this";
import { dayClock } from "./sample-day";

const ALARM_LABELS: Record<string, string> = {
  model_deployment_high_cpu: "high CPU",
  model_deployment_low_cpu: "low CPU",
  model_deployment_high_mem: "high memory",
  model_deployment_low_mem: "low memory",
};

const COLUMNS = [11, 34, 60] as const;

/** Cells padded to their column, with at least one space after a cell that fills it. */
function row(cells: string[]): string {
  return cells
    .map((cell, i) => (i < COLUMNS.length ? `${cell.padEnd((COLUMNS[i] ?? 1) - 1)} ` : cell))
    .join("")
    .trimEnd();
}

export const TIMELINE_HEADER = row(["time", "alarm", "decision", "reason"]);

const at = dayClock;
const isTick = (d: ThisDecision) => d.type === FORECAST_TICK;
const alarmLabel = (d: ThisDecision) => (isTick(d) ? "forecast tick" : (ALARM_LABELS[d.title] ?? d.title));
/** What the alarm column says: the alarm, its transition and the value it evaluated; a tick alone. */
const alarmCell = (d: ThisDecision) =>
  d.type === FORECAST_TICK ? alarmLabel(d) : `${alarmLabel(d)} ${d.type} ${Math.round(d.value)}%`;

/** A change the function made: `updateMinutes` later the new capacity serves (the simulator's assumption). */
function changeLine(d: ThisDecision, updateMinutes: number, mark = ""): string {
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
  return row([at(d.minute), alarmCell(d), decision, `${result.reasonCode}${lowAlarm}${notified}${mark}`]);
}

/** Refusals in a row for the same alarm and action: one line with how many, until when, and why. */
function skippedLine(run: ThisDecision[]): string {
  const first = run[0] as ThisDecision;
  const last = run[run.length - 1] as ThisDecision;
  const types = [...new Set(run.map((d) => d.type))].join("/");
  const alarm = run.length > 1 ? `${alarmLabel(first)} ${types} ×${run.length}` : alarmCell(first);
  const until = run.length > 1 ? `, to ${at(last.minute)}` : "";
  const reasons = [...new Set(run.map((d) => d.result.reasonCode))].join(", ");
  return row([at(first.minute), alarm, `${first.result.action} skipped${until}`, reasons]);
}

const isSkip = (d: ThisDecision) => d.result.outcome === "skipped";

/** `mark`: words appended to a change's line (the demo's tick that was ready before the surge). */
export function timelineLines(
  decisions: ThisDecision[],
  updateMinutes: number,
  mark: (d: ThisDecision) => string | undefined = () => undefined,
): string[] {
  const lines: string[] = [];
  let run: ThisDecision[] = [];
  const flush = () => {
    if (run.length) lines.push(skippedLine(run));
    run = [];
  };
  for (const d of decisions) {
    if (isTick(d) && isSkip(d)) continue;
    const prev = run[0];
    if (prev && !(isSkip(d) && d.title === prev.title && d.result.action === prev.result.action)) flush();
    if (isSkip(d)) run.push(d);
    else lines.push(changeLine(d, updateMinutes, mark(d)));
  }
  flush();
  return lines;
}

/** One line for the forecast ticks: how many were sent, how many scaled out, and why the others did not. */
export function forecastSummary(decisions: ThisDecision[], notes: Record<string, number>): string {
  const ticks = decisions.filter(isTick);
  const changed = ticks.filter((d) => d.result.outcome === "updated").length;
  const reasons = new Map<string, number>();
  for (const d of ticks.filter((t) => t.result.outcome !== "updated"))
    reasons.set(d.result.reasonCode, (reasons.get(d.result.reasonCode) ?? 0) + 1);
  const rejected = notes.forecastTicksRejected ?? 0;
  const others = [
    ...[...reasons].map(([reason, n]) => `${reason} ×${n}`),
    ...(rejected ? [`rejected ×${rejected}`] : []),
  ];
  const why = others.length ? `; the others changed nothing: ${others.join(", ")}` : "";
  return `${notes.forecastTicks ?? 0} forecast ticks (hourly): ${changed} scaled out${why}.`;
}
