/** The emulator's Data Science API and request authentication, driven by the real OCI SDK. */
import { readFileSync } from "node:fs";
import { isAbsolute } from "node:path";
import * as common from "oci-common";
import { DataScienceClient, type models } from "oci-datascience";
import { describe, expect, it } from "vitest";
import { rejection, useEmulator, waitFor } from "../../emulator/fixture";
import { createTestAuth, TEST_TENANCY_ID, TEST_USER_ID } from "../../emulator/oci-test-auth";
import { dataScienceClient, testClientConfiguration } from "../../emulator/sdk-clients";
import { startEmulator } from "../../emulator/server";

const suite = useEmulator({ updateDelayMs: 30 });

function scaleTo(modelId: string, instanceCount: number): models.UpdateModelDeploymentDetails {
  return {
    modelDeploymentConfigurationDetails: {
      deploymentType: "SINGLE_MODEL",
      modelConfigurationDetails: { modelId, scalingPolicy: { policyType: "FIXED_SIZE", instanceCount } },
    } as models.UpdateSingleModelDeploymentConfigurationDetails,
  };
}

function modelIdOf(deployment: { modelDeploymentConfigurationDetails: object }): string {
  const config = deployment.modelDeploymentConfigurationDetails as { modelConfigurationDetails: { modelId: string } };
  return config.modelConfigurationDetails.modelId;
}

describe("createTestAuth", () => {
  it("writes the RPST, key and config file the SDK reads", () => {
    const auth = createTestAuth();
    try {
      expect(
        Object.values(auth.env)
          .filter((v) => v.startsWith("/"))
          .every((p) => isAbsolute(p)),
      ).toBe(true);
      expect(readFileSync(auth.env.OCI_RESOURCE_PRINCIPAL_RPST ?? "", "utf8")).toBe(auth.rpst); // no trailing newline
      const claims = JSON.parse(Buffer.from(auth.rpst.split(".")[1] ?? "", "base64url").toString()) as Record<
        string,
        unknown
      >;
      expect(claims).toMatchObject({ res_tenant: TEST_TENANCY_ID, res_type: "fnfunc", iss: "authService.oracle.com" });
      expect(auth.fingerprint).toMatch(/^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
      expect(readFileSync(auth.configFile, "utf8")).toContain(`fingerprint=${auth.fingerprint}`);
    } finally {
      auth.cleanup();
    }
  });

  it("resource principal requests carry keyId ST$<rpst> and pass the signature check", async () => {
    const d = suite.emulator.seedDeployment();
    await suite.ds().getModelDeployment({ modelDeploymentId: d.id });
    expect(suite.emulator.requests[0]).toMatchObject({
      keyId: `ST$${suite.auth.rpst}`,
      signatureValid: true,
      status: 200,
    });
  });

  it("config-file auth requests pass the signature check", async () => {
    const provider = new common.ConfigFileAuthenticationDetailsProvider(suite.auth.configFile, "DEFAULT");
    const client = new DataScienceClient({ authenticationDetailsProvider: provider }, testClientConfiguration());
    client.endpoint = suite.emulator.url;
    const d = suite.emulator.seedDeployment();
    await client.getModelDeployment({ modelDeploymentId: d.id });
    expect(suite.emulator.requests[0]).toMatchObject({
      keyId: `${TEST_TENANCY_ID}/${TEST_USER_ID}/${suite.auth.fingerprint}`,
      signatureValid: true,
    });
  });
});

describe("signature check", () => {
  it("answers 401 NotAuthenticated to an unsigned request", async () => {
    const d = suite.emulator.seedDeployment();
    const res = await fetch(`${suite.emulator.url}/20190101/modelDeployments/${d.id}`);
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.headers.get("opc-request-id")).toBeTruthy();
    expect(await res.json()).toMatchObject({ code: "NotAuthenticated" });
  });

  it("accepts a correctly signed body and rejects a tampered one", async () => {
    const d = suite.emulator.seedDeployment();
    const path = `/20190101/modelDeployments/${d.id}`;
    const body = JSON.stringify(scaleTo(modelIdOf(d), 3));
    const tampered = body.replace('"instanceCount":3', '"instanceCount":9');
    const bad = await suite.signedFetch("PUT", path, { body, sendBody: tampered });
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { message: string }).message).toContain("x-content-sha256");
    expect(suite.emulator.getDeployment(d.id)?.deployment.lifecycleState).toBe("ACTIVE");
    const good = await suite.signedFetch("PUT", path, { body });
    expect(good.status).toBe(202);
  });

  it("rejects a key the emulator does not trust", async () => {
    const other = createTestAuth();
    const emulator = await startEmulator({ publicKeyPem: other.publicKeyPem });
    try {
      const client = new DataScienceClient(
        { authenticationDetailsProvider: suite.provider },
        testClientConfiguration(),
      );
      client.endpoint = emulator.url;
      const error = await rejection(client.getModelDeployment({ modelDeploymentId: "x" }));
      expect(error).toMatchObject({ statusCode: 401, serviceCode: "NotAuthenticated" });
    } finally {
      await emulator.close();
      other.cleanup();
    }
  });
});

