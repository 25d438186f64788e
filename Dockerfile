# Build on the Fn development image, run on the slim runtime image with only the bundle.
FROM fnproject/node:22-dev AS build
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts/bundle.mjs ./scripts/
COPY src ./src
RUN node scripts/bundle.mjs

FROM fnproject/node:22
WORKDIR /function
# One file, no node_modules: the bundle carries the SDK, the FDK and zod.
COPY --from=build /build/dist/func.js /function/func.js
# OCI Functions runs the container as uid/gid 1000 (fn); run as that user here too.
USER 1000:1000
ENTRYPOINT ["node", "/function/func.js"]
