import { describe, expect, it } from "vitest";
import { decodeAlarm } from "../../src/message/alarm-decoding";
import highCpuAlarm from "./fixtures/high-cpu-alarm.json";

const LIMIT = 1024 * 1024;
const utf8 = (text: string) => new TextEncoder().encode(text);

/** A fresh copy of the real grouped high-CPU message, changed by `edit`. */
function alarm(edit: (message: Record<string, unknown>) => void = () => {}): Uint8Array {
  const message: Record<string, unknown> = structuredClone(highCpuAlarm);
  edit(message);
  return utf8(JSON.stringify(message));
}

function firstMetadata(message: Record<string, unknown>): Record<string, unknown> {
  const entries = message.alarmMetaData as Record<string, unknown>[];
  const first = entries[0];
  if (!first) throw new Error("fixture has no alarmMetaData");
  return first;
}

function decodedMessage(body: Uint8Array) {
  const decoded = decodeAlarm(body, LIMIT);
  if (!decoded.ok) throw new Error(`expected a message, got ${decoded.reason}: ${decoded.problems.join("; ")}`);
  return decoded.message;
}

function rejection(body: Uint8Array, maxBytes = LIMIT) {
  const decoded = decodeAlarm(body, maxBytes);
  if (decoded.ok) throw new Error("expected a rejection");
  return decoded;
}

