import { execFileSync } from "node:child_process";

/** End-to-end tests start the real bundle, so build it once before any test runs. */
export default function setup(): void {
  execFileSync("npm", ["run", "--silent", "bundle"], { stdio: "inherit" });
}
