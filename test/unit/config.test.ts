import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/policy/config";
import { DEFAULT_SHAPE_LADDERS } from "../../src/policy/shape-ladders";

/** The problems of the ConfigError that loadConfig throws for this environment. */
function problemsFor(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

describe("loadConfig", () => {
  it("gives every key its default when the environment is empty", () => {
    expect(loadConfig({})).toMatchObject({
      HIGH_CPU_ALARM_NAME: "model_deployment_high_cpu",
      LOW_CPU_ALARM_NAME: "model_deployment_low_cpu",
      HIGH_MEM_ALARM_NAME: "model_deployment_high_mem",
      LOW_MEM_ALARM_NAME: "model_deployment_low_mem",
      MIN_INSTANCES: 1,
      MAX_INSTANCES: 10,
      LOW_CPU_THRESHOLD: "auto",
      LOW_MEM_THRESHOLD: "auto",
      HIGH_MEM_THRESHOLD: 80,
      LOW_ALARM_PENDING_DURATION: "PT15M",
      LOW_ALARM_REPEAT_DURATION: "PT5M",
      SHAPE_LADDERS: DEFAULT_SHAPE_LADDERS,
      DRY_RUN: false,
      SCALE_UP_COOLDOWN_SECONDS: 300,
      SCALE_DOWN_COOLDOWN_SECONDS: 600,
      ALLOWED_COMPARTMENT_IDS: [],
      VERIFY_FIRING_ALARM: true,
      VERIFY_FIRING_STATE: true,
      MAX_DEPLOYMENTS_PER_MESSAGE: 50,
      MAX_BODY_BYTES: 1024 * 1024,
      OCI_MAX_ATTEMPTS: 3,
      OCI_REQUEST_TIMEOUT_SECONDS: 10,
      DEFAULT_TIMEOUT_SECONDS: 60,
      OCI_CONFIG_PROFILE: "DEFAULT",
    });
  });

  it("leaves the optional endpoints and credentials unset by default", () => {
    const config = loadConfig({});
    for (const key of [
      "OCI_DATASCIENCE_ENDPOINT",
      "OCI_MONITORING_ENDPOINT",
      "OCI_CONFIG_FILE",
      "OCI_RESOURCE_PRINCIPAL_VERSION",
    ] as const) {
      expect(config[key]).toBeUndefined();
    }
  });

  it("treats a blank value as unset, as it treats an empty one", () => {
    expect(loadConfig({ HIGH_CPU_ALARM_NAME: "   ", MIN_INSTANCES: " " })).toMatchObject({
      HIGH_CPU_ALARM_NAME: "model_deployment_high_cpu",
      MIN_INSTANCES: 1,
    });
  });

  it("treats empty strings as unset so `fn config` can clear a key", () => {
    const config = loadConfig({ MIN_INSTANCES: "", MAX_INSTANCES: "", VERIFY_FIRING_ALARM: "", SHAPE_LADDERS: "" });
    // VERIFY_FIRING_ALARM defaults to true, while "" itself would read as false.
    expect(config).toMatchObject({ MIN_INSTANCES: 1, MAX_INSTANCES: 10, VERIFY_FIRING_ALARM: true });
    expect(config.SHAPE_LADDERS).toEqual(DEFAULT_SHAPE_LADDERS);
  });

  it("ignores variables it does not know", () => {
    const config = loadConfig({ PATH: "/usr/bin", FN_FORMAT: "http-stream" });
    expect(config).not.toHaveProperty("PATH");
    expect(config).not.toHaveProperty("FN_FORMAT");
  });

  it.each([
    { env: { MIN_INSTANCES: "2", MAX_INSTANCES: "4" }, expected: { MIN_INSTANCES: 2, MAX_INSTANCES: 4 } },
    { env: { MIN_INSTANCES: " 3 ", MAX_INSTANCES: "3" }, expected: { MIN_INSTANCES: 3, MAX_INSTANCES: 3 } },
    {
      env: { LOW_CPU_THRESHOLD: "7.5", LOW_MEM_THRESHOLD: "0" },
      expected: { LOW_CPU_THRESHOLD: 7.5, LOW_MEM_THRESHOLD: 0 },
    },
    { env: { HIGH_CPU_ALARM_NAME: "  busy  " }, expected: { HIGH_CPU_ALARM_NAME: "busy" } },
    { env: { LOW_ALARM_PENDING_DURATION: "PT1H30M" }, expected: { LOW_ALARM_PENDING_DURATION: "PT1H30M" } },
    { env: { LOW_ALARM_REPEAT_DURATION: "PT2H" }, expected: { LOW_ALARM_REPEAT_DURATION: "PT2H" } },
    { env: { OCI_REQUEST_TIMEOUT_SECONDS: "2.5" }, expected: { OCI_REQUEST_TIMEOUT_SECONDS: 2.5 } },
    { env: { MAX_BODY_BYTES: "1024" }, expected: { MAX_BODY_BYTES: 1024 } },
    { env: { MAX_BODY_BYTES: String(6 * 1024 * 1024) }, expected: { MAX_BODY_BYTES: 6 * 1024 * 1024 } },
    {
      env: { OCI_DATASCIENCE_ENDPOINT: " http://127.0.0.1:8080 " },
      expected: { OCI_DATASCIENCE_ENDPOINT: "http://127.0.0.1:8080" },
    },
    { env: { OCI_CONFIG_FILE: "/home/fn/.oci/config" }, expected: { OCI_CONFIG_FILE: "/home/fn/.oci/config" } },
    // A cooldown of 0 turns it off.
    { env: { SCALE_UP_COOLDOWN_SECONDS: "0" }, expected: { SCALE_UP_COOLDOWN_SECONDS: 0 } },
    { env: { SCALE_DOWN_COOLDOWN_SECONDS: "86400" }, expected: { SCALE_DOWN_COOLDOWN_SECONDS: 86_400 } },
    { env: { VERIFY_FIRING_ALARM: "false" }, expected: { VERIFY_FIRING_ALARM: false } },
    {
      env: { ALLOWED_COMPARTMENT_IDS: " ocid1.compartment.oc1..aaaa1 ,, ocid1.tenancy.oc1..aaaa2," },
      expected: { ALLOWED_COMPARTMENT_IDS: ["ocid1.compartment.oc1..aaaa1", "ocid1.tenancy.oc1..aaaa2"] },
    },
    // Only separators: no compartment named, the same as unset.
    { env: { ALLOWED_COMPARTMENT_IDS: " , " }, expected: { ALLOWED_COMPARTMENT_IDS: [] } },
    { env: { OCI_RESOURCE_PRINCIPAL_VERSION: "2.2" }, expected: { OCI_RESOURCE_PRINCIPAL_VERSION: "2.2" } },
  ])("reads $env", ({ env, expected }) => {
    expect(loadConfig(env)).toMatchObject(expected);
  });

  it.each([
    ["true", true],
    ["TRUE", true],
    [" yes ", true],
    ["1", true],
    ["false", false],
    ["No", false],
    ["0", false],
  ])("reads DRY_RUN=%j as %s", (raw, expected) => {
    expect(loadConfig({ DRY_RUN: raw }).DRY_RUN).toBe(expected);
  });

  it.each([
    { env: { DRY_RUN: "maybe" }, problem: "DRY_RUN: expected true or false" },
    { env: { MIN_INSTANCES: "0" }, problem: "MIN_INSTANCES: Too small" },
    { env: { MIN_INSTANCES: "-1" }, problem: "MIN_INSTANCES: expected a whole number" },
    { env: { MAX_INSTANCES: "1.5" }, problem: "MAX_INSTANCES: expected a whole number" },
    { env: { MAX_INSTANCES: "1001" }, problem: "MAX_INSTANCES: Too big" },
    { env: { LOW_CPU_THRESHOLD: "101" }, problem: "LOW_CPU_THRESHOLD: expected auto or a percentage from 0 to 100" },
    { env: { LOW_MEM_THRESHOLD: "1e1" }, problem: "LOW_MEM_THRESHOLD: expected auto or a percentage from 0 to 100" },
    { env: { HIGH_MEM_THRESHOLD: "0" }, problem: "HIGH_MEM_THRESHOLD: Too small" },
    { env: { OCI_MAX_ATTEMPTS: "11" }, problem: "OCI_MAX_ATTEMPTS: Too big" },
    { env: { MAX_BODY_BYTES: "1023" }, problem: "MAX_BODY_BYTES: Too small" },
    { env: { DEFAULT_TIMEOUT_SECONDS: "301" }, problem: "DEFAULT_TIMEOUT_SECONDS: Too big" },
    { env: { OCI_REQUEST_TIMEOUT_SECONDS: "0.5" }, problem: "OCI_REQUEST_TIMEOUT_SECONDS: Too small" },
    {
      env: { LOW_ALARM_PENDING_DURATION: "P1D" },
      problem: "LOW_ALARM_PENDING_DURATION: expected an ISO-8601 duration",
    },
    { env: { LOW_ALARM_REPEAT_DURATION: "pt5m" }, problem: "LOW_ALARM_REPEAT_DURATION: expected an ISO-8601 duration" },
    {
      env: { LOW_ALARM_REPEAT_DURATION: "PT30S" },
      problem: "LOW_ALARM_REPEAT_DURATION: expected an ISO-8601 duration",
    },
    { env: { LOW_MEM_ALARM_NAME: "x".repeat(256) }, problem: "LOW_MEM_ALARM_NAME: Too big" },
    { env: { OCI_MONITORING_ENDPOINT: "not a url" }, problem: "OCI_MONITORING_ENDPOINT: expected an http(s):// URL" },
    { env: { SCALE_UP_COOLDOWN_SECONDS: "86401" }, problem: "SCALE_UP_COOLDOWN_SECONDS: Too big" },
    { env: { SCALE_DOWN_COOLDOWN_SECONDS: "5m" }, problem: "SCALE_DOWN_COOLDOWN_SECONDS: expected a whole number" },
    { env: { VERIFY_FIRING_ALARM: "off" }, problem: "VERIFY_FIRING_ALARM: expected true or false" },
    {
      env: { ALLOWED_COMPARTMENT_IDS: "ocid1.compartment.oc1..aaaa1,ocid1.datasciencemodeldeployment.oc1.iad.x" },
      problem: "ALLOWED_COMPARTMENT_IDS.1: expected compartment OCIDs",
    },
  ])("rejects $env naming the variable", ({ env, problem }) => {
    const problems = problemsFor(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(problem);
  });

  it("throws a ConfigError whose message lists every problem", () => {
    const load = () => loadConfig({ DRY_RUN: "maybe", OCI_MAX_ATTEMPTS: "0" });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/^invalid configuration: DRY_RUN: .*; OCI_MAX_ATTEMPTS: /);
  });

  it.each([
    { MIN_INSTANCES: "5", MAX_INSTANCES: "3" },
    { MIN_INSTANCES: "2", MAX_INSTANCES: "1" },
    // MAX_INSTANCES defaults to 10, so a floor above it is refused without MAX_INSTANCES being set.
    { MIN_INSTANCES: "11" },
  ])("refuses MIN_INSTANCES above MAX_INSTANCES (%o)", (env) => {
    expect(problemsFor(env)).toEqual(["MIN_INSTANCES: MIN_INSTANCES must not exceed MAX_INSTANCES"]);
  });

  it("accepts MIN_INSTANCES equal to MAX_INSTANCES", () => {
    expect(loadConfig({ MIN_INSTANCES: "4", MAX_INSTANCES: "4" })).toMatchObject({
      MIN_INSTANCES: 4,
      MAX_INSTANCES: 4,
    });
  });

  it("reports the MIN>MAX problem together with unrelated problems", () => {
    expect(problemsFor({ MIN_INSTANCES: "5", MAX_INSTANCES: "3", DRY_RUN: "maybe" })).toEqual([
      "DRY_RUN: expected true or false",
      "MIN_INSTANCES: MIN_INSTANCES must not exceed MAX_INSTANCES",
    ]);
  });

  // Regression (fixed): the MIN<=MAX refinement runs on the raw strings when a count failed to parse,
  // so a non-numeric value ("two" <= 10 is false) adds a second, false problem to the report.
  it("reports only the parse problem when MIN_INSTANCES is not a number", () => {
    expect(problemsFor({ MIN_INSTANCES: "two" })).toEqual(["MIN_INSTANCES: expected a whole number"]);
  });

  // Regression (fixed): both groups of /^PT(\d+H)?(\d+M)?$/ are optional, so "PT" (no duration at all)
  // and zero durations pass; Monitoring accepts PT1M at the least and would refuse the scale-down alarm.
  it.each(["PT", "PT0M"])("rejects LOW_ALARM_PENDING_DURATION=%j", (raw) => {
    expect(problemsFor({ LOW_ALARM_PENDING_DURATION: raw })).toHaveLength(1);
  });

  // Regression (fixed): nothing stops two actions from sharing one alarm name; routing
  // (src/message/alarm-routing.ts) then silently keeps the later one, so with these values a high-CPU alarm scales DOWN.
  it("refuses two actions sharing one alarm name", () => {
    expect(problemsFor({ HIGH_CPU_ALARM_NAME: "md-cpu", LOW_CPU_ALARM_NAME: "md-cpu" })).toHaveLength(1);
  });

  // Regression (fixed): z.string().url() accepts any scheme, and "localhost:8080" parses as scheme
  // "localhost:"; the SDK client then fails at the first call instead of at start-up.
  it.each(["localhost:8080", "ftp://127.0.0.1:8080"])("rejects OCI_DATASCIENCE_ENDPOINT=%j", (raw) => {
    expect(problemsFor({ OCI_DATASCIENCE_ENDPOINT: raw })).toHaveLength(1);
  });
});

describe("loadConfig SHAPE_LADDERS", () => {
  it("reads custom ladders from JSON", () => {
    const raw = JSON.stringify([["A.1", "A.2"], ["B.1"]]);
    expect(loadConfig({ SHAPE_LADDERS: raw }).SHAPE_LADDERS).toEqual([["A.1", "A.2"], ["B.1"]]);
  });

  it("does not hand out the module's default ladders, so a caller cannot change them", () => {
    const ladders = loadConfig({}).SHAPE_LADDERS;
    expect(ladders).toEqual(DEFAULT_SHAPE_LADDERS);
    expect(ladders).not.toBe(DEFAULT_SHAPE_LADDERS);
    expect(ladders[0]).not.toBe(DEFAULT_SHAPE_LADDERS[0]);
  });

  it.each([
    { raw: "not json", problem: "expected JSON such as" },
    { raw: '{"VM.Standard2.1":1}', problem: "expected array" },
    { raw: "[]", problem: "Too small" },
    { raw: "[[]]", problem: "Too small" },
    { raw: '[["VM.Standard2.1", ""]]', problem: "Too small" },
    { raw: '[["VM.Standard2.1", 2]]', problem: "expected string" },
    { raw: '["VM.Standard2.1"]', problem: "expected array" },
    { raw: '[["A.1","A.2"],["A.2","A.4"]]', problem: "shape A.2 is on more than one rung" },
    // A shape twice on one ladder would make "the next rung" ambiguous too.
    { raw: '[["A.1","A.1"]]', problem: "shape A.1 is on more than one rung" },
  ])("rejects $raw", ({ raw, problem }) => {
    const problems = problemsFor({ SHAPE_LADDERS: raw });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^SHAPE_LADDERS: /);
    expect(problems[0]).toContain(problem);
  });
});
