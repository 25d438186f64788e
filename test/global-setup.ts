import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { DIST_DIR } from "../local-function/fn-runner";

/**
 * End-to-end tests start the real bundle, so build it once before any test runs: `npm run bundle`'s build,
 * run by the Node that runs the tests (the bundle targets it), into FUNCTION_DIST when set (see fn-runner).
 */
export default function setup(): void {
  const root = resolve(__dirname, "..");
  execFileSync(process.execPath, ["scripts/bundle.mjs", "--sourcemap", "--outdir", DIST_DIR], {
    cwd: root,
    stdio: "inherit",
  });
}
