import { describe, expect, it } from "vitest";
import { seedForecastSchedule } from "../../emulator/forecast-seed";
import { forecastBody } from "../../src/message/forecast-body";
import { FORECAST_SCHEDULE_NAME, forecastResource, MANAGED_BY_TAG } from "../../src/run/forecast-schedule";
import { useSetupEmulator } from "./setup-harness";

const harness = useSetupEmulator("ocid1.compartment.oc1..setupforecast");
const setup = harness.setup;

let tenancies = 0;

/** After `fn deploy`, in a compartment of its own: two deployments, the function, setup's arguments for each. */
function afterFnDeploy() {
  tenancies += 1;
  const { emulator } = harness;
  const compartmentId = `ocid1.compartment.oc1..forecast${tenancies}`;
  const [first, second] = [1, 2].map(() => emulator.seedDeployment({ compartmentId, instanceCount: 2 }).id) as [
    string,
    string,
  ];
  const app = emulator.seedApplication({ compartmentId, displayName: "model-deployment-scaling", config: {} });
  const fn = emulator.seedFunction({ applicationId: app.id, displayName: "model-deployment-autoscale", config: {} });
  const topicName = `model-deployment-autoscale-forecast-${tenancies}`;
  const args = (deploymentId: string) => ["--deployment", deploymentId, "--function", fn.id, "--topic-name", topicName];
  return { compartmentId, first, second, functionId: fn.id, args };
}

function schedulesIn(compartmentId: string) {
  return harness.emulator.schedules().filter((s) => s.compartmentId === compartmentId);
}

/** The Resource Scheduler writes, as "METHOD last-path-segment". */
function scheduleWrites(): string[] {
  return harness.emulator
    .writes()
    .filter((w) => w.path.startsWith("/20240430/"))
    .map(
      (w) =>
        `${w.method} ${w.path
          .split("/")
          .slice(-1)[0]
          ?.replace(/^ocid1\..*/, "{id}")}`,
    );
}

