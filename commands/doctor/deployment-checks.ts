/**
 * Doctor's checks that need only the deployment, its metrics, its alarms and its work requests: checks 1, 2, 3
 * and 7 of issue 19. Each reads, never writes.
 */
import type { DataScienceClient, models as dsModels } from "oci-datascience";
import type { MonitoringClient, models } from "oci-monitoring";
import { MANAGED_BY_VALUE, ScaleDownAlarmTag } from "../../src/oci/scale-down-alarms";
import type { Config } from "../../src/policy/config";
import { ScalingStateTag } from "../../src/run/scaling-state";
import { toSnapshot } from "../../src/scalers/deployment-snapshot";
import { listActiveAlarms } from "../setup/project-alarms";
import { ALARM_ROLE_TAG, NAMESPACE } from "../setup/scale-up-alarms";
import { thresholdContradictions } from "../setup/threshold-check";
import { type CheckResult, ok, problem, unknown } from "./check";

/** 1. The deployment exists, its state, its scaling policy, and whether it opted out. */
export function deploymentCheck(deployment: dsModels.ModelDeployment): CheckResult {
  const snapshot = toSnapshot(deployment, undefined);
  const state = deployment.lifecycleState;
  const policy = snapshot.scalingPolicyType ?? "no scaling policy";
  const count = snapshot.instanceCount ?? snapshot.currentInstanceCount;
  const what = `${deployment.displayName}: ${state}, ${policy}${count === undefined ? "" : `, ${count} instance(s)`}, ${snapshot.instanceConfiguration?.instanceShapeName ?? "no shape"}`;
  if (deployment.freeformTags?.["autoscale-enabled"]?.trim().toLowerCase() === "false")
    return problem(
      "deployment",
      what,
      "it is opted out by its tag autoscale-enabled=false: remove the tag to scale it",
    );
  if (state !== "ACTIVE" && state !== "UPDATING")
    return problem(
      "deployment",
      what,
      "the function changes only ACTIVE deployments: activate it (or it is being created or deleted)",
    );
  if (policy === "AUTOSCALING")
    return ok(
      "deployment",
      `${what}; OCI's AUTOSCALING policy moves its instance count, the function its shape or memory only`,
    );
  if (policy !== "FIXED_SIZE")
    return problem(
      "deployment",
      what,
      "the function scales FIXED_SIZE (instances) and AUTOSCALING (shape) deployments only",
    );
  return ok("deployment", what);
}

/** 2. The metrics the alarms watch were emitted in the last hour. */
export async function metricsCheck(
  monitoring: MonitoringClient,
  deployment: { id: string; compartmentId: string },
  now: Date,
): Promise<CheckResult> {
  const found: string[] = [];
  const missing: string[] = [];
  for (const metric of ["CpuUtilization", "MemoryUtilization"]) {
    try {
      const { items } = await monitoring.summarizeMetricsData({
        compartmentId: deployment.compartmentId,
        summarizeMetricsDataDetails: {
          namespace: NAMESPACE,
          query: `${metric}[1m]{resourceId = "${deployment.id}"}.grouping().mean()`,
          startTime: new Date(now.getTime() - 3_600_000),
          endTime: now,
          resolution: "1m",
        },
      });
      const points = items.reduce((n, stream) => n + stream.aggregatedDatapoints.length, 0);
      (points > 0 ? found : missing).push(`${metric} ${points > 0 ? `(${points} minutes)` : ""}`.trim());
    } catch (error) {
      return unknown("metrics", `${metric} of the last hour`, error, "read metrics in the deployment's compartment");
    }
  }
  if (missing.length > 0)
    return problem(
      "metrics",
      `no ${missing.join(" or ")} in the last hour (namespace ${NAMESPACE})`,
      "an alarm without data never fires: check the deployment is ACTIVE and serving, and that its metrics appear in the console's Metrics Explorer",
    );
  return ok("metrics", `emitted in the last hour: ${found.join(", ")}`);
}

type AlarmNames = Pick<Config, "HIGH_CPU_ALARM_NAME" | "HIGH_MEM_ALARM_NAME" | "HIGH_REQUESTS_ALARM_NAME">;

/** Does this alarm's query watch the deployment: its resourceId, or every deployment of the compartment? */
function watches(alarm: models.AlarmSummary, deploymentId: string): boolean {
  const ids = [...alarm.query.matchAll(/resourceId\s*=\s*"([^"]+)"/g)].map((m) => (m[1] as string).toLowerCase());
  return ids.length === 0 || ids.includes(deploymentId.toLowerCase());
}

/**
 * 3. Scale-up alarms for the deployment: setup's (by tag) or named as the function routes them; enabled,
 * notifying a topic, watching this deployment, thresholds the function agrees with. Returns the checks and the
 * topics the alarms notify (the next check follows them).
 */
