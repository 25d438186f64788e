import { models } from "oci-monitoring";
import { describe, expect, it } from "vitest";
import { AlarmMessageSchema } from "../../../src/message/alarm-message";
import { actionForTitle } from "../../../src/message/alarm-routing";
import { deploymentsInAlarm } from "../../../src/message/deployments-in-alarm";
import {
  isScaleDownAlarmFor,
  MANAGED_BY_VALUE,
  ScaleDownAlarmTag,
  scaleDownAlarmDetails,
  scaleDownAlarmQuery,
} from "../../../src/oci/scale-down-alarms";
import { loadConfig } from "../../../src/policy/config";
import { ScalingAction } from "../../../src/results/decision";

const MD = "ocid1.datasciencemodeldeployment.oc1.iad.amaaaaaa1";
const OTHER_MD = "ocid1.datasciencemodeldeployment.oc1.iad.amaaaaaa2";
const defaults = loadConfig({});
const custom = loadConfig({
  LOW_CPU_ALARM_NAME: "md-cpu-low",
  LOW_MEM_ALARM_NAME: "md-mem-low",
  LOW_CPU_THRESHOLD: "7.5",
  LOW_MEM_THRESHOLD: "20",
  LOW_ALARM_PENDING_DURATION: "PT15M",
  LOW_ALARM_REPEAT_DURATION: "PT1H",
});

const firing: models.Alarm = {
  id: "ocid1.alarm.oc1.iad.aaaaaaaahighcpu",
  displayName: "model_deployment_high_cpu",
  compartmentId: "ocid1.compartment.oc1..aaaaaaaaalarms",
  metricCompartmentId: "ocid1.compartment.oc1..aaaaaaaametrics",
  metricCompartmentIdInSubtree: true,
  namespace: "oci_datascience_modeldeploy",
  query: `CpuUtilization[1m]{resourceId = "${MD}"}.mean() > 80`,
  severity: models.Alarm.Severity.Warning,
  messageFormat: models.Alarm.MessageFormat.PrettyJson,
  destinations: ["ocid1.onstopic.oc1.iad.aaaaaaaatopic"],
  isEnabled: true,
  lifecycleState: models.Alarm.LifecycleState.Active,
  timeCreated: new Date("2025-01-01T00:00:00Z"),
  timeUpdated: new Date("2025-01-01T00:00:00Z"),
};

describe("scaleDownAlarmQuery", () => {
  it.each([
    {
      metric: "CpuUtilization" as const,
      threshold: 27,
      query: `CpuUtilization[5m]{resourceId = "${MD}"}.groupBy(resourceId).mean() < 27`,
    },
    {
      metric: "MemoryUtilization" as const,
      threshold: 7.5,
      query: `MemoryUtilization[5m]{resourceId = "${MD}"}.groupBy(resourceId).mean() < 7.5`,
    },
  ])("watches $metric of one deployment against the threshold it is given", ({ metric, threshold, query }) => {
    expect(scaleDownAlarmQuery(metric, MD, threshold)).toBe(query);
  });

  it("names the deployment so that a message without dimensions still leads back to it", () => {
    const message = AlarmMessageSchema.parse({
      title: defaults.LOW_CPU_ALARM_NAME,
      type: "REPEAT",
      alarmMetaData: [{ id: "ocid1.alarm.oc1.iad.low", query: scaleDownAlarmQuery("CpuUtilization", MD, 27) }],
    });
    expect(deploymentsInAlarm(message).map((t) => t.deploymentId)).toEqual([MD]);
  });
});

