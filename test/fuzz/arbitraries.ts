import fc from "fast-check";
import { alarmMessage } from "../../emulator/alarm-messages";

/** Strings an attacker would try in ids, titles and types. */
export const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    "__proto__",
    "constructor",
    'ocid1.datasciencemodeldeployment.oc1.iad.x"} || resourceId = "*',
    'CpuUtilization[1m]{resourceId = "x"}.mean() > 0',
    "ocid1.instance.oc1.iad.anuwcljexample",
    "ocid1.datasciencemodel.oc1.iad.amaaaaaamodel",
    "ocid1.datasciencemodeldeployment.oc1.iad.",
    "ocid1.datasciencemodeldeployment.oc1.iad.AMAAAA$(rm -rf /)",
    "model_deployment_high_cpu\u0000",
    " model_deployment_high_cpu ",
    "\u202emodel_deployment_high_cpu",
    "x".repeat(10_000),
  ),
);

/** Replaces, removes or poisons one field of an otherwise valid message. */
export function mutatedMessage(valid: () => Record<string, unknown>) {
  const paths = [
    ["title"],
    ["type"],
    ["version"],
    ["dedupeKey"],
    ["timestampEpochMillis"],
    ["alarmMetaData"],
    ["alarmMetaData", 0],
    ["alarmMetaData", 0, "id"],
    ["alarmMetaData", 0, "query"],
    ["alarmMetaData", 0, "dimensions"],
    ["alarmMetaData", 0, "dimensions", 0],
    ["alarmMetaData", 0, "dimensions", 0, "resourceId"],
    ["alarmMetaData", 0, "metricValues"],
  ] as const;
  const replacement = fc.oneof(fc.jsonValue({ maxDepth: 3 }), hostileString, fc.constant(undefined));
  return fc.tuple(fc.constantFrom(...paths), replacement, fc.boolean()).map(([path, value, poison]) => {
    const message = valid();
    let node: Record<string | number, unknown> = message;
    for (const key of path.slice(0, -1)) {
      const next = node[key];
      if (typeof next !== "object" || next === null) return JSON.stringify(message);
      node = next as Record<string | number, unknown>;
    }
    const last = path[path.length - 1] as string | number;
    if (value === undefined) delete node[last];
    else node[last] = value;
    const text = JSON.stringify(message);
    // JSON.stringify never writes a "__proto__" key from an object literal, so splice one in as text.
    return poison ? text.replace(/^\{/, '{"__proto__":{"polluted":true},') : text;
  });
}

export const hugeMessage = fc.integer({ min: 101, max: 5_000 }).map((streams) =>
  JSON.stringify(
    alarmMessage({
      title: "model_deployment_high_cpu",
      alarmId: "ocid1.alarm.oc1.iad.aaaaaaaahuge",
      deploymentIds: Array.from({ length: streams }, (_, i) => `ocid1.datasciencemodeldeployment.oc1.iad.amaaaaaa${i}`),
    }),
  ),
);

export const deeplyNested = fc
  .integer({ min: 1_000, max: 200_000 })
  .chain((depth) =>
    fc.constantFrom(
      `${"[".repeat(depth)}${"]".repeat(depth)}`,
      `{"title":${'{"a":'.repeat(depth)}1${"}".repeat(depth)}}`,
    ),
  );

export const invalidUtf8 = fc
  .uint8Array({ minLength: 1, maxLength: 256 })
  .map((bytes) =>
    Buffer.concat([Buffer.from('{"title":"'), Buffer.from(bytes), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]),
  );
