import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runtimeNodeFlags } from "../../scripts/snapshot.mjs";

const DOCKERFILE = readFileSync(resolve(__dirname, "../../Dockerfile"), "utf8");

describe("Dockerfile", () => {
  it("builds the snapshot with the same V8 flags the entrypoint runs it with", () => {
    const build = /^RUN (\[.*"--build-snapshot".*\])$/m.exec(DOCKERFILE)?.[1];
    expect(build).toBeDefined();
    const args = JSON.parse(build as string) as string[];
    expect(args.slice(1, args.indexOf("--snapshot-blob"))).toEqual(runtimeNodeFlags());
    expect(runtimeNodeFlags()).toContain("--max-semi-space-size=1");
  });

  it("runs as the unprivileged fn user, from the runtime image, with no node_modules copied", () => {
    expect(DOCKERFILE).toMatch(/^FROM fnproject\/node:22-dev AS build$/m);
    expect(DOCKERFILE).toMatch(/^FROM fnproject\/node:22$/m);
    expect(DOCKERFILE).toMatch(/^USER 1000:1000$/m);
    expect(DOCKERFILE).not.toMatch(/COPY .*node_modules/);
  });
});