describe("scaleDownAlarmDetails", () => {
  it("copies compartment, namespace, severity, format and destinations from the firing alarm", () => {
    expect(scaleDownAlarmDetails(firing, MD, "CpuUtilization", custom, 7.5)).toEqual({
      displayName: "md-cpu-low",
      notificationTitle: "md-cpu-low",
      compartmentId: "ocid1.compartment.oc1..aaaaaaaaalarms",
      metricCompartmentId: "ocid1.compartment.oc1..aaaaaaaametrics",
      metricCompartmentIdInSubtree: true,
      namespace: "oci_datascience_modeldeploy",
      query: `CpuUtilization[5m]{resourceId = "${MD}"}.groupBy(resourceId).mean() < 7.5`,
      resolution: "1m",
      pendingDuration: "PT15M",
      severity: "WARNING",
      body: `Low CpuUtilization on model deployment ${MD}: it can be scaled down. Created by model-deployment-autoscale.`,
      messageFormat: "PRETTY_JSON",
      // One message per evaluation, whatever the number of streams: the query has one stream anyway.
      isNotificationsPerMetricDimensionEnabled: false,
      destinations: ["ocid1.onstopic.oc1.iad.aaaaaaaatopic"],
      repeatNotificationDuration: "PT1H",
      isEnabled: true,
      freeformTags: {
        "autoscale-managed-by": "model-deployment-autoscale",
        "autoscale-deployment-id": MD,
        "autoscale-metric": "CpuUtilization",
      },
    });
  });

  it.each([
    ["CpuUtilization" as const, defaults, ScalingAction.InstanceDown],
    ["MemoryUtilization" as const, defaults, ScalingAction.ShapeDown],
    ["CpuUtilization" as const, custom, ScalingAction.InstanceDown],
    ["MemoryUtilization" as const, custom, ScalingAction.ShapeDown],
  ])("titles the %s alarm so that it routes back to the matching scale-down", (metric, config, action) => {
    const details = scaleDownAlarmDetails(firing, MD, metric, config, 20);
    expect(details.displayName).toBe(details.notificationTitle);
    expect(actionForTitle(details.notificationTitle ?? "", config)).toBe(action);
  });

  it("leaves the message format unset when the firing alarm has none", () => {
    const { messageFormat: _format, ...withoutFormat } = firing;
    expect(scaleDownAlarmDetails(withoutFormat, MD, "MemoryUtilization", defaults, 20).messageFormat).toBeUndefined();
  });

  it("is recognised as this function's alarm for the same deployment and metric", () => {
    const details = scaleDownAlarmDetails(firing, MD, "MemoryUtilization", defaults, 20);
    const summary: models.AlarmSummary = {
      id: "ocid1.alarm.oc1.iad.created",
      displayName: details.displayName,
      compartmentId: details.compartmentId,
      metricCompartmentId: details.metricCompartmentId,
      namespace: details.namespace,
      query: details.query,
      severity: models.AlarmSummary.Severity.Warning,
      destinations: details.destinations,
      isEnabled: true,
      lifecycleState: "ACTIVE",
      freeformTags: details.freeformTags,
    };
    expect(isScaleDownAlarmFor(summary, MD, "MemoryUtilization")).toBe(true);
    expect(isScaleDownAlarmFor(summary, MD, "CpuUtilization")).toBe(false);
  });
});

describe("isScaleDownAlarmFor", () => {
  const ours = {
    [ScaleDownAlarmTag.ManagedBy]: MANAGED_BY_VALUE,
    [ScaleDownAlarmTag.Deployment]: MD,
    [ScaleDownAlarmTag.Metric]: "CpuUtilization",
  };
  const summary = (freeformTags: Record<string, string> | undefined): models.AlarmSummary => ({
    id: "ocid1.alarm.oc1.iad.low",
    displayName: defaults.LOW_CPU_ALARM_NAME,
    compartmentId: firing.compartmentId,
    metricCompartmentId: firing.metricCompartmentId,
    namespace: firing.namespace,
    query: scaleDownAlarmQuery("CpuUtilization", MD, 27),
    severity: models.AlarmSummary.Severity.Warning,
    destinations: firing.destinations,
    isEnabled: true,
    lifecycleState: "ACTIVE",
    freeformTags,
  });

  it("recognises an alarm with all three tags", () => {
    expect(isScaleDownAlarmFor(summary(ours), MD, "CpuUtilization")).toBe(true);
  });

  it("ignores tags it does not know", () => {
    expect(isScaleDownAlarmFor(summary({ ...ours, owner: "ops" }), MD, "CpuUtilization")).toBe(true);
  });

  it.each<{ name: string; tags: Record<string, string> | undefined }>([
    // Same name and query, made by hand: only the tags say it is ours to delete.
    { name: "no tags", tags: undefined },
    { name: "empty tags", tags: {} },
    { name: "another manager", tags: { ...ours, [ScaleDownAlarmTag.ManagedBy]: "someone-else" } },
    { name: "another deployment", tags: { ...ours, [ScaleDownAlarmTag.Deployment]: OTHER_MD } },
    { name: "another metric", tags: { ...ours, [ScaleDownAlarmTag.Metric]: "MemoryUtilization" } },
    {
      name: "no deployment tag",
      tags: { [ScaleDownAlarmTag.ManagedBy]: MANAGED_BY_VALUE, [ScaleDownAlarmTag.Metric]: "CpuUtilization" },
    },
    {
      name: "no metric tag",
      tags: { [ScaleDownAlarmTag.ManagedBy]: MANAGED_BY_VALUE, [ScaleDownAlarmTag.Deployment]: MD },
    },
  ])("does not recognise an alarm with $name", ({ tags }) => {
    expect(isScaleDownAlarmFor(summary(tags), MD, "CpuUtilization")).toBe(false);
  });
});
