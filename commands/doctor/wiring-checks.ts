/**
 * Doctor's checks of what carries an alarm's message to the function and lets it act: the topic's subscription
 * (4), the function and its configuration (5), and IAM (6), the forecast schedule's statement included. Each
 * reads, never writes.
 */
import type { FunctionsManagementClient, models as fnModels } from "oci-functions";
import type { IdentityClient, models as identityModels } from "oci-identity";
import type { NotificationControlPlaneClient, NotificationDataPlaneClient } from "oci-ons";
import { ConfigError, ConfigSchema, loadConfig } from "../../src/policy/config";
import { neededGrants, scheduleInvokeStatement } from "../setup/iam-statements";
import { allPages } from "../setup/wiring-steps";
import { type CheckResult, ok, problem, unknown } from "./check";

/** 4. Each topic the alarms notify has an ACTIVE ORACLE_FUNCTIONS subscription to the function. */
export async function subscriptionChecks(
  topics: NotificationControlPlaneClient,
  subscriptions: NotificationDataPlaneClient,
  topicIds: string[],
  functionId: string | undefined,
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const topicId of topicIds) {
    let compartmentId: string;
    let name: string;
    try {
      const { notificationTopic } = await topics.getTopic({ topicId });
      compartmentId = notificationTopic.compartmentId;
      name = notificationTopic.name;
    } catch (error) {
      results.push(unknown("subscription", `topic ${topicId}`, error, "read ons-topics in the topic's compartment"));
      continue;
    }
    let listed: Array<{ protocol: string; endpoint: string; lifecycleState: string; id: string }>;
    try {
      listed = [];
      let page: string | undefined;
      do {
        const response = await subscriptions.listSubscriptions({ compartmentId, topicId, page });
        listed.push(...response.items);
        page = response.opcNextPage;
      } while (page);
    } catch (error) {
      results.push(unknown("subscription", `the subscriptions of topic ${name}`, error, "read ons-subscriptions"));
      continue;
    }
    const toFunctions = listed.filter((s) => s.protocol === "ORACLE_FUNCTIONS");
    const toThis = functionId ? toFunctions.filter((s) => s.endpoint === functionId) : toFunctions;
    const create = `oci ons subscription create --compartment-id ${compartmentId} --topic-id ${topicId} --protocol ORACLE_FUNCTIONS --subscription-endpoint ${functionId ?? "<function OCID>"}`;
    if (toThis.length === 0) {
      const other = toFunctions.map((s) => s.endpoint).join(", ");
      results.push(
        problem(
          "subscription",
          `topic ${name} has no ORACLE_FUNCTIONS subscription${functionId ? " to this function" : ""}${other ? ` (it calls ${other})` : ""}`,
          create,
        ),
      );
      continue;
    }
    for (const s of toThis) {
      const detail = `topic ${name} -> function ${s.endpoint}: ${s.lifecycleState}`;
      if (s.lifecycleState === "ACTIVE")
        results.push(ok("subscription", detail + (functionId ? "" : " (give --function to check it is this one)")));
      else
        results.push(
          problem(
            "subscription",
            detail,
            "OCI confirms a function subscription itself; one left PENDING is not delivered to: delete it and create it again",
          ),
        );
    }
  }
  return results;
}

