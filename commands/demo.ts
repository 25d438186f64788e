/**
 * npm run demo: a day of load on a sample model deployment, played through the simulator in a few seconds:
 * the real function (its default configuration) beside OCI's built-in autoscaling, the 2022 sample and the
 * ideal. Prints the function's decisions and the figures, and writes an SVG chart.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { ExitCode, runCli } from "./cli/exit-codes";
import { playDay } from "./demo/play-day";
import { TIMELINE_HEADER, timelineLines } from "./demo/timeline";
import { DEFAULT_ASSUMPTIONS } from "./simulate/assumptions";
import { simulationSvg } from "./simulate/svg";
import { figuresTable } from "./simulate/table";

const CHART = resolve(__dirname, "..", "out", "demo-day.svg");

runCli(async () => {
  const started = performance.now();
  const { updateMinutes } = DEFAULT_ASSUMPTIONS;
  console.log("A simulated day of one model deployment (VM.Standard2.1, 1 instance at 06:00): a morning surge,");
  console.log("a fall at lunch, an afternoon batch job's memory, evening traffic. The real function (src/handler.ts,");
  console.log("real SDK clients, the local OCI emulator) runs with its default configuration, cooldowns included,");
  console.log(
    `on the simulator's clock; every update keeps the deployment UPDATING for ${updateMinutes} minutes before the`,
  );
  console.log("new capacity serves. Monitoring evaluates setup's scale-up alarms and the scale-down alarms the");
  console.log("function creates every simulated minute. The function's decisions:\n");
  const day = await playDay();
  const { simulation } = day;
  console.log([TIMELINE_HEADER, ...timelineLines(day.timeline, updateMinutes)].join("\n"));
  console.log("\nThe same day for every policy (npm run simulate's figures; docs/simulate.md):\n");
  console.log(figuresTable(simulation.runs.map((r) => r.figures)));
  mkdirSync(resolve(CHART, ".."), { recursive: true });
  writeFileSync(CHART, simulationSvg(simulation, "npm run demo: a sample day, demand and each policy's instances"));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const notified = day.timeline.filter((d) => d.result.notification === "sent").length;
  console.log(`\n${day.timeline.length} decisions by the function; ${seconds} s.`);
  console.log(
    `${notified} change notifications published to the local topic NOTIFY_TOPIC_ID (each change, and each limit a person must act on).`,
  );
  console.log(`Chart: ${CHART}`);
  return ExitCode.Ok;
});
