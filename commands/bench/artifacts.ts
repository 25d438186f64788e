import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

export const ROOT = resolve(__dirname, "../..");
export const BUNDLE = join(ROOT, "dist", "func.js");
/** The V8 startup snapshot of the bundle, built by scripts/snapshot.mjs with this Node. */
export const SNAPSHOT_BLOB = join(ROOT, "dist", "func.blob");
/** src/ compiled by tsc to CommonJS, one file per module, resolving the SDK from ./node_modules. */
export const UNBUNDLED = join(ROOT, "build", "func.js");

function run(command: string, args: string[]): void {
  execFileSync(command, args, { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
}

/** Builds both forms from the current src/ so the comparison is of the same code. */
export function buildArtifacts(): void {
  run("npm", ["run", "--silent", "bundle"]);
  run(process.execPath, ["scripts/snapshot.mjs"]);
  run("npx", ["tsc", "-p", "tsconfig.build.json"]);
}

export function fileSizes(path: string): { bytes: number; gzipBytes: number } {
  const content = readFileSync(path);
  return { bytes: content.byteLength, gzipBytes: gzipSync(content, { level: 9 }).byteLength };
}
