import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The shape of src/: entry points at the top, the rest in stage folders that read as the path of one alarm.
 *
 * - A module is a file under src/. Its stage is its first folder (src/run/apply-change.ts is in `run`); a file
 *   directly in src/ is at the top, and only the entry points may be there.
 * - An import is any relative specifier a module names: `import … from`, `export … from`, `import "…"` and
 *   `import("…")`, type-only imports included (they are a dependency of the code, if not of the bundle).
 * - An upward import is one from a module in a stage folder to a module at the top: the entry points use the
 *   stages, never the other way round.
 * - An import against the stage order is one from a stage to another stage not listed under it in
 *   STAGE_IMPORTS. Imports inside one stage, and from the top into any stage, are free.
 * - And no module may reach itself through its imports (a cycle), whatever the folders.
 *
 * When an import a change needs breaks a rule, the module (or the piece of it) moves; the rule stays.
 */
const ENTRY_POINTS = ["fdk.d.ts", "func.ts", "handler.ts", "invocation.ts", "snapshot.ts"];

/** The stages each stage may import: policy < results < message, scalers; scalers < oci; all < run. */
const STAGE_IMPORTS: Record<string, readonly string[]> = {
  policy: [],
  results: ["policy"],
  message: ["policy", "results"],
  scalers: ["policy", "results"],
  oci: ["policy", "results", "scalers"],
  run: ["policy", "results", "message", "scalers", "oci"],
};

const SRC = resolve(__dirname, "../../src");

/** Module name (relative to src/, with extension) → its source. */
type Sources = ReadonlyMap<string, string>;

function readSources(root: string): Map<string, string> {
  const sources = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".ts"))
        sources.set(relative(root, path).split("\\").join("/"), readFileSync(path, "utf8"));
    }
  };
  walk(root);
  return sources;
}

/** The relative specifiers a module names (TypeScript's own scanner: comments and strings are not imports). */
function relativeSpecifiers(text: string): string[] {
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map((f) => f.fileName)
    .filter((s) => s.startsWith("./") || s.startsWith("../"));
}

/** The module a specifier names, as the bundler and tsc resolve it (file.ts, file.d.ts, folder/index.ts). */
function resolveSpecifier(sources: Sources, from: string, specifier: string): string | undefined {
  const base = join(dirname(from), specifier).split("\\").join("/");
  return [base, `${base}.ts`, `${base}.d.ts`, `${base}/index.ts`].find((candidate) => sources.has(candidate));
}

function stageOf(module: string): string {
  const slash = module.indexOf("/");
  return slash === -1 ? "top" : module.slice(0, slash);
}

/** Every cycle's strongly connected component, each named as one path round it (a → b → a). */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[] = [];
  let next = 0;
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next);
    next++;
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node) as number, low.get(target) as number));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node) as number, index.get(target) as number));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component = new Set<string>();
    let member: string | undefined;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      component.add(member);
    } while (member !== node);
    if (component.size > 1 || (graph.get(node) ?? []).includes(node)) found.push(pathRound(graph, component));
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return found;
}

