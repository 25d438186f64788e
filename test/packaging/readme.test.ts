import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../src/policy/config";
import { Reason } from "../../src/results/reasons";

const ROOT = resolve(__dirname, "../..");
const read = (path: string) => readFileSync(resolve(ROOT, path), "utf8");

/** Whether `name` (in backticks) is in the first cell of a table row of `markdown`. */
function inFirstColumn(markdown: string, name: string): boolean {
  return markdown
    .split("\n")
    .filter((line) => line.startsWith("| `"))
    .some((row) => row.split("|")[1]?.includes(`\`${name}\``));
}

const RESPONSE = read("docs/response.md");
const CONFIGURATION = read("docs/configuration.md");

describe("docs/response.md", () => {
  it.each(Object.values(Reason))("explains the reason code %s in a table row", (code) => {
    expect(inFirstColumn(RESPONSE, code)).toBe(true);
  });
});

describe("docs/configuration.md", () => {
  it.each(Object.keys(ConfigSchema.shape))("documents the configuration key %s in a table row", (key) => {
    expect(inFirstColumn(CONFIGURATION, key)).toBe(true);
  });
});

describe("the documentation check", () => {
  it("fails on a name no table lists, and on a name found only in prose", () => {
    expect(inFirstColumn(RESPONSE, "NoSuchReason")).toBe(false);
    expect(inFirstColumn(CONFIGURATION, "NO_SUCH_KEY")).toBe(false);
    // DRY_RUN is in the table's first column; `--dry-run` only in prose and code.
    expect(inFirstColumn(CONFIGURATION, "DRY_RUN")).toBe(true);
    expect(inFirstColumn("`DRY_RUN` in a sentence\n| x | `DRY_RUN` |", "DRY_RUN")).toBe(false);
  });
});

describe("README", () => {
  it("shows the two front-door commands and the test command", () => {
    const readme = read("README.md");
    expect(readme).toContain("npm ci");
    expect(readme).toContain("npm run demo");
    expect(readme).toContain("npm test");
  });

  it("starts with the quick start, before any reference", () => {
    const headings = read("README.md")
      .split("\n")
      .filter((line) => line.startsWith("## "));
    expect(headings[0]).toBe("## Quick start (no OCI account)");
  });

  it("stays a front door: at most about 8 KB", () => {
    expect(Buffer.byteLength(read("README.md"))).toBeLessThanOrEqual(8 * 1024);
  });
});
