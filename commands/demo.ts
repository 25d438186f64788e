/**
 * npm run demo: two days of load on a sample model deployment, played through the simulator in a few seconds:
 * the real function (its default configuration, the forecast schedule setup creates included) beside OCI's
 * built-in autoscaling, the 2022 sample and the ideal. Prints the function's decisions, the forecast tick that
 * had the second morning ready, the figures, and writes an SVG chart.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { ExitCode, runCli } from "./cli/exit-codes";
import { playDay } from "./demo/play-day";
import { READY_MARK, secondMorning, secondMorningLines } from "./demo/second-morning";
import { forecastSummary, TIMELINE_HEADER, timelineLines } from "./demo/timeline";
import { DEFAULT_ASSUMPTIONS } from "./simulate/assumptions";
import { simulationSvg } from "./simulate/svg";
import { figuresTable } from "./simulate/table";

const CHART = resolve(__dirname, "..", "out", "demo-day.svg");

runCli(async () => {
  const started = performance.now();
  const { updateMinutes } = DEFAULT_ASSUMPTIONS;
  console.log("Two simulated days of one model deployment (VM.Standard2.1, 1 instance at 06:00 on Monday), the same");
  console.log(
    "day twice: a morning surge, a fall at lunch, an afternoon batch job's memory, evening traffic. The real",
  );
  console.log(
    "function (src/handler.ts, real SDK clients, the local OCI emulator) runs with its default configuration,",
  );
  console.log(
    `cooldowns included, on the simulator's clock; every update keeps the deployment UPDATING for ${updateMinutes} minutes`,
  );
  console.log("before the new capacity serves. Monitoring evaluates setup's scale-up alarms and the scale-down alarms");
  console.log("the function creates every simulated minute; setup's forecast schedule sends its body every hour, and");
  console.log("the function reads the deployment's own history in Monitoring. The function's decisions:\n");
  const day = await playDay();
  const { simulation } = day;
  const morning = secondMorning(day.timeline, simulation);
  const mark = (d: (typeof day.timeline)[number]) => (d === morning.readyTick ? READY_MARK : undefined);
  console.log([TIMELINE_HEADER, ...timelineLines(day.timeline, updateMinutes, mark)].join("\n"));
  console.log(`\n${forecastSummary(day.timeline, simulation.runs[0]?.notes ?? {})}`);
  console.log(secondMorningLines(morning, updateMinutes).join("\n"));
  console.log("\nThe same days for every policy (npm run simulate's figures; docs/simulate.md):\n");
  console.log(figuresTable(simulation.runs.map((r) => r.figures)));
  mkdirSync(resolve(CHART, ".."), { recursive: true });
  writeFileSync(CHART, simulationSvg(simulation, "npm run demo: two sample days, demand and each policy's instances"));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const notified = day.timeline.filter((d) => d.result.notification === "sent").length;
  console.log(`\n${day.timeline.length} decisions by the function; ${seconds} s.`);
  console.log(
    `${notified} change notifications published to the local topic NOTIFY_TOPIC_ID (each change, and each limit a person must act on).`,
  );
  console.log(`Chart: ${CHART}`);
  return ExitCode.Ok;
});
