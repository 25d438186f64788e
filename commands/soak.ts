/**
 * npm run soak -- [--deployments 6] [--hours 10] [--quiet-hours 3] [--fault-rate 0.15] [--duplicate-rate 0.1] [--seed 7]
 *
 * Plays simulated hours of Monitoring alarms against the real handler and the local OCI emulator (faults on),
 * then prints the figures and every invariant that did not hold. Exit code 1 when any did not.
 */
import { parseArgs } from "node:util";
import { runSoak } from "./soak/soak-run";

const { values } = parseArgs({
  options: {
    deployments: { type: "string", default: "6" },
    hours: { type: "string", default: "10" },
    "quiet-hours": { type: "string", default: "3" },
    "fault-rate": { type: "string", default: "0.15" },
    "duplicate-rate": { type: "string", default: "0.1" },
    seed: { type: "string", default: "7" },
  },
});
console.warn = () => undefined; // the SDK warns on every retried request
const started = Date.now();
runSoak({
  deployments: Number(values.deployments),
  busyMinutes: Number(values.hours) * 60,
  quietMinutes: Number(values["quiet-hours"]) * 60,
  faultRate: Number(values["fault-rate"]),
  duplicateRate: Number(values["duplicate-rate"]),
  seed: Number(values.seed),
}).then((report) => {
  const { violations, ...figures } = report;
  for (const [name, value] of Object.entries(figures))
    console.log(`${name.padEnd(18)} ${typeof value === "object" ? JSON.stringify(value) : value}`);
  console.log(`${"wall time".padEnd(18)} ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(violations.length === 0 ? "invariants: all held" : `invariants violated:\n  ${violations.join("\n  ")}`);
  process.exit(violations.length === 0 ? 0 : 1);
});
