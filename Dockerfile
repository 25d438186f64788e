# Build on the Fn development image, run on the slim runtime image with only the bundle and its snapshot.
FROM fnproject/node:22-dev AS build
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts/bundle.mjs scripts/bundle-plugins.mjs ./scripts/
COPY src ./src
RUN node scripts/bundle.mjs

FROM fnproject/node:22
WORKDIR /function
# No node_modules: the bundles carry the SDK, the FDK and zod. func.js is the plain entry (a fallback:
# `node /function/func.js`); snapshot-entry.js is the same code for the V8 startup snapshot.
COPY --from=build /build/dist/func.js /build/dist/snapshot-entry.js /function/
# A snapshot blob runs only on the Node binary that built it, so it is built here, on the runtime image.
# Starting from it skips loading the SDK: see "Performance" in README.md for the measured gain.
# A blob loads only with the V8 flags it was built with, so the heap flags appear in both lines. A 1 MB
# semi-space keeps the peak RSS under 100 MB in a 128 MB function (64 MB old space is ample for one call).
RUN ["node", "--max-semi-space-size=1", "--max-old-space-size=64", "--snapshot-blob", "/function/func.blob", "--build-snapshot", "/function/snapshot-entry.js"]
# OCI Functions runs the container as uid/gid 1000 (fn); run as that user here too.
USER 1000:1000
ENTRYPOINT ["node", "--max-semi-space-size=1", "--max-old-space-size=64", "--snapshot-blob", "/function/func.blob"]