describe("npm run setup: the forecast schedule", () => {
  it("creates it inactive, writes its own OCID into its body, then activates it", async () => {
    const { compartmentId, first, functionId, args } = afterFnDeploy();

    const { code, out } = await setup(args(first));

    expect(code).toBe(0);
    const [schedule, ...others] = schedulesIn(compartmentId);
    expect(others).toEqual([]);
    const id = schedule?.id ?? "";
    expect(schedule).toMatchObject({
      displayName: FORECAST_SCHEDULE_NAME,
      action: "START_RESOURCE",
      recurrenceType: "CRON",
      recurrenceDetails: "0 * * * *",
      localTimeZone: "UTC",
      lifecycleState: "ACTIVE",
      freeformTags: MANAGED_BY_TAG,
      resources: [forecastResource(functionId, id, [first])],
    });
    expect(Date.parse(schedule?.timeStarts ?? "")).toBeGreaterThan(Date.now());
    expect(scheduleWrites()).toEqual([
      "POST schedules",
      "POST deactivateSchedule",
      "PUT {id}",
      "POST activateSchedule",
    ]);
    const create = harness.emulator.writes().find((w) => w.path === "/20240430/schedules");
    expect(create?.body).toMatchObject({ resources: [{ id: functionId }] });
    expect(create?.body).not.toHaveProperty("resources.0.parameters");
    expect(out).toMatch(new RegExp(`^ {2}created +schedule ${FORECAST_SCHEDULE_NAME} +${id}`, "m"));
  });

  it("adds a second deployment to the body with the schedule's etag, and a re-run changes nothing", async () => {
    const { compartmentId, first, second, args } = afterFnDeploy();
    await setup(args(first));
    harness.emulator.clearRequests();

    const { code, out } = await setup(args(second));

    expect(code).toBe(0);
    const [schedule] = schedulesIn(compartmentId);
    expect(schedule?.resources?.[0]?.parameters?.[0]?.value).toEqual(forecastBody(schedule?.id ?? "", [first, second]));
    expect(scheduleWrites()).toEqual(["PUT {id}"]);
    expect(harness.emulator.writes().find((w) => w.method === "PUT")?.headers["if-match"]).toBeTruthy();
    expect(out).toMatch(new RegExp(`^ {2}added +schedule .*\\n +note: ${second} added to its body`, "m"));
    harness.emulator.clearRequests();

    const again = await setup(args(second));

    expect(again.code).toBe(0);
    expect(harness.emulator.writes()).toEqual([]);
    expect(again.out).toMatch(/^ {2}exists +schedule /m);
    expect(schedulesIn(compartmentId)).toHaveLength(1);
  });

  it.each([
    ["UpdateSchedule", "PUT", "/20240430/schedules/"],
    ["ActivateSchedule", "POST", "/actions/activateSchedule"],
  ])(
    "stops when %s fails, names the schedule it made, and a re-run completes and activates it",
    async (_, method, path) => {
      const { compartmentId, first, functionId, args } = afterFnDeploy();
      harness.emulator.faults.add({ method, path, status: 500, times: Infinity });

      const failed = await setup(args(first));
      console.log(failed.out);

      expect(failed.code).toBe(1);
      const [made] = schedulesIn(compartmentId);
      expect(made?.lifecycleState).toBe("INACTIVE");
      expect(failed.out).toMatch(
        new RegExp(
          `Stopped half-way\\. Created before the failure:[\\s\\S]*schedule ${FORECAST_SCHEDULE_NAME} ${made?.id}`,
        ),
      );
      harness.emulator.faults.clear();

      const { code, out } = await setup(args(first));

      expect(code).toBe(0);
      expect(out).toMatch(/^ {2}completed +schedule /m);
      const [schedule, ...others] = schedulesIn(compartmentId);
      expect(others).toEqual([]);
      expect(schedule).toMatchObject({
        lifecycleState: "ACTIVE",
        resources: [forecastResource(functionId, made?.id ?? "", [first])],
      });
    },
  );

  it("--remove --deployment takes it out of the body, and deletes the schedule when none is left", async () => {
    const { compartmentId, first, second, args } = afterFnDeploy();
    await setup(args(first));
    await setup(args(second));
    const id = schedulesIn(compartmentId)[0]?.id ?? "";

    const one = await setup(["--deployment", first, "--remove"]);

    expect(one.code).toBe(0);
    expect(one.out).toMatch(new RegExp(`^ {2}removed +schedule .*\\n +note: ${first} taken out of its body`, "m"));
    expect(schedulesIn(compartmentId)[0]?.resources?.[0]?.parameters?.[0]?.value).toEqual(forecastBody(id, [second]));

    const last = await setup(["--deployment", second, "--remove"]);

    expect(last.out).toMatch(/^ {2}deleted +schedule .*\n +note: .* was the last deployment in its body/m);
    expect(schedulesIn(compartmentId)).toEqual([]);
  });

  it("--remove --all deletes it; a schedule of the same name without setup's tag stays, and is named", async () => {
    const { compartmentId, first, functionId, args } = afterFnDeploy();
    const handMade = seedForecastSchedule(harness.emulator, {
      compartmentId,
      functionId,
      deploymentIds: [first],
      tagged: false,
    });
    const made = await setup(args(first));
    expect(made.out).toMatch(
      new RegExp(`^ {2}left +schedule .*${handMade.id}\\n +note: no autoscale-managed-by tag`, "m"),
    );
    expect(schedulesIn(compartmentId)).toHaveLength(2);

    const { code, out } = await setup(["--deployment", first, "--remove", "--all"]);

    expect(code).toBe(0);
    expect(schedulesIn(compartmentId).map((s) => s.id)).toEqual([handMade.id]);
    expect(harness.emulator.schedules().find((s) => s.id === handMade.id)).toEqual(handMade);
    expect(out).toMatch(/^ {2}deleted +schedule /m);
    expect(out).toMatch(new RegExp(`^ {2}left +schedule .*${handMade.id}`, "m"));
  });

  it("with --dry-run says what it would create or add, and writes nothing", async () => {
    const { compartmentId, first, second, args } = afterFnDeploy();

    const dry = await setup([...args(first), "--iam", "--dry-run"]);
    console.log(dry.out);

    expect(dry.code).toBe(0);
    expect(harness.emulator.writes()).toEqual([]);
    expect(schedulesIn(compartmentId)).toEqual([]);
    expect(dry.out).toMatch(/^ {2}would create +schedule model-deployment-autoscale-forecast\n/m);
    expect(dry.out).toContain("request.principal.id = '<schedule OCID>'");
    await setup(args(first));
    harness.emulator.clearRequests();

    const add = await setup([...args(second), "--dry-run"]);

    expect(harness.emulator.writes()).toEqual([]);
    expect(add.out).toMatch(new RegExp(`^ {2}would add +schedule .*\\n +note: would add ${second} to its body`, "m"));
    const remove = await setup(["--deployment", first, "--remove", "--all", "--dry-run"]);
    expect(harness.emulator.writes()).toEqual([]);
    expect(remove.out).toMatch(/^ {2}would delete +schedule /m);
  });

  it("takes --forecast-cron and --forecast-time-zone, and makes none with --no-forecast", async () => {
    const a = afterFnDeploy();
    const cron = ["--forecast-cron", "30 */2 * * *", "--forecast-time-zone", "Europe/Paris"];
    expect((await setup([...a.args(a.first), ...cron])).code).toBe(0);
    expect(schedulesIn(a.compartmentId)[0]).toMatchObject({
      recurrenceDetails: "30 */2 * * *",
      localTimeZone: "Europe/Paris",
    });

    const b = afterFnDeploy();
    const { code, out } = await setup([...b.args(b.first), "--no-forecast"]);
    expect(code).toBe(0);
    expect(schedulesIn(b.compartmentId)).toEqual([]);
    expect(out).not.toContain("resource-schedule");
  });

  it.each([
    [["--forecast-cron", "hourly"], "five fields"],
    [["--forecast-time-zone", "Mars/Olympus"], "IANA time zone"],
    [["--no-forecast", "--forecast-cron", "0 * * * *"], "shape the schedule setup creates"],
  ])("%j: exit 2", async (flags, message) => {
    const { code, out } = await setup(["--compartment", "ocid1.compartment.oc1..x", "--topic", "t", ...flags]);
    expect(code).toBe(2);
    expect(out).toContain(message);
  });
});

