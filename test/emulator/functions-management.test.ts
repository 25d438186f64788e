/** Functions applications and functions (reads only, seeded), through the real FunctionsManagementClient. */
import { describe, expect, it } from "vitest";
import { rejection, useEmulator } from "../../emulator/fixture";
import { functionsManagementClient } from "../../emulator/sdk-clients";

const suite = useEmulator({ pageSize: 2 });
const client = () => functionsManagementClient(suite.emulator.url, suite.provider);
let counter = 0;
const freshCompartment = () => `ocid1.compartment.oc1..fn${++counter}`;

describe("applications", () => {
  it("GetApplication has the config; ListApplications filters by display name and pages", async () => {
    const compartmentId = freshCompartment();
    const app = suite.emulator.seedApplication({ compartmentId, displayName: "autoscale", config: { LOG: "1" } });
    suite.emulator.seedApplication({ compartmentId, displayName: "other" });
    suite.emulator.seedApplication({ compartmentId, displayName: "third" });
    const got = await client().getApplication({ applicationId: app.id });
    expect(got.etag).toBeTruthy();
    expect(got.application).toMatchObject({
      id: expect.stringMatching(/^ocid1\.fnapp\.oc1\.iad\./),
      compartmentId,
      displayName: "autoscale",
      lifecycleState: "ACTIVE",
      config: { LOG: "1" },
    });
    const named = await client().listApplications({ compartmentId, displayName: "autoscale" });
    expect(named.items.map((a) => a.id)).toEqual([app.id]);
    expect(named.items[0]).not.toHaveProperty("config");
    const first = await client().listApplications({ compartmentId });
    expect(first.items).toHaveLength(2);
    const second = await client().listApplications({ compartmentId, page: first.opcNextPage });
    expect(second.items.map((a) => a.displayName)).toEqual(["third"]);
  });

  it("404 for an unknown application", async () => {
    const error = await rejection(client().getApplication({ applicationId: "ocid1.fnapp.oc1.iad.unknown" }));
    expect(error).toMatchObject({ statusCode: 404, serviceCode: "NotAuthorizedOrNotFound" });
  });
});

describe("functions", () => {
  it("GetFunction has the config; setFunctionConfig replaces it; ListFunctions by application and name", async () => {
    const app = suite.emulator.seedApplication({ compartmentId: freshCompartment(), displayName: "autoscale" });
    const fn = suite.emulator.seedFunction({
      applicationId: app.id,
      displayName: "model-deployment-autoscale",
      config: { HIGH_CPU_ALARM_NAME: "high-cpu" },
    });
    suite.emulator.seedFunction({ applicationId: app.id, displayName: "other" });
    const got = await client().getFunction({ functionId: fn.id });
    expect(got.function).toMatchObject({
      id: expect.stringMatching(/^ocid1\.fnfunc\.oc1\.iad\./),
      displayName: "model-deployment-autoscale",
      applicationId: app.id,
      compartmentId: app.compartmentId,
      lifecycleState: "ACTIVE",
      config: { HIGH_CPU_ALARM_NAME: "high-cpu" },
      image: expect.any(String),
      invokeEndpoint: expect.stringMatching(/^https:\/\//),
    });
    suite.emulator.setFunctionConfig(fn.id, { HIGH_CPU_ALARM_NAME: "cpu" });
    const again = await client().getFunction({ functionId: fn.id });
    expect(again.function.config).toEqual({ HIGH_CPU_ALARM_NAME: "cpu" });
    expect(again.etag).not.toBe(got.etag);
    const named = await client().listFunctions({ applicationId: app.id, displayName: "model-deployment-autoscale" });
    expect(named.items.map((f) => f.id)).toEqual([fn.id]);
    expect(named.items[0]).not.toHaveProperty("config");
    expect((await client().listFunctions({ applicationId: app.id })).items).toHaveLength(2);
  });

  it("404 for an unknown function; seedFunction throws for an unknown application", async () => {
    const error = await rejection(client().getFunction({ functionId: "ocid1.fnfunc.oc1.iad.unknown" }));
    expect(error).toMatchObject({ statusCode: 404 });
    expect(() =>
      suite.emulator.seedFunction({ applicationId: "ocid1.fnapp.oc1.iad.none", displayName: "f" }),
    ).toThrow();
  });

  it("is read-only: no route creates a function", async () => {
    const response = await suite.signedFetch("POST", "/20181201/functions", { body: "{}" });
    expect(response.status).toBe(404);
  });
});
