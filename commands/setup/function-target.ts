/**
 * The function setup wires the alarms to: given by OCID (FunctionsManagementClient.getFunction), or by its
 * application's and its own display names (listApplications, then listFunctions, oci-functions 2.139.1), with its
 * configuration: its application's (GetApplication) overlaid by its own (GetFunction), as Fn merges them.
 * `fn deploy` stays the user's step: setup only reads the function.
 */
import type { FunctionsManagementClient } from "oci-functions";
import { CliError, ExitCode } from "../cli/exit-codes";
import { allPages } from "./wiring-steps";

export type FunctionChoice = { functionId: string } | { app: string; functionName: string };

export interface TargetFunction {
  id: string;
  displayName: string;
  compartmentId: string;
  /** The configuration the function runs with: the application's keys, then the function's own. */
  config: Record<string, string>;
}

export async function resolveFunction(
  functions: FunctionsManagementClient,
  choice: FunctionChoice,
  compartmentId: string,
): Promise<TargetFunction> {
  if ("functionId" in choice) return withConfig(functions, choice.functionId, compartmentId);
  // The SDK does not URL-encode query values (FIELD-NOTES): encode the names as listAlarms' caller does.
  const apps = await allPages((page) =>
    functions.listApplications({ compartmentId, displayName: encodeURIComponent(choice.app), page }),
  );
  const app = apps.find((a) => a.displayName === choice.app && a.lifecycleState !== "DELETED");
  if (!app)
    throw new CliError(
      ExitCode.NotDone,
      `no Functions application named ${choice.app} in compartment ${compartmentId}: give --compartment, or --function <function OCID> (fn inspect function ${choice.app} ${choice.functionName} id)`,
    );
  const found = await allPages((page) =>
    functions.listFunctions({ applicationId: app.id, displayName: encodeURIComponent(choice.functionName), page }),
  );
  const fn = found.find((f) => f.displayName === choice.functionName && f.lifecycleState !== "DELETED");
  if (!fn)
    throw new CliError(
      ExitCode.NotDone,
      `application ${choice.app} has no function named ${choice.functionName}: deploy it first (fn deploy --app ${choice.app})`,
    );
  return withConfig(functions, fn.id, fn.compartmentId ?? app.compartmentId ?? compartmentId);
}

/** The function and its merged configuration (list summaries carry no config). */
async function withConfig(
  functions: FunctionsManagementClient,
  functionId: string,
  compartmentId: string,
): Promise<TargetFunction> {
  const fn = (await functions.getFunction({ functionId })).function;
  const app = (await functions.getApplication({ applicationId: fn.applicationId ?? "" })).application;
  return {
    id: fn.id,
    displayName: fn.displayName ?? fn.id,
    compartmentId: fn.compartmentId ?? compartmentId,
    config: { ...(app.config ?? {}), ...(fn.config ?? {}) },
  };
}
