/**
 * Which OCI config file and profile a command uses, and a check that they can sign requests, so a missing
 * file or an unknown profile is reported in one sentence before anything is sent.
 *
 * Cloud Shell exports OCI_CLI_CONFIG_FILE (/etc/oci/config) and OCI_CLI_PROFILE; that config names a
 * `delegation_token_file` and `authentication_type=instance_principal`, which oci-common's
 * ConfigFileAuthenticationDetailsProvider turns into instance-principal signing with the delegation token.
 */
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { resolve } from "node:path";
import * as common from "oci-common";
import { CliError, ExitCode } from "./exit-codes";

export interface OciConfigChoice {
  /** Absolute path. */
  configFile: string;
  profile: string;
  /** Where the path came from, for messages: "--config-file", "OCI_CLI_CONFIG_FILE (Cloud Shell)", ... */
  source: string;
}

type Env = Record<string, string | undefined>;

export function expandHome(path: string): string {
  return path === "~" || path.startsWith("~/") ? `${homedir()}${path.slice(1)}` : path;
}

export function chooseOciConfig(flags: { configFile?: string; profile?: string }, env: Env): OciConfigChoice {
  const [path, source] = flags.configFile
    ? [flags.configFile, "--config-file"]
    : env.OCI_CONFIG_FILE
      ? [env.OCI_CONFIG_FILE, "OCI_CONFIG_FILE"]
      : env.OCI_CLI_CONFIG_FILE
        ? [env.OCI_CLI_CONFIG_FILE, "OCI_CLI_CONFIG_FILE (Cloud Shell sets it)"]
        : ["~/.oci/config", "the default location"];
  const profile = flags.profile ?? env.OCI_CONFIG_PROFILE ?? env.OCI_CLI_PROFILE ?? "DEFAULT";
  return { configFile: resolve(expandHome(path)), profile, source };
}

export function profilesIn(text: string): string[] {
  return [...text.matchAll(/^\s*\[([^\]]+)\]\s*$/gm)].map((m) => (m[1] ?? "").trim());
}

/** The SDK's sign-in details for the choice, or a CliError (exit 3) that says what to fix. */
export function loadOciConfig(choice: OciConfigChoice): common.ConfigFileAuthenticationDetailsProvider {
  const { configFile, profile, source } = choice;
  if (!existsSync(configFile)) {
    throw new CliError(
      ExitCode.OciAuth,
      `no OCI config file at ${configFile} (from ${source}). Create one with \`oci setup config\`, or pass --config-file.`,
    );
  }
  const profiles = profilesIn(readFileSync(configFile, "utf8"));
  if (!profiles.includes(profile)) {
    throw new CliError(
      ExitCode.OciAuth,
      `profile [${profile}] is not in ${configFile}; it has ${profiles.length ? profiles.map((p) => `[${p}]`).join(", ") : "no profiles"}. Pass --profile.`,
    );
  }
  try {
    return new common.ConfigFileAuthenticationDetailsProvider(configFile, profile);
  } catch (error) {
    const text = String(error instanceof Error ? error.message : error).split(". ")[0];
    throw new CliError(ExitCode.OciAuth, `profile [${profile}] in ${configFile} cannot sign requests: ${text}.`, {
      cause: error,
    });
  }
}
