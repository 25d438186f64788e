/**
 * node scripts/snapshot.mjs [--outdir dist]
 *
 * Builds the V8 startup snapshot dist/func.blob from dist/snapshot-entry.js with the Node that runs this
 * script. A blob runs only on the exact Node binary that built it: the Dockerfile builds it on the runtime image.
 * Run the function from it with `node <flags> --snapshot-blob dist/func.blob`, the flags being the Dockerfile's.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

/**
 * The V8 flags of the runtime image's ENTRYPOINT (everything between "node" and "--snapshot-blob"): a blob
 * loads only with the flags it was built with, so the Dockerfile is their one source.
 */
export function runtimeNodeFlags() {
  const dockerfile = readFileSync(
    resolve(import.meta.dirname ?? new URL(".", import.meta.url).pathname, "../Dockerfile"),
    "utf8",
  );
  const entrypoint = /^ENTRYPOINT (\[.*\])$/m.exec(dockerfile);
  if (!entrypoint) throw new Error("Dockerfile has no exec-form ENTRYPOINT");
  const args = JSON.parse(entrypoint[1]);
  return args.slice(1, args.indexOf("--snapshot-blob"));
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const { values } = parseArgs({ options: { outdir: { type: "string", default: "dist" } } });
  execFileSync(
    process.execPath,
    [
      ...runtimeNodeFlags(),
      "--snapshot-blob",
      join(values.outdir, "func.blob"),
      "--build-snapshot",
      join(values.outdir, "snapshot-entry.js"),
    ],
    { stdio: "inherit" },
  );
}