describe("model deployments", () => {
  it("GET returns the deployment JSON with an etag and opc-request-id", async () => {
    const d = suite.emulator.seedDeployment({
      shape: "VM.Standard.E4.Flex",
      ocpus: 2,
      memoryInGBs: 32,
      instanceCount: 2,
    });
    const res = await suite.ds().getModelDeployment({ modelDeploymentId: d.id });
    expect(res.etag).toBe(suite.emulator.getDeployment(d.id)?.etag);
    const again = await suite.ds().getModelDeployment({ modelDeploymentId: d.id });
    expect(res.opcRequestId).toBeTruthy();
    expect(again.opcRequestId).not.toBe(res.opcRequestId);
    expect(res.modelDeployment).toMatchObject({
      id: d.id,
      lifecycleState: "ACTIVE",
      modelDeploymentConfigurationDetails: {
        deploymentType: "SINGLE_MODEL",
        modelConfigurationDetails: {
          instanceConfiguration: {
            instanceShapeName: "VM.Standard.E4.Flex",
            modelDeploymentInstanceShapeConfigDetails: { ocpus: 2, memoryInGBs: 32 },
          },
          scalingPolicy: { policyType: "FIXED_SIZE", instanceCount: 2 },
          bandwidthMbps: 10,
        },
      },
    });
  });

  it("404 NotAuthorizedOrNotFound for unknown and purged deployments", async () => {
    const d = suite.emulator.seedDeployment();
    suite.emulator.purgeDeployment(d.id);
    const error = await rejection(suite.ds().getModelDeployment({ modelDeploymentId: d.id }));
    expect(error).toBeInstanceOf(common.OciError);
    expect(error).toMatchObject({ statusCode: 404, serviceCode: "NotAuthorizedOrNotFound" });
  });

  it("update with If-Match: 202 + work request, UPDATING, then ACTIVE with the change applied", async () => {
    const d = suite.emulator.seedDeployment({
      instanceCount: 1,
      subnetId: "ocid1.subnet.oc1.iad.x",
      freeformTags: { team: "ml" },
    });
    const client = suite.ds();
    const { etag } = await client.getModelDeployment({ modelDeploymentId: d.id });
    const res = await client.updateModelDeployment({
      modelDeploymentId: d.id,
      ifMatch: etag,
      updateModelDeploymentDetails: scaleTo(modelIdOf(d), 3),
    });
    expect(res.opcWorkRequestId).toMatch(/^ocid1\.datascienceworkrequest\.oc1\.\./);
    const during = await client.getModelDeployment({ modelDeploymentId: d.id });
    expect(during.modelDeployment.lifecycleState).toBe("UPDATING");
    expect(during.etag).not.toBe(etag);
    await waitFor(() => suite.emulator.getDeployment(d.id)?.deployment.lifecycleState === "ACTIVE");
    const after = await client.getModelDeployment({ modelDeploymentId: d.id });
    expect(after.etag).not.toBe(during.etag);
    expect(after.modelDeployment).toMatchObject({
      freeformTags: { team: "ml" },
      modelDeploymentSystemData: { currentInstanceCount: 3 },
      modelDeploymentConfigurationDetails: {
        modelConfigurationDetails: {
          scalingPolicy: { policyType: "FIXED_SIZE", instanceCount: 3 },
          instanceConfiguration: { instanceShapeName: "VM.Standard2.1", subnetId: "ocid1.subnet.oc1.iad.x" },
          bandwidthMbps: 10,
        },
      },
    });
    expect(suite.emulator.writes().map((w) => [w.method, w.status, w.headers["if-match"]])).toEqual([
      ["PUT", 202, etag],
    ]);
  });

  it("stale If-Match: 412 NoEtagMatch and nothing changes", async () => {
    const d = suite.emulator.seedDeployment();
    const error = await rejection(
      suite.ds().updateModelDeployment({
        modelDeploymentId: d.id,
        ifMatch: "stale",
        updateModelDeploymentDetails: scaleTo(modelIdOf(d), 2),
      }),
    );
    expect(error).toBeInstanceOf(common.OciError);
    expect(error).toMatchObject({ statusCode: 412, serviceCode: "NoEtagMatch" });
    expect(suite.emulator.getDeployment(d.id)?.deployment.lifecycleState).toBe("ACTIVE");
  });

  it("update while UPDATING: 409 IncorrectState", async () => {
    // Updates wait for completeUpdates() here: with the suite's 30 ms a loaded machine could let the first finish
    // between the two calls.
    const emulator = await startEmulator({ publicKeyPem: suite.auth.publicKeyPem, updateDelayMs: null });
    try {
      const d = emulator.seedDeployment();
      const client = dataScienceClient(emulator.url, suite.provider);
      await client.updateModelDeployment({
        modelDeploymentId: d.id,
        updateModelDeploymentDetails: scaleTo(modelIdOf(d), 2),
      });
      const error = await rejection(
        client.updateModelDeployment({
          modelDeploymentId: d.id,
          updateModelDeploymentDetails: scaleTo(modelIdOf(d), 3),
        }),
      );
      expect(error).toMatchObject({ statusCode: 409, serviceCode: "IncorrectState" });
    } finally {
      await emulator.close();
    }
  });

  it("400 InvalidParameter for a missing modelId, a different deploymentType, or bad JSON", async () => {
    const d = suite.emulator.seedDeployment();
    const client = suite.ds();
    const noModelId = {
      modelDeploymentConfigurationDetails: {
        deploymentType: "SINGLE_MODEL",
        modelConfigurationDetails: { bandwidthMbps: 20 },
      },
    };
    const otherType = { modelDeploymentConfigurationDetails: { deploymentType: "MODEL_GROUP" } };
    for (const details of [noModelId, otherType]) {
      const update = {
        modelDeploymentId: d.id,
        updateModelDeploymentDetails: details as models.UpdateModelDeploymentDetails,
      };
      expect(await rejection(client.updateModelDeployment(update))).toMatchObject({
        statusCode: 400,
        serviceCode: "InvalidParameter",
      });
    }
    const res = await suite.signedFetch("PUT", `/20190101/modelDeployments/${d.id}`, { body: "{not json" });
    expect(res.status).toBe(400);
    expect(suite.emulator.getDeployment(d.id)?.deployment.lifecycleState).toBe("ACTIVE");
  });

  it("given fields replace old ones: tags as a whole map, instanceConfiguration as a whole object", async () => {
    const d = suite.emulator.seedDeployment({ subnetId: "ocid1.subnet.oc1.iad.x", freeformTags: { a: "1", b: "2" } });
    await suite.ds().updateModelDeployment({
      modelDeploymentId: d.id,
      updateModelDeploymentDetails: {
        freeformTags: { c: "3" },
        modelDeploymentConfigurationDetails: {
          deploymentType: "SINGLE_MODEL",
          modelConfigurationDetails: {
            modelId: modelIdOf(d),
            instanceConfiguration: { instanceShapeName: "VM.Standard2.2" },
          },
        } as models.UpdateSingleModelDeploymentConfigurationDetails,
      },
    });
    suite.emulator.completeUpdates();
    const stored = suite.emulator.getDeployment(d.id)?.deployment;
    expect(stored?.freeformTags).toEqual({ c: "3" });
    expect(stored?.modelDeploymentConfigurationDetails.modelConfigurationDetails).toEqual({
      modelId: modelIdOf(d),
      instanceConfiguration: { instanceShapeName: "VM.Standard2.2" },
      scalingPolicy: { policyType: "FIXED_SIZE", instanceCount: 1 },
      bandwidthMbps: 10,
    });
  });

  it("with updateDelayMs null, updates wait for completeUpdates()", async () => {
    const emulator = await startEmulator({ publicKeyPem: suite.auth.publicKeyPem, updateDelayMs: null });
    try {
      const d = emulator.seedDeployment();
      const client = new DataScienceClient(
        { authenticationDetailsProvider: suite.provider },
        testClientConfiguration(),
      );
      client.endpoint = emulator.url;
      await client.updateModelDeployment({
        modelDeploymentId: d.id,
        updateModelDeploymentDetails: scaleTo(modelIdOf(d), 4),
      });
      await new Promise((resolve) => setTimeout(resolve, 60));
      expect(emulator.getDeployment(d.id)?.deployment.lifecycleState).toBe("UPDATING");
      emulator.completeUpdates();
      expect(emulator.getDeployment(d.id)?.deployment).toMatchObject({
        lifecycleState: "ACTIVE",
        modelDeploymentSystemData: { currentInstanceCount: 4 },
      });
    } finally {
      await emulator.close();
    }
  });

  it("seeds MODEL_GROUP and SINGLE_MODEL_FLEX deployments the SDK deserializes", async () => {
    for (const deploymentType of ["MODEL_GROUP", "SINGLE_MODEL_FLEX"]) {
      const d = suite.emulator.seedDeployment({ deploymentType, instanceCount: 2 });
      const res = await suite.ds().getModelDeployment({ modelDeploymentId: d.id });
      expect(res.modelDeployment.modelDeploymentConfigurationDetails).toMatchObject({
        deploymentType,
        infrastructureConfigurationDetails: { scalingPolicy: { policyType: "FIXED_SIZE", instanceCount: 2 } },
      });
    }
  });

  it("answers 404 NotFound to unknown paths", async () => {
    const res = await suite.signedFetch("GET", "/20190101/notebookSessions");
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: "NotFound" });
  });
});
