/**
 * `npm run invoke -- --oci`: the function signs its requests with the user's OCI config file (as it does
 * anywhere outside OCI Functions), so it acts on the real deployment the message names. In Cloud Shell the
 * config Cloud Shell provides is used (OCI_CLI_CONFIG_FILE, delegation token).
 */
import { chooseOciConfig, loadOciConfig, type OciConfigChoice } from "../cli/oci-config";

type Env = Record<string, string | undefined>;

/** Passed through when set: endpoint overrides (used by the tests) and the SDK's own region fallback. */
const PASSED_THROUGH = ["OCI_DATASCIENCE_ENDPOINT", "OCI_MONITORING_ENDPOINT", "OCI_REGION", "OCI_DEFAULT_REALM"];

export function realOciEnv(
  flags: { configFile?: string; profile?: string },
  env: Env,
): { choice: OciConfigChoice; functionEnv: Record<string, string> } {
  const choice = chooseOciConfig(flags, env);
  loadOciConfig(choice); // fails here, in one sentence, rather than inside the function
  const functionEnv: Record<string, string> = {
    OCI_CONFIG_FILE: choice.configFile,
    OCI_CONFIG_PROFILE: choice.profile,
    // key_file = ~/... in the config is expanded against HOME
    ...(env.HOME ? { HOME: env.HOME } : {}),
  };
  for (const key of PASSED_THROUGH) {
    const value = env[key];
    if (value) functionEnv[key] = value;
  }
  return { choice, functionEnv };
}
