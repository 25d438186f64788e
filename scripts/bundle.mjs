/**
 * node scripts/bundle.mjs [--sourcemap] [--outfile dist/func.js]
 *
 * The one definition of the bundle, used by `npm run bundle` and by the Dockerfile: src/func.ts with the
 * FDK, zod and the OCI SDK in one CommonJS file that needs no node_modules.
 */
import { parseArgs } from "node:util";
import { build } from "esbuild";

const { values } = parseArgs({
  options: {
    sourcemap: { type: "boolean", default: false },
    outfile: { type: "string", default: "dist/func.js" },
  },
});

/**
 * oci-common loads isomorphic-fetch, which loads node-fetch 2 (with whatwg-url and tr46: ~300 KB of the
 * bundle) but calls it only where Node has no global fetch. Node 20+ has one, so the SDK sends every request
 * with it; node-fetch's one other user (instance-principal certificates) is not reachable from this function.
 */
const unusedNodeFetch = {
  name: "unused-node-fetch",
  setup(build) {
    build.onResolve({ filter: /^node-fetch$/ }, () => ({ path: "node-fetch", namespace: "unused" }));
    build.onLoad({ filter: /.*/, namespace: "unused" }, () => ({
      contents:
        'module.exports = function nodeFetch() { throw new Error("node-fetch is not bundled: Node\'s global fetch is used"); };',
      loader: "js",
    }));
  },
};

await build({
  entryPoints: ["src/func.ts"],
  outfile: values.outfile,
  bundle: true,
  platform: "node",
  // The Node that runs the build is the one the bundle is for: 20 in development, 22 in the image.
  target: `node${process.versions.node.split(".")[0]}`,
  format: "cjs",
  minify: true,
  keepNames: true,
  sourcemap: values.sourcemap ? "linked" : false,
  plugins: [unusedNodeFetch],
  logLevel: "warning",
});
