import type { models } from "oci-datascience";
import { describe, expect, it } from "vitest";
import { toSnapshot } from "../../src/scalers/deployment-snapshot";

const MODEL = "ocid1.datasciencemodel.oc1.iad.amaaaaaamodel";
const state = (value: string) => value as models.ModelDeploymentLifecycleState;

const instanceConfiguration: models.InstanceConfiguration = {
  instanceShapeName: "VM.Standard2.2",
  subnetId: "ocid1.subnet.oc1.iad.aaaaaaaasubnet",
};

const fixedSize: models.FixedSizeScalingPolicy = { policyType: "FIXED_SIZE", instanceCount: 3 };

const threshold: models.ThresholdBasedAutoScalingPolicyDetails = {
  autoScalingPolicyType: "THRESHOLD",
  minimumInstanceCount: 1,
  maximumInstanceCount: 5,
  initialInstanceCount: 2,
  rules: [],
};
const autoscaling: models.AutoScalingPolicy = {
  policyType: "AUTOSCALING",
  coolDownInSeconds: 600,
  isEnabled: true,
  autoScalingPolicies: [threshold],
};

function singleModel(scalingPolicy?: models.ModelConfigurationDetails["scalingPolicy"]) {
  const details: models.SingleModelDeploymentConfigurationDetails = {
    deploymentType: "SINGLE_MODEL",
    modelConfigurationDetails: { modelId: MODEL, instanceConfiguration, scalingPolicy },
  };
  return details;
}

const modelGroup: models.ModelGroupDeploymentConfigurationDetails = {
  deploymentType: "MODEL_GROUP",
  modelGroupConfigurationDetails: { modelGroupId: "ocid1.datasciencemodelgroup.oc1.iad.amaaaaaagroup" },
  infrastructureConfigurationDetails: {
    infrastructureType: "INSTANCE_POOL",
    instanceConfiguration,
    scalingPolicy: fixedSize,
  },
};

const singleModelFlex: models.SingleModelDeploymentFlexConfigurationDetails = {
  deploymentType: "SINGLE_MODEL_FLEX",
  modelConfigurationDetails: { modelId: MODEL },
  infrastructureConfigurationDetails: {
    infrastructureType: "MANAGED_COMPUTE_CLUSTER",
    computeTargetId: "ocid1.computecluster.oc1.iad.aaaaaaaacluster",
  },
};

function modelDeployment(overrides: Partial<models.ModelDeployment> = {}): models.ModelDeployment {
  return {
    id: "ocid1.datasciencemodeldeployment.oc1.iad.amaaaaaa1",
    timeCreated: new Date("2025-01-01T00:00:00Z"),
    displayName: "fraud-model",
    projectId: "ocid1.datascienceproject.oc1.iad.amaaaaaaproject",
    createdBy: "ocid1.user.oc1..aaaaaaaauser",
    compartmentId: "ocid1.compartment.oc1..aaaaaaaa1",
    modelDeploymentConfigurationDetails: singleModel(fixedSize),
    modelDeploymentUrl: "https://modeldeployment.us-ashburn-1.oci.customer-oci.com/ocid1.datasciencemodeldeployment",
    lifecycleState: state("ACTIVE"),
    freeformTags: { team: "risk" },
    ...overrides,
  };
}

