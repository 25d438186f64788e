import { describe, expect, it } from "vitest";
import { type AlarmMessage, AlarmMessageSchema } from "../../src/message/alarm-message";
import { deploymentsInAlarm, isModelDeploymentId } from "../../src/message/deployments-in-alarm";

const MD_A = "ocid1.datasciencemodeldeployment.oc1.iad.amaaaaaaaaaaaaaa";
const MD_B = "ocid1.datasciencemodeldeployment.oc1.iad.amaaaaaabbbbbbbb";
const MD_C = "ocid1.datasciencemodeldeployment.oc1.phx.amaaaaaacccccccc";
const HIGH_CPU = "ocid1.alarm.oc1.iad.aaaaaaaahighcpu";
const OTHER_ALARM = "ocid1.alarm.oc1.iad.aaaaaaaaother";

interface MetadataInput {
  id?: string;
  query?: string | null;
  dimensions?: Record<string, string>[] | null;
}

/** A message as the schema reads it, one alarmMetaData entry per argument. */
function message(...entries: MetadataInput[]): AlarmMessage {
  return AlarmMessageSchema.parse({
    title: "model_deployment_high_cpu",
    type: "OK_TO_FIRING",
    alarmMetaData: entries.map((entry) => ({ id: HIGH_CPU, ...entry })),
  });
}

const stream = (resourceId: string, instance = "1") => ({
  resourceId,
  instanceId: `ocid1.instance.oc1.iad.anaaaaaa${instance}`,
});

describe("deploymentsInAlarm", () => {
  it.each([
    {
      name: "one stream",
      alarm: message({ dimensions: [stream(MD_A)] }),
      expected: [MD_A],
    },
    {
      // Without groupBy(resourceId) every instance of a deployment is its own metric stream.
      name: "per-instance streams of one deployment",
      alarm: message({ dimensions: [stream(MD_A, "1"), stream(MD_A, "2"), stream(MD_A, "3")] }),
      expected: [MD_A],
    },
    {
      name: "a grouped message over several deployments, in order of first appearance",
      alarm: message({ dimensions: [stream(MD_B), stream(MD_A), stream(MD_B, "2"), stream(MD_C)] }),
      expected: [MD_B, MD_A, MD_C],
    },
    {
      name: "several alarm entries",
      alarm: message({ dimensions: [stream(MD_A)] }, { id: OTHER_ALARM, dimensions: [stream(MD_B), stream(MD_A)] }),
      expected: [MD_A, MD_B],
    },
    {
      name: "streams whose resourceId has stray whitespace",
      alarm: message({ dimensions: [{ resourceId: ` ${MD_A}\n` }, { resourceId: MD_A }] }),
      expected: [MD_A],
    },
    {
      name: "streams without a resourceId next to streams with one",
      alarm: message({ dimensions: [{ instanceId: "x" }, stream(MD_A)], query: `X{resourceId = "${MD_B}"}` }),
      expected: [MD_A],
    },
  ])("lists each deployment once: $name", ({ alarm, expected }) => {
    expect(deploymentsInAlarm(alarm).map((t) => t.deploymentId)).toEqual(expected);
  });

  it("credits each deployment to the first alarm that names it", () => {
    const alarm = message(
      { id: HIGH_CPU, dimensions: [stream(MD_A)] },
      { id: OTHER_ALARM, dimensions: [stream(MD_A), stream(MD_B)] },
    );
    expect(deploymentsInAlarm(alarm)).toEqual([
      { deploymentId: MD_A, firingAlarmId: HIGH_CPU },
      { deploymentId: MD_B, firingAlarmId: OTHER_ALARM },
    ]);
  });

  it.each([
    {
      name: "empty dimensions (FIRING_TO_OK)",
      entry: { dimensions: [], query: `CpuUtilization[5m]{resourceId = "${MD_A}"}.mean() > 80` },
      expected: [MD_A],
    },
    {
      name: "null dimensions",
      entry: { dimensions: null, query: `CpuUtilization[5m]{resourceId="${MD_A}"}.mean() > 80` },
      expected: [MD_A],
    },
    {
      // .grouping() merges all streams into one, which carries no resourceId dimension.
      name: "one stream without resourceId (.grouping())",
      entry: { dimensions: [{}], query: `CpuUtilization[5m]{resourceId = "${MD_A}"}.grouping().mean() > 80` },
      expected: [MD_A],
    },
    {
      name: "a query naming two deployments",
      entry: {
        dimensions: [],
        query: `CpuUtilization[5m]{resourceId = "${MD_A}" || resourceId  =  "${MD_B}"}.mean() > 80`,
      },
      expected: [MD_A, MD_B],
    },
    {
      name: "a query filtering on other dimensions only",
      entry: { dimensions: [], query: 'CpuUtilization[5m]{instanceId = "ocid1.instance.oc1.iad.x"}.mean() > 80' },
      expected: [],
    },
    {
      // `!=` excludes the deployment: it must not be read as naming it.
      name: "a query excluding a deployment",
      entry: { dimensions: [], query: `CpuUtilization[5m]{resourceId != "${MD_A}"}.mean() > 80` },
      expected: [],
    },
    {
      name: "an empty resourceId in the query",
      entry: { dimensions: [], query: 'CpuUtilization[5m]{resourceId = ""}.mean() > 80' },
      expected: [],
    },
    { name: "no query", entry: { dimensions: [], query: null }, expected: [] },
  ])("falls back to resourceId in the query when the streams name none: $name", ({ entry, expected }) => {
    expect(deploymentsInAlarm(message(entry)).map((t) => t.deploymentId)).toEqual(expected);
  });

  it("returns ids of other resources as they are; the caller decides what to do with them", () => {
    const instance = "ocid1.instance.oc1.iad.anaaaaaa1";
    expect(deploymentsInAlarm(message({ dimensions: [{ resourceId: instance }] }))).toEqual([
      { deploymentId: instance, firingAlarmId: HIGH_CPU },
    ]);
  });
});

