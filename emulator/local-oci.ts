import { type Emulator, type EmulatorOptions, startEmulator } from "./";
import { createTestAuth, type TestAuth } from "./oci-test-auth";

export interface LocalOci {
  emulator: Emulator;
  auth: TestAuth;
  /** What the function needs to reach the emulator: resource principal variables and endpoint overrides. */
  functionEnv: Record<string, string>;
  close(): Promise<void>;
}

/** A local OCI: a fresh key and resource principal token, and an emulator that checks signatures against it. */
export async function startLocalOci(options: Omit<EmulatorOptions, "publicKeyPem"> = {}): Promise<LocalOci> {
  const auth = createTestAuth();
  const emulator = await startEmulator({ ...options, publicKeyPem: auth.publicKeyPem });
  return {
    emulator,
    auth,
    functionEnv: {
      ...auth.env,
      OCI_DATASCIENCE_ENDPOINT: emulator.url,
      OCI_MONITORING_ENDPOINT: emulator.url,
      OCI_NOTIFICATIONS_ENDPOINT: emulator.url,
      // Read by the scheduled forecast (issue 20) once the function checks schedules; unused until then.
      OCI_RESOURCE_SCHEDULER_ENDPOINT: emulator.url,
    },
    close: async () => {
      await emulator.close();
      auth.cleanup();
    },
  };
}