/** 5. The function exists and is ACTIVE, and its configuration (application's, then its own) is valid. */
export async function functionCheck(
  functions: FunctionsManagementClient,
  functionId: string,
): Promise<{ result: CheckResult; config?: Record<string, string>; compartmentId?: string }> {
  let fn: fnModels.Function;
  let appConfig: Record<string, string> = {};
  try {
    fn = (await functions.getFunction({ functionId })).function;
    appConfig = (await functions.getApplication({ applicationId: fn.applicationId ?? "" })).application.config ?? {};
  } catch (error) {
    // OCI answers 404 alike for a function that is not there and one the user may not read: say both.
    if ((error as { statusCode?: number }).statusCode === 404)
      return {
        result: problem(
          "function",
          `${functionId} not found`,
          "check --function (fn inspect function <app> <function> id), deploy it with fn deploy, or give the user running doctor read fn-function and fn-app",
        ),
      };
    return {
      result: unknown("function", functionId, error, "read fn-function and fn-app in the function's compartment"),
    };
  }
  const config = { ...appConfig, ...(fn.config ?? {}) };
  const compartmentId = fn.compartmentId ?? "";
  if (fn.lifecycleState !== "ACTIVE")
    return {
      result: problem("function", `${fn.displayName}: ${fn.lifecycleState}`, "deploy it again with fn deploy"),
      compartmentId,
    };
  const problems: string[] = [];
  try {
    loadConfig(config);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  const known = Object.keys(ConfigSchema.shape);
  for (const key of Object.keys(config)) {
    const near = known.find((k) => k !== key && closeEnough(k, key));
    if (!known.includes(key) && near) problems.push(`${key} is not a key the function reads: did you mean ${near}?`);
  }
  const detail = `${fn.displayName}: ACTIVE, ${Object.keys(config).length} configuration key(s)`;
  if (problems.length > 0)
    return {
      result: problem(
        "function",
        `${detail}; ${problems.join("; ")}`,
        "fix the keys with fn config app|function … (docs/configuration.md)",
      ),
      compartmentId,
    };
  return { result: ok("function", detail), config, compartmentId };
}

/** Two keys one or two edits apart (a typo), ignoring case. */
function closeEnough(a: string, b: string): boolean {
  const x = a.toUpperCase();
  const y = b.toUpperCase();
  if (x === y) return true;
  if (Math.abs(x.length - y.length) > 2) return false;
  const row = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    let previous = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= y.length; j++) {
      const kept = row[j] as number;
      row[j] = Math.min((row[j] as number) + 1, (row[j - 1] as number) + 1, previous + (x[i - 1] === y[j - 1] ? 0 : 1));
      previous = kept;
    }
  }
  return (row[y.length] as number) <= 2;
}

const VERBS = ["inspect", "read", "use", "manage"];
const FAMILIES: Record<string, string[]> = {
  "data-science-family": ["data-science-model-deployments", "data-science-work-requests"],
  "all-resources": [],
};

/** Does this statement grant `verb` on `resource` in `compartmentId` to the group? Names of compartments are not resolved. */
export function grants(
  statement: string,
  group: string,
  need: { verb: string; resource: string; compartmentId: string },
): boolean {
  const s = statement.trim().replace(/\s+/g, " ").toLowerCase();
  const m =
    /^allow dynamic-group (?:'?([\w.-]+)'?|id \S+) to (\w+) ([\w-]+) in (tenancy|compartment id (\S+)|compartment (\S+))(?: where .*)?$/.exec(
      s,
    );
  if (!m || m[1] !== group.toLowerCase()) return false;
  if (VERBS.indexOf(m[2] as string) < VERBS.indexOf(need.verb)) return false;
  const resource = m[3] as string;
  const covers =
    resource === need.resource || resource === "all-resources" || (FAMILIES[resource] ?? []).includes(need.resource);
  if (!covers) return false;
  if (m[4] === "tenancy") return true;
  if (m[5]) return m[5] === need.compartmentId.toLowerCase();
  return true; // a compartment by name: doctor does not resolve names
}

/**
 * Does this statement let the schedule invoke functions in the compartment? The form setup writes (Resource
 * Scheduler docs, "Example Policies": any-user, where request.principal.type = 'resourceschedule' and, optionally,
 * request.principal.id = the schedule), with use or manage on fn-invocation, functions-family or all-resources.
 */
export function schedulerMayInvoke(statement: string, scheduleId: string, compartmentId: string): boolean {
  const s = statement.trim().replace(/\s+/g, " ").toLowerCase();
  const m =
    /^allow any-user to (use|manage) (fn-invocation|functions-family|all-resources) in (tenancy|compartment id (\S+)|compartment \S+) where (.*)$/.exec(
      s,
    );
  if (!m) return false;
  if (m[4] && m[4] !== compartmentId.toLowerCase()) return false;
  const condition = (m[5] as string).replace(/\s*=\s*/g, "=");
  if (!condition.includes("request.principal.type='resourceschedule'")) return false;
  const id = /request\.principal\.id='([^']*)'/.exec(condition)?.[1];
  return id === undefined || id === scheduleId.toLowerCase();
}

