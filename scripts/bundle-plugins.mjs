/** esbuild plugins used by scripts/bundle.mjs. */

/**
 * oci-common loads isomorphic-fetch, which loads node-fetch 2 (with whatwg-url and tr46: ~300 KB of the
 * bundle) but calls it only where Node has no global fetch. Node 20+ has one, so the SDK sends every request
 * with it; node-fetch's one other user (instance-principal certificates) is not reachable from this function.
 */
export const unusedNodeFetch = {
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

/**
 * `node --build-snapshot` cannot serialize the network modules (Node 20: `require("http")` throws; Node 22:
 * the snapshot aborts on their native handles). The FDK and the SDK require them at load, so in the snapshot
 * entry they become proxies that load the real module on first use, after the snapshot is deserialized.
 */
export const lazyNetworkModules = {
  name: "lazy-network-modules",
  setup(build) {
    build.onResolve({ filter: /^(node:)?(http|https|http2|net|tls)$/ }, (args) =>
      // The proxy's own require is the real module.
      args.namespace === "lazy-builtin"
        ? { path: args.path, external: true }
        : { path: args.path.replace(/^node:/, ""), namespace: "lazy-builtin" },
    );
    build.onLoad({ filter: /.*/, namespace: "lazy-builtin" }, (args) => ({
      contents: `let loaded;
const real = () => (loaded ??= require("node:${args.path}"));
module.exports = new Proxy({}, {
  get: (_, key) => real()[key],
  has: (_, key) => key in real(),
  ownKeys: () => Reflect.ownKeys(real()),
  getOwnPropertyDescriptor: (_, key) => ({ ...Object.getOwnPropertyDescriptor(real(), key), configurable: true }),
});`,
      loader: "js",
    }));
  },
};
