/**
 * Identity dynamic groups and policies through the real IdentityClient, signed with the user's API key
 * (the OCI config file) as setup and doctor sign: keyId `<tenancy>/<user>/<fingerprint>`.
 */
import * as common from "oci-common";
import type { IdentityClient } from "oci-identity";
import { beforeAll, describe, expect, it } from "vitest";
import { rejection, useEmulator } from "../../emulator/fixture";
import { TEST_TENANCY_ID, TEST_USER_ID } from "../../emulator/oci-test-auth";
import { identityClient } from "../../emulator/sdk-clients";

const suite = useEmulator({ pageSize: 2 });
let client: IdentityClient;
beforeAll(() => {
  const provider = new common.ConfigFileAuthenticationDetailsProvider(suite.auth.configFile, "DEFAULT");
  client = identityClient(suite.emulator.url, provider);
});
let counter = 0;
const fresh = (prefix: string) => `${prefix}-${++counter}`;
const functionRule = "ALL {resource.type = 'fnfunc', resource.id = 'ocid1.fnfunc.oc1.iad.autoscaler'}";

describe("dynamic groups", () => {
  it("create, get and delete, signed with the API key; a deleted group answers 404", async () => {
    const created = await client.createDynamicGroup({
      createDynamicGroupDetails: {
        compartmentId: TEST_TENANCY_ID,
        name: "md-autoscaler",
        matchingRule: functionRule,
        description: "The autoscaling function",
        freeformTags: { project: "autoscale" },
      },
    });
    expect(suite.emulator.requests[0]).toMatchObject({
      keyId: `${TEST_TENANCY_ID}/${TEST_USER_ID}/${suite.auth.fingerprint}`,
      signatureValid: true,
    });
    expect(created.etag).toBeTruthy();
    expect(created.dynamicGroup).toEqual({
      id: expect.stringMatching(/^ocid1\.dynamicgroup\.oc1\.\./),
      compartmentId: TEST_TENANCY_ID,
      name: "md-autoscaler",
      matchingRule: functionRule,
      description: "The autoscaling function",
      timeCreated: expect.any(String),
      lifecycleState: "ACTIVE",
      freeformTags: { project: "autoscale" },
      definedTags: {},
    });
    const { id } = created.dynamicGroup;
    const got = await client.getDynamicGroup({ dynamicGroupId: id });
    expect(got.dynamicGroup).toEqual(created.dynamicGroup);
    expect(got.etag).toBe(created.etag);
    await client.deleteDynamicGroup({ dynamicGroupId: id });
    expect(await rejection(client.getDynamicGroup({ dynamicGroupId: id }))).toMatchObject({
      statusCode: 404,
      serviceCode: "NotAuthorizedOrNotFound",
    });
  });

  it("400 for a compartment that is not the tenancy, 409 for a name taken, retry token answers the first", async () => {
    const details = { compartmentId: TEST_TENANCY_ID, name: fresh("dg"), matchingRule: functionRule, description: "d" };
    const inCompartment = { ...details, compartmentId: "ocid1.compartment.oc1..x" };
    expect(await rejection(client.createDynamicGroup({ createDynamicGroupDetails: inCompartment }))).toMatchObject({
      statusCode: 400,
    });
    const first = await client.createDynamicGroup({ createDynamicGroupDetails: details, opcRetryToken: "dg-token" });
    const again = await client.createDynamicGroup({ createDynamicGroupDetails: details, opcRetryToken: "dg-token" });
    expect(again.dynamicGroup.id).toBe(first.dynamicGroup.id);
    expect(await rejection(client.createDynamicGroup({ createDynamicGroupDetails: details }))).toMatchObject({
      statusCode: 409,
    });
  });

  it("lists by name and in pages", async () => {
    const names = [fresh("list"), fresh("list"), fresh("list")];
    const before = suite.emulator.dynamicGroups().length;
    for (const name of names)
      suite.emulator.seedDynamicGroup({ compartmentId: TEST_TENANCY_ID, name, matchingRule: functionRule });
    const all = [];
    let page: string | undefined;
    do {
      const response = await client.listDynamicGroups({ compartmentId: TEST_TENANCY_ID, page });
      expect(response.items.length).toBeLessThanOrEqual(2);
      all.push(...response.items);
      page = response.opcNextPage;
    } while (page);
    expect(all).toHaveLength(before + 3);
    const named = await client.listDynamicGroups({ compartmentId: TEST_TENANCY_ID, name: names[1] });
    expect(named.items.map((g) => g.name)).toEqual([names[1]]);
  });
});

describe("policies", () => {
  const statements = [
    "Allow dynamic-group md-autoscaler to use data-science-model-deployments in compartment id ocid1.compartment.oc1..x",
  ];

  it("create, get, list and delete; 404 for an unknown policy", async () => {
    const compartmentId = "ocid1.compartment.oc1..policies";
    const created = await client.createPolicy({
      createPolicyDetails: { compartmentId, name: "md-autoscaler", statements, description: "Autoscaler access" },
    });
    expect(created.policy).toEqual({
      id: expect.stringMatching(/^ocid1\.policy\.oc1\.\./),
      compartmentId,
      name: "md-autoscaler",
      statements,
      description: "Autoscaler access",
      timeCreated: expect.any(String),
      lifecycleState: "ACTIVE",
      freeformTags: {},
      definedTags: {},
    });
    const { id } = created.policy;
    const got = await client.getPolicy({ policyId: id });
    expect(got.policy).toEqual(created.policy);
    expect(got.etag).toBe(created.etag);
    suite.emulator.seedPolicy({ compartmentId, name: fresh("p"), statements });
    suite.emulator.seedPolicy({ compartmentId, name: fresh("p"), statements });
    const first = await client.listPolicies({ compartmentId });
    expect(first.items).toHaveLength(2);
    const second = await client.listPolicies({ compartmentId, page: first.opcNextPage });
    expect(second.items).toHaveLength(1);
    expect(second.opcNextPage).toBeUndefined();
    expect((await client.listPolicies({ compartmentId, name: "md-autoscaler" })).items).toEqual([created.policy]);
    await client.deletePolicy({ policyId: id });
    expect(await rejection(client.getPolicy({ policyId: id }))).toMatchObject({ statusCode: 404 });
    expect(await rejection(client.deletePolicy({ policyId: id }))).toMatchObject({ statusCode: 404 });
  });

  it("400 without statements", async () => {
    const details = { compartmentId: "ocid1.compartment.oc1..p", name: fresh("p"), statements: [], description: "d" };
    expect(await rejection(client.createPolicy({ createPolicyDetails: details }))).toMatchObject({
      statusCode: 400,
      serviceCode: "InvalidParameter",
    });
  });
});
