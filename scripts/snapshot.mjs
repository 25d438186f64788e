/**
 * node scripts/snapshot.mjs [--outdir dist]
 *
 * Builds the V8 startup snapshot dist/func.blob from dist/snapshot-entry.js with the Node that runs this
 * script. A blob runs only on the exact Node binary that built it: the Dockerfile builds it on the runtime image.
 * Run the function from it with `node --snapshot-blob dist/func.blob dist/func.js` (func.js is then not run).
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { outdir: { type: "string", default: "dist" } } });
execFileSync(
  process.execPath,
  ["--snapshot-blob", join(values.outdir, "func.blob"), "--build-snapshot", join(values.outdir, "snapshot-entry.js")],
  { stdio: "inherit" },
);
