import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "../..");

/** README.md and every Markdown file under docs/, fixtures/ and traces/. */
function markdownFiles(): string[] {
  const files = [join(ROOT, "README.md")];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".md")) files.push(path);
    }
  };
  for (const dir of ["docs", "fixtures", "traces"]) walk(join(ROOT, dir));
  return files;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[`*_]/g, "")
    .replace(/[^\p{L}\p{N} -]/gu, "")
    .replace(/ /g, "-");
}

function anchorsIn(text: string): Set<string> {
  const anchors = new Set<string>();
  const counts = new Map<string, number>();
  let fenced = false;
  for (const line of text.split("\n")) {
    if (line.startsWith("```")) fenced = !fenced;
    const heading = fenced ? undefined : /^#{1,6} (.+)$/.exec(line)?.[1];
    if (!heading) continue;
    const base = anchorOf(heading);
    const seen = counts.get(base) ?? 0;
    anchors.add(seen === 0 ? base : `${base}-${seen}`);
    counts.set(base, seen + 1);
  }
  return anchors;
}

/** Relative links outside code: `[text](path#anchor)`. Web links are not followed (no network here). */
function localLinks(text: string): string[] {
  const withoutCode = text.replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "");
  return [...withoutCode.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1] as string)
    .filter((target) => !/^[a-z]+:/i.test(target));
}

describe("links in the README and docs", () => {
  const files = markdownFiles();
  it.each(files.map((f) => [relative(ROOT, f), f]))("%s: every local link and anchor resolves", (_, file) => {
    const text = readFileSync(file as string, "utf8");
    const broken: string[] = [];
    for (const link of localLinks(text)) {
      const [path = "", anchor] = link.split("#");
      const target = path === "" ? (file as string) : resolve(dirname(file as string), decodeURI(path));
      if (!existsSync(target)) {
        broken.push(`${link}: no such file`);
        continue;
      }
      if (anchor && target.endsWith(".md") && !anchorsIn(readFileSync(target, "utf8")).has(anchor)) {
        broken.push(`${link}: no heading with that anchor`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("computes anchors as GitHub does", () => {
    expect(anchorOf("Control quality (npm run bench)")).toBe("control-quality-npm-run-bench");
    expect(anchorOf("Credentials for `setup` and `invoke --oci`")).toBe("credentials-for-setup-and-invoke---oci");
    expect(anchorOf("Scale-down thresholds that follow the deployment")).toBe(
      "scale-down-thresholds-that-follow-the-deployment",
    );
  });
});