describe("toSnapshot", () => {
  it("reads a SINGLE_MODEL deployment on a FIXED_SIZE policy", () => {
    expect(toSnapshot(modelDeployment(), '"etag-1"')).toEqual({
      id: "ocid1.datasciencemodeldeployment.oc1.iad.amaaaaaa1",
      displayName: "fraud-model",
      compartmentId: "ocid1.compartment.oc1..aaaaaaaa1",
      lifecycleState: "ACTIVE",
      deploymentType: "SINGLE_MODEL",
      modelId: MODEL,
      scalingPolicyType: "FIXED_SIZE",
      instanceCount: 3,
      currentInstanceCount: undefined,
      instanceConfiguration,
      // Kept whole: an update re-sends the configuration as read with one change.
      modelConfiguration: { modelId: MODEL, instanceConfiguration, scalingPolicy: fixedSize },
      environmentConfiguration: undefined,
      freeformTags: { team: "risk" },
      etag: '"etag-1"',
    });
  });

  it.each([
    {
      name: "SINGLE_MODEL on built-in AUTOSCALING",
      details: singleModel(autoscaling),
      // The autoscaling policy's instance counts are not the deployment's fixed count.
      expected: {
        deploymentType: "SINGLE_MODEL",
        modelId: MODEL,
        scalingPolicyType: "AUTOSCALING",
        instanceCount: undefined,
      },
    },
    {
      name: "SINGLE_MODEL without a scaling policy",
      details: singleModel(undefined),
      expected: {
        deploymentType: "SINGLE_MODEL",
        modelId: MODEL,
        scalingPolicyType: undefined,
        instanceCount: undefined,
      },
    },
    {
      // A model group keeps its shape and policy in infrastructureConfigurationDetails: none of it is read.
      name: "MODEL_GROUP",
      details: modelGroup,
      expected: {
        deploymentType: "MODEL_GROUP",
        modelId: undefined,
        scalingPolicyType: undefined,
        instanceCount: undefined,
        instanceConfiguration: undefined,
      },
    },
    {
      // A flex deployment names its model too, but is not a SINGLE_MODEL deployment.
      name: "SINGLE_MODEL_FLEX",
      details: singleModelFlex,
      expected: { deploymentType: "SINGLE_MODEL_FLEX", modelId: undefined, scalingPolicyType: undefined },
    },
    {
      name: "no configuration details",
      details: undefined,
      expected: {
        deploymentType: undefined,
        modelId: undefined,
        scalingPolicyType: undefined,
        instanceCount: undefined,
        instanceConfiguration: undefined,
      },
    },
  ])("reads a $name deployment", ({ details, expected }) => {
    const snapshot = toSnapshot(modelDeployment({ modelDeploymentConfigurationDetails: details }), undefined);
    expect(snapshot).toMatchObject(expected);
  });

  it.each(["ACTIVE", "UPDATING", "NEEDS_ATTENTION", "FAILED", "UNKNOWN_VALUE"])(
    "keeps lifecycle state %s as a string",
    (lifecycleState) => {
      expect(toSnapshot(modelDeployment({ lifecycleState: state(lifecycleState) }), undefined).lifecycleState).toBe(
        lifecycleState,
      );
    },
  );

  it("reads missing freeform tags as none", () => {
    expect(toSnapshot(modelDeployment({ freeformTags: undefined }), undefined).freeformTags).toEqual({});
  });

  it("copies the freeform tags, so the snapshot does not share them with the SDK object", () => {
    const source = modelDeployment();
    const snapshot = toSnapshot(source, undefined);
    snapshot.freeformTags.added = "x";
    expect(source.freeformTags).toEqual({ team: "risk" });
  });

  it("reads the live count OCI reports under AUTOSCALING, apart from the fixed count", () => {
    const deployment = modelDeployment({
      modelDeploymentConfigurationDetails: singleModel(autoscaling),
      modelDeploymentSystemData: { systemInfraType: "INSTANCE_POOL", currentInstanceCount: 4 },
    });
    expect(toSnapshot(deployment, undefined)).toMatchObject({ instanceCount: undefined, currentInstanceCount: 4 });
    const noData = modelDeployment({ modelDeploymentConfigurationDetails: singleModel(autoscaling) });
    expect(toSnapshot(noData, undefined).currentInstanceCount).toBeUndefined();
  });

  it("keeps a missing ETag as undefined", () => {
    expect(toSnapshot(modelDeployment(), undefined).etag).toBeUndefined();
  });
});
