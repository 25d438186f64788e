/**
 * Seeds carrying a whole realistic configuration, so a test can prove an update changed nothing but the
 * intended field. Field names follow the SDK models named beside them.
 */
import type { JsonObject, SeedDeployment } from "./types";

/** OcirModelDeploymentEnvironmentConfigurationDetails. */
export const OCIR_ENVIRONMENT: JsonObject = {
  environmentConfigurationType: "OCIR_CONTAINER",
  image: "iad.ocir.io/tenancy/inference/server:1.4.2",
  imageDigest: "sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945",
  serverPort: 8080,
  healthCheckPort: 8080,
  environmentVariables: { MODEL_DIR: "/opt/ds/model/deployed_model", WEB_CONCURRENCY: "2" },
  cmd: ["--port", "8080"],
  entrypoint: ["python", "-m", "server"],
};

/** AutoScalingPolicy with one ThresholdBasedAutoScalingPolicyDetails and a PredefinedMetricExpressionRule. */
export function autoscalingPolicy(counts: { min: number; initial: number; max: number }, coolDownInSeconds = 600) {
  const threshold = (threshold: number, instanceCountAdjustment: number) => ({
    scalingConfigurationType: "THRESHOLD",
    threshold,
    instanceCountAdjustment,
    pendingDuration: "PT5M",
  });
  return {
    policyType: "AUTOSCALING",
    coolDownInSeconds,
    isEnabled: true,
    autoScalingPolicies: [
      {
        autoScalingPolicyType: "THRESHOLD",
        minimumInstanceCount: counts.min,
        initialInstanceCount: counts.initial,
        maximumInstanceCount: counts.max,
        rules: [
          {
            metricExpressionRuleType: "PREDEFINED_EXPRESSION",
            metricType: "CPU_UTILIZATION",
            scaleInConfiguration: threshold(20, 1),
            scaleOutConfiguration: threshold(80, 1),
          },
        ],
      },
    ],
  };
}

export function realisticSeed(overrides: SeedDeployment = {}): SeedDeployment {
  return {
    shape: "VM.Standard.E4.Flex",
    ocpus: 2,
    memoryInGBs: 32,
    cpuBaseline: "BASELINE_1_2",
    instanceCount: 2,
    subnetId: "ocid1.subnet.oc1.iad.aaaamodeldeploymentsubnet",
    privateEndpointId: "ocid1.datascienceprivateendpoint.oc1.iad.aaaamodeldeploymentpe",
    bandwidthMbps: 20,
    maximumBandwidthMbps: 40,
    environmentConfigurationDetails: OCIR_ENVIRONMENT,
    freeformTags: { team: "ml" },
    ...overrides,
  };
}
