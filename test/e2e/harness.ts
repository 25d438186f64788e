import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { EmulatorOptions } from "../../emulator";
import { type LocalOci, startLocalOci } from "../../emulator/local-oci";
import { type SeedOptions, seedFromAlarmMessage } from "../../emulator/seed-from-alarm";
import { type FnProcess, startFunction } from "../../local-function/fn-runner";

export interface Harness extends LocalOci {
  fn: FnProcess;
  /** Seeds what the fixture names, then sends it through the FDK socket. */
  send(fixture: string, seed?: SeedOptions): ReturnType<FnProcess["call"]>;
  stop(): Promise<void>;
}

export function readFixture(name: string): string {
  return readFileSync(resolve(__dirname, "../../fixtures", name), "utf8");
}

/** The bundle started as Fn starts it, pointed at a fresh emulator. */
export async function startHarness(
  config: Record<string, string> = {},
  emulatorOptions: Omit<EmulatorOptions, "publicKeyPem"> = {},
): Promise<Harness> {
  const oci = await startLocalOci(emulatorOptions);
  const fn = await startFunction({ env: { ...oci.functionEnv, ...config } });
  return {
    ...oci,
    fn,
    send: (fixture, seed) => {
      const text = readFixture(fixture);
      seedFromAlarmMessage(oci.emulator, text, seed);
      return fn.call(text);
    },
    stop: async () => {
      await fn.stop();
      await oci.close();
    },
  };
}
