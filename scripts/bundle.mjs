/**
 * node scripts/bundle.mjs [--sourcemap] [--outdir dist]
 *
 * The one definition of the bundles, used by `npm run bundle` and by the Dockerfile:
 * - func.js: src/func.ts with the FDK, zod and the OCI SDK in one CommonJS file that needs no node_modules;
 * - snapshot-entry.js: src/snapshot.ts, the same code for `node --build-snapshot` (see scripts/snapshot.mjs).
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { build } from "esbuild";
import { lazyNetworkModules, unusedNodeFetch } from "./bundle-plugins.mjs";

const { values } = parseArgs({
  options: {
    sourcemap: { type: "boolean", default: false },
    outdir: { type: "string", default: "dist" },
  },
});

const common = {
  bundle: true,
  platform: "node",
  // The Node that runs the build is the one the bundle is for: 20 in development, 22 in the image.
  target: `node${process.versions.node.split(".")[0]}`,
  format: "cjs",
  minify: true,
  keepNames: true,
  logLevel: "warning",
};

await Promise.all([
  build({
    ...common,
    entryPoints: ["src/func.ts"],
    outfile: join(values.outdir, "func.js"),
    sourcemap: values.sourcemap ? "linked" : false,
    plugins: [unusedNodeFetch],
  }),
  build({
    ...common,
    entryPoints: ["src/snapshot.ts"],
    outfile: join(values.outdir, "snapshot-entry.js"),
    plugins: [unusedNodeFetch, lazyNetworkModules],
  }),
]);
