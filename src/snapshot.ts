import * as v8 from "node:v8";
import * as fdk from "@fnproject/fdk";
import { invoke } from "./invocation";
// Evaluated while the V8 startup snapshot is built, so a container starts with the SDK already loaded.
import "./oci/clients";
import "./oci/retry-policy";
import "./run/scale-deployment";
import "./run/scaling-run";

/**
 * The entry of the startup snapshot (see scripts/bundle.mjs and the Dockerfile): everything is loaded at
 * build time; the deserialized process only opens the FDK socket. Nothing here may read the environment.
 */
v8.startupSnapshot.setDeserializeMainFunction(() => {
  fdk.handle(invoke, { inputMode: "buffer" });
});
