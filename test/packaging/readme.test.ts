import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../src/policy/config";
import { Reason } from "../../src/results/reasons";

const README = readFileSync(resolve(__dirname, "../../README.md"), "utf8");
const tableRows = README.split("\n").filter((line) => line.startsWith("| `"));

describe("README", () => {
  it.each(Object.values(Reason))("explains the reason code %s in a table row", (code) => {
    expect(tableRows.some((row) => row.split("|")[1]?.includes(`\`${code}\``))).toBe(true);
  });

  it.each(Object.keys(ConfigSchema.shape))("documents the configuration key %s", (key) => {
    expect(tableRows.some((row) => row.split("|")[1]?.includes(`\`${key}\``))).toBe(true);
  });

  it("shows the two front-door commands and the test command", () => {
    expect(README).toContain("npm ci");
    expect(README).toContain("npm run demo");
    expect(README).toContain("npm test");
  });
});