describe("npm run setup: the forecast schedule's IAM", () => {
  it("prints both statements with the schedule's OCID, and --iam writes them; doctor accepts them", async () => {
    const { compartmentId, first, functionId, args } = afterFnDeploy();

    const printed = await setup(args(first));

    const id = schedulesIn(compartmentId)[0]?.id ?? "";
    const invoke = `Allow any-user to use fn-invocation in compartment id ${compartmentId} where all {request.principal.type = 'resourceschedule', request.principal.id = '${id}'}`;
    expect(printed.out).toContain(`  ${invoke}`);
    expect(printed.out).toContain(
      `Allow dynamic-group <group> to read resource-schedule-family in compartment id ${compartmentId}`,
    );

    expect((await setup([...args(first), "--iam"])).code).toBe(0);

    const policy = harness.emulator.policies().find((p) => p.freeformTags["autoscale-function-id"] === functionId);
    expect(policy?.statements).toContain(invoke);
    expect(policy?.statements).toContainEqual(
      expect.stringMatching(
        new RegExp(`^Allow dynamic-group \\S+ to read resource-schedule-family in compartment id ${compartmentId}$`),
      ),
    );
    const checked = await harness.doctor(["--deployment", first, "--function", functionId]);
    expect(checked.out).toMatch(/^ok +iam .*holds every statement it needs/m);
    expect(checked.out).toMatch(/^ok +forecast +model-deployment-autoscale-forecast .*: ACTIVE/m);
  });
});

describe("npm run doctor: the forecast schedule", () => {
  const line = (out: string) => out.split("\n").find((l) => /^\w+ +forecast /.test(l)) ?? "";
  const next = (out: string) => out.split("\n")[out.split("\n").indexOf(line(out)) + 1] ?? "";

  it("is ok after setup, and doctor only reads", async () => {
    const { first, functionId, args } = afterFnDeploy();
    await setup(args(first));
    harness.emulator.clearRequests();

    const { out } = await harness.doctor(["--deployment", first, "--function", functionId]);

    expect(line(out)).toMatch(
      /^ok .*: ACTIVE, 0 \* \* \* \* \(UTC\), its body lists 1 deployment\(s\), this one included/,
    );
    const writes = harness.emulator.writes().filter((w) => !w.path.endsWith("/actions/summarizeMetricsData"));
    expect(writes).toEqual([]);
  });

  it("names an INACTIVE schedule, a body without the deployment, and a forged body, each with setup's command", async () => {
    const { compartmentId, first, second, functionId, args } = afterFnDeploy();
    await setup(args(first));
    const id = schedulesIn(compartmentId)[0]?.id ?? "";
    const doctor = (deploymentId: string) => harness.doctor(["--deployment", deploymentId, "--function", functionId]);

    const other = await doctor(second);
    expect(line(other.out)).toMatch(new RegExp(`^problem .*${id}: its body does not list ${second}`));
    expect(next(other.out)).toContain(`fix: npm run setup -- --deployment ${second} --function ${functionId}`);
    expect(other.code).toBe(1);

    harness.emulator.setScheduleState(id, "INACTIVE");
    expect(line((await doctor(first)).out)).toMatch(/^problem .*: INACTIVE/);

    harness.emulator.setScheduleState(id, "ACTIVE");
    const stored = harness.emulator.schedules().find((s) => s.id === id);
    const forged = "ocid1.resourceschedule.oc1.iad.forged";
    harness.emulator.seedSchedule({
      ...(stored as NonNullable<typeof stored>),
      resources: [forecastResource(functionId, forged, [first])],
    });
    expect(line((await doctor(first)).out)).toMatch(
      new RegExp(`^problem .*its body names another schedule \\(${forged}\\)`),
    );
  });

  it("names a missing schedule and an untagged one; --no-forecast checks neither the schedule nor its IAM", async () => {
    const { compartmentId, first, functionId, args } = afterFnDeploy();
    await setup([...args(first), "--iam", "--no-forecast"]);
    const doctor = (...more: string[]) => harness.doctor(["--deployment", first, "--function", functionId, ...more]);

    const missing = await doctor();
    expect(line(missing.out)).toMatch(/^problem .*no forecast schedule calls the function/);
    expect(next(missing.out)).toContain("or give doctor --no-forecast if setup ran with it");
    expect(missing.out).toMatch(/^problem +iam .*read resource-schedule-family/m);

    const skipped = await doctor("--no-forecast");
    expect(line(skipped.out)).toBe("");
    expect(skipped.out).toMatch(/^ok +iam /m);

    seedForecastSchedule(harness.emulator, { compartmentId, functionId, deploymentIds: [first], tagged: false });
    expect(line((await doctor()).out)).toMatch(
      /without setup's autoscale-managed-by tag: the function refuses its bodies/,
    );
  });
});