describe("isModelDeploymentId", () => {
  it.each([
    "ocid1.datasciencemodeldeployment.oc1.iad.amaaaaaav66vvniaqsyu2nufljutkn5q6ykcrxlwbxvalhxa4kx6rzqdbpa",
    "ocid1.datasciencemodeldeployment.oc1.us-ashburn-1.amaaaaaa1234",
    "ocid1.datasciencemodeldeployment.oc2.phx.a",
    // The region part is empty for resources that are not regional.
    "ocid1.datasciencemodeldeployment.oc1..amaaaaaa1234",
  ])("accepts %s", (id) => {
    expect(isModelDeploymentId(id)).toBe(true);
  });

  it.each([
    ["a model", "ocid1.datasciencemodel.oc1.iad.amaaaaaa1234"],
    ["a compute instance", "ocid1.instance.oc1.iad.anaaaaaa1234"],
    ["an alarm", "ocid1.alarm.oc1.iad.aaaaaaaa1234"],
    ["a notebook session", "ocid1.datasciencenotebooksession.oc1.iad.amaaaaaa1234"],
    ["the empty string", ""],
    ["an id with a closing quote", `${MD_A}"`],
    ["an MQL injection", `${MD_A}"}.mean() > 0 || CpuUtilization[1m]{resourceId = "x`],
    ["an id with a trailing newline", `${MD_A}\n`],
    ["an id with leading whitespace", ` ${MD_A}`],
    ["upper case", MD_A.toUpperCase()],
    ["a wildcard", "ocid1.datasciencemodeldeployment.oc1.iad.*"],
    ["an id without unique part", "ocid1.datasciencemodeldeployment.oc1.iad."],
    ["a unique part over 128 characters", `ocid1.datasciencemodeldeployment.oc1.iad.${"a".repeat(129)}`],
    ["an ocid2 id", "ocid2.datasciencemodeldeployment.oc1.iad.amaaaaaa1234"],
    ["a path", "../ocid1.datasciencemodeldeployment.oc1.iad.amaaaaaa1234"],
  ])("refuses %s", (_name, id) => {
    expect(isModelDeploymentId(id)).toBe(false);
  });
});
