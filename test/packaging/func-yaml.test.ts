import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/policy/config";

const FUNC_YAML = readFileSync(resolve(__dirname, "../../func.yaml"), "utf8");

describe("func.yaml", () => {
  it("declares the Fn schema, a docker runtime, memory and timeout", () => {
    expect(FUNC_YAML).toMatch(/^schema_version: 20180708$/m);
    expect(FUNC_YAML).toMatch(/^runtime: docker$/m);
    expect(FUNC_YAML).toMatch(/^memory: \d+$/m);
    expect(FUNC_YAML).toMatch(/^timeout: \d+$/m);
  });

  it("has no config block: fn deploy would write it as function configuration over the application's", () => {
    // Function configuration overrides application configuration, and `fn deploy` rewrites it every time.
    expect(FUNC_YAML).not.toMatch(/^config:/m);
  });

  it("leaves every default to the code", () => {
    expect(() => loadConfig({})).not.toThrow();
  });
});
