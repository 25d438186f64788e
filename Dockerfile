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
RUN ["node", "--snapshot-blob", "/function/func.blob", "--build-snapshot", "/function/snapshot-entry.js"]
# OCI Functions runs the container as uid/gid 1000 (fn); run as that user here too.
USER 1000:1000
ENTRYPOINT ["node", "--snapshot-blob", "/function/func.blob"]
