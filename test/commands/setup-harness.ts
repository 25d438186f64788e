import { afterAll, beforeAll, beforeEach } from "vitest";
import { type ExitCode, exitCodeOf } from "../../commands/cli/exit-codes";
import { doctorMain } from "../../commands/doctor/main";
import { setupMain } from "../../commands/setup/main";
import { type Emulator, startEmulator } from "../../emulator";
import { createTestAuth, type TestAuth } from "../../emulator/oci-test-auth";
import { type InProcessFunction, inProcessFunction } from "../../local-function/in-process";

export interface SetupHarness {
  auth: TestAuth;
  emulator: Emulator;
  /** A deployment seeded in the harness's compartment. */
  deploymentId: string;
  /** Runs `npm run setup` with the test's OCI config against the emulator; `env` adds to the endpoints. */
  setup(args: string[], env?: Record<string, string>): Promise<{ code: ExitCode; out: string }>;
  /** Runs `npm run doctor` the same way. */
  doctor(args: string[]): Promise<{ code: ExitCode; out: string }>;
  /** The function, in process on the same emulator with this configuration: to send it what setup's alarms send. */
  functionWith(config: Record<string, string>): InProcessFunction;
}

/** An emulator, a key and one deployment for the file; every test starts with no alarms and no faults. */
export function useSetupEmulator(compartmentId: string): SetupHarness {
  const harness = {} as SetupHarness;
  beforeAll(async () => {
    harness.auth = createTestAuth();
    harness.emulator = await startEmulator({ publicKeyPem: harness.auth.publicKeyPem });
    harness.deploymentId = harness.emulator.seedDeployment({ compartmentId }).id;
  });
  afterAll(async () => {
    await harness.emulator.close();
    harness.auth.cleanup();
  });
  beforeEach(() => {
    const { emulator } = harness;
    for (const alarm of emulator.alarms()) emulator.seedAlarm({ ...alarm, lifecycleState: "DELETED" });
    emulator.faults.clear();
    emulator.clearRequests();
  });
  const endpoints = () => {
    const url = harness.emulator.url;
    return {
      OCI_DATASCIENCE_ENDPOINT: url,
      OCI_MONITORING_ENDPOINT: url,
      OCI_NOTIFICATIONS_ENDPOINT: url,
      OCI_FUNCTIONS_ENDPOINT: url,
      OCI_IDENTITY_ENDPOINT: url,
      OCI_RESOURCE_SCHEDULER_ENDPOINT: url,
    };
  };
  const run = async (main: typeof setupMain, args: string[], env: Record<string, string>) => {
    const lines: string[] = [];
    const print = (line: string) => lines.push(line);
    const code = await exitCodeOf(() => main(["--config-file", harness.auth.configFile, ...args], env, print), print);
    return { code, out: lines.join("\n") };
  };
  harness.setup = (args, env = {}) => run(setupMain, args, { ...endpoints(), ...env });
  harness.doctor = (args) => run(doctorMain, args, endpoints());
  harness.functionWith = (config) => {
    const { emulator, auth } = harness;
    const endpoints = { OCI_DATASCIENCE_ENDPOINT: emulator.url, OCI_MONITORING_ENDPOINT: emulator.url };
    const oci = { emulator, auth, functionEnv: { ...auth.env, ...endpoints }, close: async () => {} };
    return inProcessFunction(oci, config);
  };
  return harness;
}
