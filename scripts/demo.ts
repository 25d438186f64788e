/**
 * npm run demo: a day of load on two sample model deployments, played through the real function on the
 * local OCI emulator in a few seconds. Prints the timeline and writes an SVG chart.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { ExitCode, runCli } from "./cli/exit-codes";
import { dayChart } from "./demo/day-chart";
import { DEMO_FUNCTION_CONFIG, playDay } from "./demo/play-day";
import { TIMELINE_HEADER, timelineLine } from "./demo/timeline";
import { ensureBundle } from "./ensure-bundle";

const CHART = resolve(__dirname, "..", "out", "demo-day.svg");

runCli(async () => {
  const started = performance.now();
  const entry = ensureBundle();
  console.log("A simulated day: two model deployments, the compartment-wide high CPU and high memory alarms");
  console.log("`npm run setup -- --compartment` creates, and the real function (dist/func.js, FDK socket) on the");
  console.log("local OCI emulator. Monitoring is simulated: every alarm that exists, including the low alarms the");
  console.log("function creates, is evaluated every 5 simulated minutes against the day's load.");
  console.log(
    `Function configuration: ${Object.entries(DEMO_FUNCTION_CONFIG)
      .map(([k, v]) => `${k}=${v}`)
      .join(" ")}`,
  );
  console.log("(cooldowns are off because the function measures them in real time and the day lasts seconds)\n");
  console.log(TIMELINE_HEADER);
  const day = await playDay({ entry, onEntry: (e) => console.log(timelineLine(e)) });
  mkdirSync(resolve(CHART, ".."), { recursive: true });
  writeFileSync(CHART, dayChart(day.series));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`\n${day.calls} alarm messages sent to the function; ${day.timeline.length} decisions; ${seconds} s.`);
  console.log(`Chart: ${CHART}`);
  return ExitCode.Ok;
});