describe("decodeAlarm", () => {
  it("decodes a real grouped alarm message", () => {
    const message = decodedMessage(alarm());
    expect(message).toMatchObject({
      title: "model_deployment_high_cpu",
      type: "OK_TO_FIRING",
      body: null,
      version: 1.5,
      timestampEpochMillis: 1657320300000,
    });
    expect(message.alarmMetaData).toHaveLength(1);
    expect(message.alarmMetaData[0]?.dimensions).toHaveLength(2);
    expect(message.alarmMetaData[0]?.metricValues?.[0]).toEqual({
      'CpuUtilization[5m]{resourceId = "ocid1.datasciencemodeldeployment.oc1.iad.amaaaaaafirst"}.mean()': "92.31",
    });
  });

  describe("size cap", () => {
    const body = alarm();

    it("accepts a body of exactly MAX_BODY_BYTES", () => {
      expect(decodeAlarm(body, body.byteLength).ok).toBe(true);
    });

    it("rejects a body one byte over MAX_BODY_BYTES before reading it", () => {
      const rejected = rejection(body, body.byteLength - 1);
      expect(rejected.reason).toBe(
        `body is ${body.byteLength} bytes; the limit is ${body.byteLength - 1} (MAX_BODY_BYTES)`,
      );
      expect(rejected.problems).toEqual([]);
    });
  });

  it.each([
    { name: "a lone continuation byte", bytes: [0x7b, 0x80, 0x7d] },
    { name: "0xff", bytes: [0x7b, 0xff, 0x7d] },
    { name: "a truncated two-byte sequence", bytes: [0x7b, 0x22, 0xc3, 0x22, 0x7d] },
    { name: "an overlong encoding of '/'", bytes: [0xc0, 0xaf] },
    { name: "an encoded UTF-16 surrogate", bytes: [0xed, 0xa0, 0x80] },
  ])("rejects invalid UTF-8: $name", ({ bytes }) => {
    expect(rejection(Uint8Array.from(bytes)).reason).toBe("body is not valid UTF-8");
  });

  it("skips a UTF-8 byte order mark", () => {
    const body = alarm();
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...body]);
    expect(decodedMessage(withBom).title).toBe("model_deployment_high_cpu");
  });

  it("keeps multi-byte characters intact", () => {
    const message = decodedMessage(
      alarm((m) => {
        m.title = "Hochlast – Modell 🚀";
      }),
    );
    expect(message.title).toBe("Hochlast – Modell 🚀");
  });

  it.each([
    ["no bytes", ""],
    ["whitespace", "  \n\t "],
    ["only a byte order mark", "\uFEFF"],
  ])("rejects an empty body (%s)", (_name, text) => {
    expect(rejection(utf8(text)).reason).toBe("body is empty; expected an OCI Monitoring alarm message (JSON)");
  });

  it.each([
    ["truncated object", '{"title": "x"'],
    ["single quotes", "{'title': 'x'}"],
    ["trailing comma", '{"title": "x",}'],
    ["plain text", "model_deployment_high_cpu"],
    ["two documents", "{} {}"],
  ])("rejects malformed JSON (%s)", (_name, text) => {
    const rejected = rejection(utf8(text));
    expect(rejected.reason).toMatch(/^body is not valid JSON: /);
    expect(rejected.problems).toEqual([]);
  });

  it.each([
    ["unterminated", "[".repeat(100_000)],
    ["balanced", `${"[".repeat(100_000)}${"]".repeat(100_000)}`],
    [
      "inside a dimension",
      `{"title":"t","type":"REPEAT","alarmMetaData":[{"id":"a","dimensions":[{"x":${"[".repeat(100_000)}${"]".repeat(100_000)}}]}]}`,
    ],
  ])("rejects deep nesting (%s) instead of throwing", (_name, text) => {
    const decoded = decodeAlarm(utf8(text), 10 * LIMIT);
    expect(decoded.ok).toBe(false);
  });

  it("drops __proto__ keys at every level and leaves Object.prototype alone", () => {
    const text = JSON.stringify(highCpuAlarm).replace('"resourceId":', '"__proto__":{"polluted":"yes"},"resourceId":');
    const withProto = `{"__proto__":{"polluted":"yes"},${text.slice(1)}`;
    const message = decodedMessage(utf8(withProto));
    const dimensions = message.alarmMetaData[0]?.dimensions[0] ?? {};
    expect(Object.keys(dimensions)).toEqual(["resourceId", "instanceId"]);
    expect(Object.hasOwn(dimensions, "__proto__")).toBe(false);
    expect(Object.getPrototypeOf(dimensions)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    {
      name: "missing title",
      edit: (m: Record<string, unknown>) => delete m.title,
      path: "title",
    },
    {
      name: "empty title",
      edit: (m: Record<string, unknown>) => {
        m.title = "";
      },
      path: "title",
    },
    {
      name: "no alarmMetaData entries",
      edit: (m: Record<string, unknown>) => {
        m.alarmMetaData = [];
      },
      path: "alarmMetaData",
    },
    {
      name: "an alarm entry without id",
      edit: (m: Record<string, unknown>) => delete firstMetadata(m).id,
      path: "alarmMetaData.0.id",
    },
    {
      name: "a numeric dimension value",
      edit: (m: Record<string, unknown>) => {
        firstMetadata(m).dimensions = [{ resourceId: 42 }];
      },
      path: "alarmMetaData.0.dimensions.0.resourceId",
    },
    {
      name: "totalMetricsFiring as a string",
      edit: (m: Record<string, unknown>) => {
        firstMetadata(m).totalMetricsFiring = "2";
      },
      path: "alarmMetaData.0.totalMetricsFiring",
    },
  ])("rejects a message with $name, naming the path", ({ edit, path }) => {
    const rejected = rejection(alarm(edit));
    expect(rejected.reason).toBe("body is not an OCI Monitoring alarm message");
    expect(rejected.problems).toHaveLength(1);
    expect(rejected.problems[0]).toMatch(new RegExp(`^${path.replaceAll(".", "\\.")}: `));
  });

  it.each([
    ["null", "null"],
    ["an array", "[]"],
    ["a string", '"model_deployment_high_cpu"'],
  ])("rejects %s at the root, naming (root)", (_name, text) => {
    expect(rejection(utf8(text)).problems).toEqual([expect.stringMatching(/^\(root\): /)]);
  });

  it("reports at most 20 problems", () => {
    const body = alarm((m) => {
      m.alarmMetaData = Array.from({ length: 30 }, () => ({ status: "FIRING" }));
    });
    const rejected = rejection(body);
    expect(rejected.problems).toHaveLength(20);
    expect(rejected.problems[19]).toMatch(/^alarmMetaData\.19\.id: /);
  });

  it.each([
    [1, 1],
    [1.1, 1.1],
    [1.3, 1.3],
    [1.5, 1.5],
    // A numeric string is read as the number it spells.
    ["1.5", 1.5],
    ["1", 1],
    [null, null],
  ])("accepts version %j", (version, expected) => {
    const message = decodedMessage(
      alarm((m) => {
        m.version = version;
      }),
    );
    expect(message.version).toBe(expected);
  });

  it("accepts a message without version", () => {
    const message = decodedMessage(alarm((m) => delete m.version));
    expect(message.version).toBeUndefined();
  });

  it.each([2, "2", 2.5, 0.9, 0, "abc", "1.5.0", "v1", true])("rejects version %j", (version) => {
    const rejected = rejection(
      alarm((m) => {
        m.version = version;
      }),
    );
    expect(rejected.problems).toEqual([expect.stringMatching(/^version: /)]);
  });

  it("tolerates unknown fields and drops them", () => {
    const message = decodedMessage(
      alarm((m) => {
        m.futureField = { nested: true };
        firstMetadata(m).suppressionReason = "maintenance";
      }),
    );
    expect(message).not.toHaveProperty("futureField");
    expect(message.alarmMetaData[0]).not.toHaveProperty("suppressionReason");
  });

  it("tolerates a null body and null dimensions, reading the dimensions as none", () => {
    const message = decodedMessage(
      alarm((m) => {
        m.body = null;
        firstMetadata(m).dimensions = null;
        firstMetadata(m).metricValues = null;
      }),
    );
    expect(message.body).toBeNull();
    expect(message.alarmMetaData[0]?.dimensions).toEqual([]);
  });

  it("reads missing dimensions as none", () => {
    const message = decodedMessage(alarm((m) => delete firstMetadata(m).dimensions));
    expect(message.alarmMetaData[0]?.dimensions).toEqual([]);
  });

  describe("advisory fields never reject a real alarm", () => {
    const KEY = 'CpuUtilization[5m]{resourceId = "ocid1.datasciencemodeldeployment.oc1.iad.amaaaaaafirst"}.mean()';
    const withMetricValues = (metricValues: unknown) =>
      decodedMessage(
        alarm((m) => {
          firstMetadata(m).metricValues = metricValues;
        }),
      ).alarmMetaData[0]?.metricValues;

    it("reads a numeric value as the number", () => {
      expect(withMetricValues([{ [KEY]: 92.31 }, { [KEY]: "88.02" }])).toEqual([{ [KEY]: 92.31 }, { [KEY]: "88.02" }]);
    });

    it.each([[null], [true], [{ nested: "1" }], [["90"]]])("drops a value %j, keeping the entry's others", (value) => {
      expect(withMetricValues([{ [KEY]: value, other: "90" }, { [KEY]: "88.02" }])).toEqual([
        { other: "90" },
        { [KEY]: "88.02" },
      ]);
    });

    it.each([[null], ["92.31"], [92.31], [["92.31"]]])("reads an entry %j as empty, keeping its place", (entry) => {
      expect(withMetricValues([entry, { [KEY]: "88.02" }])).toEqual([{}, { [KEY]: "88.02" }]);
    });

    it.each([
      ["a string", "92.31"],
      ["an object", { [KEY]: "92.31" }],
      ["a number", 92.31],
      ["more entries than streams can be", Array.from({ length: 1_001 }, () => ({ [KEY]: "90" }))],
    ])("ignores a metricValues that is %s", (_name, metricValues) => {
      expect(withMetricValues(metricValues)).toBeUndefined();
    });

    it("accepts a title longer than 255 characters, cut to 255 and an ellipsis", () => {
      const message = decodedMessage(
        alarm((m) => {
          m.title = `Alarm model_deployment_high_cpu is FIRING: ${"x".repeat(300)}`;
        }),
      );
      expect(message.title).toHaveLength(256);
      expect(message.title).toBe(`Alarm model_deployment_high_cpu is FIRING: ${"x".repeat(212)}…`);
    });

    it("keeps a title of exactly 255 characters as it is", () => {
      const title = "t".repeat(255);
      expect(
        decodedMessage(
          alarm((m) => {
            m.title = title;
          }),
        ).title,
      ).toBe(title);
    });
  });

  it("accepts a FIRING_TO_OK message with empty dimensions", () => {
    const message = decodedMessage(
      alarm((m) => {
        m.type = "FIRING_TO_OK";
        firstMetadata(m).status = "OK";
        firstMetadata(m).dimensions = [];
      }),
    );
    expect(message.type).toBe("FIRING_TO_OK");
  });
});
