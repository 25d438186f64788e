import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "..");
export const BUNDLE = join(ROOT, "dist", "func.js");

function newestSourceTime(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? newestSourceTime(path) : statSync(path).mtimeMs;
    return Math.max(newest, time);
  }, 0);
}

/** Builds dist/func.js when it is missing or older than any file in src/. */
export function ensureBundle(): string {
  const stale = !existsSync(BUNDLE) || statSync(BUNDLE).mtimeMs < newestSourceTime(join(ROOT, "src"));
  if (stale) {
    process.stderr.write("building dist/func.js ...\n");
    execFileSync("npm", ["run", "--silent", "bundle"], { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
  }
  return BUNDLE;
}