export async function alarmChecks(
  monitoring: MonitoringClient,
  deployment: { id: string; compartmentId: string; builtInAutoscaling: boolean },
  config: Config,
  names: AlarmNames,
): Promise<{ results: CheckResult[]; topics: string[] }> {
  let listed: models.AlarmSummary[];
  try {
    listed = await listActiveAlarms(monitoring, deployment.compartmentId);
  } catch (error) {
    return {
      results: [unknown("alarms", "the compartment's alarms", error, "read alarms in the deployment's compartment")],
      topics: [],
    };
  }
  const results: CheckResult[] = [];
  const topics = new Set<string>();
  const wanted = deployment.builtInAutoscaling
    ? [{ metric: "MemoryUtilization", name: names.HIGH_MEM_ALARM_NAME }]
    : [
        {
          metric: "CpuUtilization|PredictRequestCount",
          name: `${names.HIGH_CPU_ALARM_NAME}|${names.HIGH_REQUESTS_ALARM_NAME}`,
        },
        { metric: "MemoryUtilization", name: names.HIGH_MEM_ALARM_NAME },
      ];
  for (const { metric, name } of wanted) {
    const nameSet = name.split("|");
    const candidates = listed.filter(
      (a) =>
        nameSet.includes(a.displayName) && new RegExp(`^(${metric})\\[`).test(a.query) && watches(a, deployment.id),
    );
    const label = `alarm ${nameSet.join(" or ")}`;
    if (candidates.length === 0) {
      results.push(
        problem(
          "alarms",
          `no ${label} watching this deployment in its compartment`,
          `npm run setup -- --deployment ${deployment.id} --topic <topic OCID> (named as the function's *_ALARM_NAME config)`,
        ),
      );
      continue;
    }
    for (const alarm of candidates) {
      const tags = alarm.freeformTags ?? {};
      const bySetup = tags[ScaleDownAlarmTag.ManagedBy] === MANAGED_BY_VALUE && tags[ALARM_ROLE_TAG] === "scale-up";
      const issues: string[] = [];
      const fixes: string[] = [];
      if (!alarm.isEnabled) {
        issues.push("disabled");
        fixes.push("enable it (console: Alarm definitions, Enable)");
      }
      if (alarm.destinations.length === 0) {
        issues.push("notifies no topic");
        fixes.push("add the function's topic as its destination");
      }
      for (const topic of alarm.destinations) topics.add(topic);
      const threshold = Number(/>\s*(-?[\d.]+)\s*$/.exec(alarm.query)?.[1]);
      if (Number.isFinite(threshold) && alarm.query.startsWith("CpuUtilization")) {
        const contradictions = thresholdContradictions(
          { cpuThreshold: threshold, memThreshold: config.HIGH_MEM_THRESHOLD },
          config,
        );
        for (const c of contradictions.filter((c) => c.startsWith("--cpu-threshold"))) {
          issues.push(`threshold ${threshold} contradicts the configuration`);
          fixes.push(c.replace("--cpu-threshold", "the alarm's threshold"));
        }
      }
      if (
        alarm.query.startsWith("MemoryUtilization") &&
        Number.isFinite(threshold) &&
        threshold !== config.HIGH_MEM_THRESHOLD
      ) {
        issues.push(`threshold ${threshold} differs from HIGH_MEM_THRESHOLD ${config.HIGH_MEM_THRESHOLD}`);
        fixes.push(
          `set HIGH_MEM_THRESHOLD ${threshold} in the function's configuration, or the alarm's threshold to ${config.HIGH_MEM_THRESHOLD}`,
        );
      }
      const made = bySetup
        ? "made by setup"
        : "made by hand (no setup tag: setup --remove leaves it; to replace it, delete it and run setup)";
      const detail = `${alarm.displayName} (${alarm.id}): ${made}${issues.length > 0 ? `; ${issues.join(", ")}` : ""}`;
      results.push(issues.length > 0 ? problem("alarms", detail, fixes.join("; ")) : ok("alarms", detail));
    }
  }
  return { results, topics: [...topics] };
}

/** 7. What the function last did: its state tags on the deployment, and the deployment's last work request. */
export async function lastDecisionsCheck(
  dataScience: DataScienceClient,
  deployment: dsModels.ModelDeployment,
): Promise<CheckResult> {
  const tags = deployment.freeformTags ?? {};
  const kept = [ScalingStateTag.InstanceChange, ScalingStateTag.ShapeChange]
    .filter((tag) => tags[tag])
    .map((tag) => `${tag}=${tags[tag]}`);
  let last = "no work request";
  try {
    const { items } = await dataScience.listWorkRequests({
      compartmentId: deployment.compartmentId,
      resourceId: deployment.id,
      sortBy: "timeAccepted" as never,
      sortOrder: "DESC" as never,
      limit: 1,
    });
    const request = items[0];
    if (request)
      last = `last work request ${request.operationType} ${request.status}, accepted ${new Date(request.timeAccepted).toISOString()}`;
  } catch (error) {
    return unknown("last changes", "the deployment's work requests", error, "read data-science-work-requests");
  }
  const mine =
    kept.length > 0 ? `the function's last changes: ${kept.join(", ")}` : "no change by the function recorded";
  return ok("last changes", `${mine}; ${last}`);
}
