/** Policy names on the command line: this, oci-autoscaling, sample-2022, fixed:N, ideal. */
import { fixedPolicy } from "./fixed";
import { idealPolicy } from "./ideal";
import { OCI_AUTOSCALING_DEFAULTS, type OciAutoscalingOptions, ociAutoscalingPolicy } from "./oci-autoscaling";
import type { PolicyFactory } from "./policy";
import { sample2022Policy } from "./sample-2022";
import { thisPolicy } from "./this";

export const DEFAULT_POLICIES = ["this", "oci-autoscaling", "sample-2022", "ideal"];

export function policyByName(name: string, oci: OciAutoscalingOptions = OCI_AUTOSCALING_DEFAULTS): PolicyFactory {
  if (name === "this") return thisPolicy;
  if (name === "oci-autoscaling") return ociAutoscalingPolicy(oci);
  if (name === "sample-2022") return sample2022Policy();
  if (name === "ideal") return idealPolicy;
  const fixed = /^fixed:(\d+)$/.exec(name);
  if (fixed && Number(fixed[1]) >= 1) return fixedPolicy(Number(fixed[1]));
  throw new Error(`unknown policy "${name}": use this, oci-autoscaling, sample-2022, ideal or fixed:N`);
}