/**
 * Does a dynamic group's matching rule cover the function? Reads the conditions docs/deploying.md writes
 * (resource.type, resource.id, resource.compartment.id), joined by ALL (each must hold) or ANY (one must). Other
 * conditions (a tag, say) are not read: they are taken as holding, so a tag condition the function fails is missed.
 */
export function ruleCovers(rule: string, fn: { id: string; compartmentId: string }): boolean {
  const r = rule.replace(/\s+/g, " ").trim().toLowerCase();
  const conditions = [...r.matchAll(/(resource\.[\w.]+) ?(!?=) ?'([^']*)'/g)].map((m) => ({
    field: m[1] as string,
    equals: m[2] === "=",
    value: m[3] as string,
  }));
  if (conditions.length === 0) return false;
  const holds = (c: { field: string; equals: boolean; value: string }): boolean | undefined => {
    const actual =
      c.field === "resource.type"
        ? "fnfunc"
        : c.field === "resource.id"
          ? fn.id.toLowerCase()
          : c.field === "resource.compartment.id"
            ? fn.compartmentId.toLowerCase()
            : undefined;
    if (actual === undefined) return undefined;
    return (actual === c.value) === c.equals;
  };
  const results = conditions.map(holds);
  if (r.startsWith("any")) return results.some((x) => x === true);
  return results.every((x) => x === true);
}

/** 6. A dynamic group covers the function, and policies grant it every statement the function needs. */
export async function iamCheck(
  identity: IdentityClient,
  tenancyId: string,
  fn: { id: string; compartmentId: string },
  deploymentCompartmentId: string,
  schedule?: { compartmentId: string; scheduleId?: string },
): Promise<CheckResult> {
  let groups: identityModels.DynamicGroup[];
  let policies: identityModels.Policy[];
  try {
    groups = await allPages((page) => identity.listDynamicGroups({ compartmentId: tenancyId, page }));
    policies = [
      ...(await allPages((page) => identity.listPolicies({ compartmentId: tenancyId, page }))),
      ...(deploymentCompartmentId === tenancyId
        ? []
        : await allPages((page) => identity.listPolicies({ compartmentId: deploymentCompartmentId, page }))),
    ];
  } catch (error) {
    return unknown("iam", "dynamic groups and policies", error, "inspect dynamic-groups and policies in the tenancy");
  }
  const covering = groups.filter((g) => ruleCovers(g.matchingRule, fn));
  if (covering.length === 0)
    return problem(
      "iam",
      "no dynamic group's matching rule covers the function",
      `create one: ALL {resource.type = 'fnfunc', resource.id = '${fn.id}'} (docs/deploying.md, Permissions)`,
    );
  const statements = policies.flatMap((p) => p.statements);
  const needed = neededGrants(deploymentCompartmentId, schedule?.compartmentId);
  const missingFor = covering.map((group) => ({
    group,
    missing: needed.filter((need) => !statements.some((s) => grants(s, group.name, need))),
  }));
  const complete = missingFor.find((g) => g.missing.length === 0);
  const scheduleId = schedule?.scheduleId;
  if (
    complete &&
    schedule &&
    scheduleId &&
    !statements.some((s) => schedulerMayInvoke(s, scheduleId, fn.compartmentId))
  )
    return problem(
      "iam",
      `no policy lets the forecast schedule ${scheduleId} invoke the function`,
      scheduleInvokeStatement(`compartment id ${fn.compartmentId}`, scheduleId),
    );
  if (complete)
    return ok("iam", `dynamic group ${complete.group.name} covers the function and holds every statement it needs`);
  const { group, missing } = missingFor[0] as (typeof missingFor)[number];
  return problem(
    "iam",
    `dynamic group ${group.name} covers the function, but no policy grants it: ${missing.map((m) => `${m.verb} ${m.resource}`).join(", ")}`,
    missing
      .map((m) => `Allow dynamic-group ${group.name} to ${m.verb} ${m.resource} in compartment id ${m.compartmentId}`)
      .join("; "),
  );
}