/** One cycle through a component, from its first member (by name) back to it. */
function pathRound(graph: ReadonlyMap<string, readonly string[]>, component: ReadonlySet<string>): string {
  const start = [...component].sort()[0] as string;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift() as string;
    for (const target of graph.get(node) ?? []) {
      if (!component.has(target)) continue;
      if (target === start) {
        const path = [start];
        for (let at = node; at !== start; at = previous.get(at) as string) path.splice(1, 0, at);
        return [...path, start].join(" → ");
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [...component].sort().join(", ");
}

/** Everything wrong with a tree of sources; empty when the layout holds. */
function checkImportGraph(
  sources: Sources,
  entryPoints: readonly string[] = ENTRY_POINTS,
  stageImports: Readonly<Record<string, readonly string[]>> = STAGE_IMPORTS,
): string[] {
  const problems: string[] = [];
  const graph = new Map<string, string[]>();
  for (const [module, text] of sources) {
    const stage = stageOf(module);
    if (stage === "top" && !entryPoints.includes(module)) {
      problems.push(`${module} is at the top but is not an entry point: it belongs in a stage folder`);
    }
    if (stage !== "top" && !(stage in stageImports)) problems.push(`${module} is in ${stage}/, which is not a stage`);
    const targets: string[] = [];
    for (const specifier of relativeSpecifiers(text)) {
      const target = resolveSpecifier(sources, module, specifier);
      if (target === undefined) {
        problems.push(`${module} imports "${specifier}", which is no module under src/`);
        continue;
      }
      targets.push(target);
      const to = stageOf(target);
      if (stage === "top" || to === stage) continue;
      if (to === "top") problems.push(`${module} imports ${target}: upward, from ${stage}/ into the entry points`);
      else if (!(stageImports[stage] ?? []).includes(to)) {
        problems.push(`${module} imports ${target}: against the stage order (${stage}/ may not import ${to}/)`);
      }
    }
    graph.set(module, targets);
  }
  for (const cycle of cycles(graph)) problems.push(`import cycle: ${cycle}`);
  return problems;
}

describe("import graph of src/", () => {
  const sources = readSources(SRC);

  it("reads the whole tree, the lazy imports among it", () => {
    expect(sources.size).toBeGreaterThan(50);
    expect(relativeSpecifiers(sources.get("handler.ts") as string)).toContain("./run/scale-deployment");
  });

  it("has only the entry points at the top, no cycle, no upward import, nothing against the stage order", () => {
    expect(checkImportGraph(sources)).toEqual([]);
  });

  it("keeps every stage folder in use, and the stage order itself acyclic", () => {
    const stages = new Set([...sources.keys()].map(stageOf).filter((s) => s !== "top"));
    expect([...stages].sort()).toEqual(Object.keys(STAGE_IMPORTS).sort());
    expect(cycles(new Map(Object.entries(STAGE_IMPORTS)))).toEqual([]);
  });
});

describe("the import-graph check", () => {
  const tree = (files: Record<string, string>) => new Map(Object.entries(files));

  it("names a cycle, through type-only and lazy imports too", () => {
    const problems = checkImportGraph(
      tree({
        "run/a.ts": 'import type { B } from "./b";',
        "run/b.ts": 'export const b = () => import("./c");',
        "run/c.ts": 'import { a } from "./a";',
      }),
    );
    expect(problems).toEqual(["import cycle: run/a.ts → run/b.ts → run/c.ts → run/a.ts"]);
  });

  it("refuses an import upward into the entry points", () => {
    const problems = checkImportGraph(
      tree({ "handler.ts": 'import "./run/a";', "run/a.ts": 'import type { Runtime } from "../handler";' }),
    );
    expect(problems).toContain("run/a.ts imports handler.ts: upward, from run/ into the entry points");
    expect(problems).toContain("import cycle: handler.ts → run/a.ts → handler.ts");
  });

  it("refuses an import against the stage order, and allows it the other way", () => {
    const problems = checkImportGraph(
      tree({
        "policy/config.ts": 'import { Reason } from "../results/reasons";',
        "results/reasons.ts": "",
        "results/decision.ts": 'export { x } from "../policy/config";',
      }),
    );
    expect(problems).toEqual([
      "policy/config.ts imports results/reasons.ts: against the stage order (policy/ may not import results/)",
    ]);
  });

  it("refuses a stray module at the top, an unknown folder and an import that resolves to nothing", () => {
    const problems = checkImportGraph(tree({ "helpers.ts": "", "misc/x.ts": 'import "../scalers/gone";' }));
    expect(problems).toEqual([
      "helpers.ts is at the top but is not an entry point: it belongs in a stage folder",
      "misc/x.ts is in misc/, which is not a stage",
      'misc/x.ts imports "../scalers/gone", which is no module under src/',
    ]);
  });

  it("ignores specifiers in comments and strings, and package imports", () => {
    const text = '// import("../handler")\nconst s = "from \\"../handler\\"";\nimport * as z from "zod";';
    expect(relativeSpecifiers(text)).toEqual([]);
  });
});
