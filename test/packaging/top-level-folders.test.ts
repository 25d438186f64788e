import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join, normalize, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The floor plan of the repository: each top-level folder has one job, and imports only from the folders
 * listed under it. test/ holds only tests and may import anything; nothing outside test/ imports from it.
 *
 * - src/: the function (bundled alone; see import-graph.test.ts for its inner order).
 * - emulator/: the local OCI emulator and what seeds it; it speaks OCI's wire formats, so it reads src/'s
 *   tag names and nothing else.
 * - local-function/: the function run locally as Fn runs it (bundle over the FDK socket) or in-process.
 * - scripts/: the build (bundle, snapshot, CI helpers).
 * - commands/: what users run (demo, invoke, setup, simulate, bench, soak).
 */
const FOLDER_IMPORTS: Record<string, readonly string[]> = {
  src: [],
  emulator: ["src"],
  "local-function": ["src", "emulator"],
  scripts: [],
  commands: ["src", "emulator", "local-function", "scripts"],
};
const ANYTHING = "test";

const ROOT = resolve(__dirname, "../..");

/** `commands/demo.ts` → commands; `emulator` (a folder's index) → emulator; `vitest.config.ts` → "." (the root). */
function folderOf(path: string): string {
  const first = path.split("/")[0] as string;
  return path.includes("/") || !first.includes(".") ? first : ".";
}

function relativeSpecifiers(text: string): string[] {
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map((f) => f.fileName)
    .filter((s) => s.startsWith("./") || s.startsWith("../"));
}

/** Every import from one top-level folder into another that the floor plan does not allow. */
function floorPlanProblems(sources: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  for (const [file, text] of sources) {
    const from = folderOf(file);
    if (from !== ANYTHING && from !== "." && !(from in FOLDER_IMPORTS)) {
      problems.push(`${file}: ${from}/ is not a folder of the floor plan`);
      continue;
    }
    for (const specifier of relativeSpecifiers(text)) {
      const to = folderOf(
        normalize(join(dirname(file), specifier))
          .split("\\")
          .join("/"),
      );
      if (to === from || from === ANYTHING) continue;
      if (!(FOLDER_IMPORTS[from] ?? []).includes(to))
        problems.push(`${file} imports "${specifier}": ${from}/ may not import ${to}/`);
    }
  }
  return problems;
}

function trackedSources(): Map<string, string> {
  const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], {
    cwd: ROOT,
    encoding: "utf8",
  })
    .split("\n")
    .filter((f) => /\.(ts|mts|mjs)$/.test(f) && !f.startsWith("node_modules/"));
  const sources = new Map<string, string>();
  for (const file of files) {
    try {
      sources.set(file, readFileSync(join(ROOT, file), "utf8"));
    } catch {
      // deleted in the work tree, not yet in the index
    }
  }
  return sources;
}

describe("the repository's floor plan", () => {
  const sources = trackedSources();

  it("reads every folder of the plan", () => {
    const folders = new Set([...sources.keys()].map(folderOf));
    for (const folder of [...Object.keys(FOLDER_IMPORTS), ANYTHING]) expect(folders).toContain(folder);
  });

  it("has no import across folders that the plan does not allow, and nothing outside test/ imports test/", () => {
    expect(floorPlanProblems(sources)).toEqual([]);
  });
});

describe("the floor-plan check", () => {
  it("refuses an import of test/ from product code", () => {
    const problems = floorPlanProblems(new Map([["commands/demo.ts", 'import { x } from "../test/support/x";']]));
    expect(problems).toEqual(['commands/demo.ts imports "../test/support/x": commands/ may not import test/']);
  });

  it("refuses src/ reaching into the emulator, and the emulator into the commands", () => {
    const problems = floorPlanProblems(
      new Map([
        ["src/run/a.ts", 'import "../../emulator/server";'],
        ["emulator/b.ts", 'export * from "../commands/cli/exit-codes";'],
      ]),
    );
    expect(problems).toEqual([
      'src/run/a.ts imports "../../emulator/server": src/ may not import emulator/',
      'emulator/b.ts imports "../commands/cli/exit-codes": emulator/ may not import commands/',
    ]);
  });

  it("lets tests import anything, and a folder import itself", () => {
    const problems = floorPlanProblems(
      new Map([
        ["test/e2e/a.test.ts", 'import "../../emulator"; import "../../commands/demo";'],
        ["emulator/c.ts", 'import "./server"; import "../src/oci/scale-down-alarms";'],
      ]),
    );
    expect(problems).toEqual([]);
  });

  it("names a top-level folder that is not in the plan", () => {
    expect(floorPlanProblems(new Map([["tools/x.ts", ""]]))).toEqual([
      "tools/x.ts: tools/ is not a folder of the floor plan",
    ]);
  });
});
