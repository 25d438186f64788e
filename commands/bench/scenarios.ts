import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Emulator, SeedDeployment } from "../../emulator";
import { seedFromAlarmMessage } from "../../emulator/seed-from-alarm";

/** The deployment OCID every fixture names; each scenario swaps in a fresh one. */
const FIXTURE_DEPLOYMENT = "ocid1.datasciencemodeldeployment.oc1.iad.amaaaaaaexamplemodeldeployment0001";

export interface Scenario {
  /** Row label in the table. */
  name: string;
  fixture: string;
  seed: Omit<SeedDeployment, "id">;
  /** Rewrites the fixture before it is sent, e.g. into a REPEAT. */
  transform?: (message: string) => string;
  /** Brings about the state to test after seeding, e.g. a scale-down alarm that already exists. */
  prepare?: (emulator: Emulator, deploymentId: string, message: string) => void;
  /** What the answer must say for the measurement to count: the message's status, or its first result. */
  expect: { status: string } | { outcome: string; reasonCode: string; scaleDownAlarm?: string };
}

let counter = 0;

/** A deployment OCID nobody has used yet, so every call makes its own decision. */
export function freshDeploymentId(): string {
  counter += 1;
  return `ocid1.datasciencemodeldeployment.oc1.iad.amaaaaaabench${process.pid}n${counter}`;
}

/** Fresh alarm OCIDs too: a scale-down alarm deleted by one run must not be the firing alarm of the next. */
function withFreshAlarmIds(message: string): string {
  return message.replace(/ocid1\.alarm\.oc1\.iad\.[a-z0-9]+/g, (id) => `${id}b${counter}`);
}

function readFixture(name: string): string {
  return readFileSync(resolve(__dirname, "../../fixtures", name), "utf8");
}

/** Seeds the emulator for one scenario on a fresh deployment and returns the alarm message to send. */
export function prepareScenario(emulator: Emulator, scenario: Scenario): { deploymentId: string; message: string } {
  const deploymentId = freshDeploymentId();
  const fixture = readFixture(scenario.fixture).replaceAll(FIXTURE_DEPLOYMENT, deploymentId);
  const message = withFreshAlarmIds(scenario.transform ? scenario.transform(fixture) : fixture);
  seedFromAlarmMessage(emulator, message, { deployment: scenario.seed });
  scenario.prepare?.(emulator, deploymentId, message);
  return { deploymentId, message };
}

/** Throws unless the function answered the decision the scenario is about: a wrong answer is no measurement. */
export function checkAnswer(scenario: Scenario, status: number, body: unknown): void {
  const answer = body as { status?: string; results?: Record<string, unknown>[] } | undefined;
  const result = answer?.results?.[0];
  const wanted = scenario.expect;
  const ok =
    status === 200 &&
    ("status" in wanted
      ? answer?.status === wanted.status
      : result?.outcome === wanted.outcome &&
        result?.reasonCode === wanted.reasonCode &&
        (wanted.scaleDownAlarm === undefined || result?.scaleDownAlarm === wanted.scaleDownAlarm));
  if (!ok) throw new Error(`${scenario.name}: unexpected answer ${status} ${JSON.stringify(body)}`);
}

const CPU_UP = "test-alarm-scale-cpu-up.json";

/** The decision every cold start and warm call makes: one more instance, with its scale-down alarm created. */
export const INSTANCE_UP: Scenario = {
  name: "instance-up (1 -> 2, low-CPU alarm created)",
  fixture: CPU_UP,
  seed: { instanceCount: 1 },
  expect: { outcome: "updated", reasonCode: "ScaledUp", scaleDownAlarm: "created" },
};

/** Half of all alarm messages: an alarm going back to OK. Nothing is sent to OCI. */
export const IGNORED: Scenario = {
  name: "ignored message (FIRING_TO_OK)",
  fixture: "alarm-firing-to-ok.json",
  seed: {},
  expect: { status: "ignored" },
};
