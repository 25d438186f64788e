import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigSchema, loadConfig } from "../../src/config";

const FUNC_YAML = readFileSync(resolve(__dirname, "../../func.yaml"), "utf8");

function configBlock(): Record<string, string> {
  const block = FUNC_YAML.split(/^config:\s*$/m)[1] ?? "";
  return Object.fromEntries(
    [...block.matchAll(/^ {2}(\w+):\s*"?([^"\n]*)"?\s*$/gm)].map((m) => [m[1] as string, m[2] as string]),
  );
}

/** Keys a deployed function gets from the platform or needs only outside OCI, so func.yaml leaves them out. */
const PLATFORM_KEYS = [
  "SHAPE_LADDERS",
  "OCI_DATASCIENCE_ENDPOINT",
  "OCI_MONITORING_ENDPOINT",
  "OCI_CONFIG_FILE",
  "OCI_CONFIG_PROFILE",
  "OCI_RESOURCE_PRINCIPAL_VERSION",
];

describe("func.yaml", () => {
  it("declares the Fn schema, a docker runtime, memory and timeout", () => {
    expect(FUNC_YAML).toMatch(/^schema_version: 20180708$/m);
    expect(FUNC_YAML).toMatch(/^runtime: docker$/m);
    expect(FUNC_YAML).toMatch(/^memory: \d+$/m);
    expect(FUNC_YAML).toMatch(/^timeout: \d+$/m);
  });

  it("lists every configuration key with the default the code uses", () => {
    const declared = configBlock();
    const expectedKeys = Object.keys(ConfigSchema.shape).filter((k) => !PLATFORM_KEYS.includes(k));
    expect(Object.keys(declared).sort()).toEqual(expectedKeys.sort());
    expect(loadConfig(declared)).toEqual(loadConfig({}));
  });
});
