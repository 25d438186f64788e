/**
 * What a model deployment may ask of each flex shape. Figures checked against:
 * - [SDK] `ModelDeploymentInstanceShapeConfigDetails` doc comments in oci-datascience 2.139.1 (the pinned SDK):
 *   model-deployment OCPU and memory ranges for E3, E4, Standard3 and Optimized3.
 * - [DS] Data Science "Supported Compute Shapes" (docs.oracle.com/iaas/data-science/using/supported-shapes.htm):
 *   per-shape OCPU and memory ranges, and "for model deployments the minimum memory is 6 GB per OCPU, the
 *   maximum 64 GB per OCPU up to the allowed memory for each shape".
 * - [Compute] Compute "Compute Shapes", flexible shapes
 *   (docs.oracle.com/iaas/Content/Compute/References/computeshapes.htm): up to 64 GB per OCPU.
 * Where the sources differ, the smaller figure is kept: a refused update costs a failed scaling step.
 */
export interface FlexShapeLimits {
  minOcpus: number;
  maxOcpus: number;
  minMemoryPerOcpuGB: number;
  maxMemoryPerOcpuGB: number;
  minMemoryGB: number;
  maxMemoryGB: number;
}

/** Model deployments: 6 GB per OCPU at least ([DS]), 64 GB per OCPU at most ([DS], [Compute]). */
const MEMORY_PER_OCPU = { minMemoryPerOcpuGB: 6, maxMemoryPerOcpuGB: 64 } as const;

export const FLEX_SHAPE_LIMITS = {
  // [SDK] 1–64 OCPUs, 6–1024 GB. ([DS] now lists up to 114 OCPUs / 1776 GB for notebooks; not kept.)
  "VM.Standard.E3.Flex": { minOcpus: 1, maxOcpus: 64, ...MEMORY_PER_OCPU, minMemoryGB: 6, maxMemoryGB: 1024 },
  // [SDK] 1–64 OCPUs, 6–1024 GB. ([DS] now lists up to 114 OCPUs / 1760 GB; not kept.)
  "VM.Standard.E4.Flex": { minOcpus: 1, maxOcpus: 64, ...MEMORY_PER_OCPU, minMemoryGB: 6, maxMemoryGB: 1024 },
  // [DS] 1–94 OCPUs, up to 1049 GB. Not in the SDK's model-deployment ranges; minimum 6 GB unverified for E5.
  "VM.Standard.E5.Flex": { minOcpus: 1, maxOcpus: 94, ...MEMORY_PER_OCPU, minMemoryGB: 6, maxMemoryGB: 1049 },
  // [SDK] 1–32 OCPUs, 6–512 GB; [DS] the same maxima.
  "VM.Standard3.Flex": { minOcpus: 1, maxOcpus: 32, ...MEMORY_PER_OCPU, minMemoryGB: 6, maxMemoryGB: 512 },
  // [SDK] 1–18 OCPUs, 6–256 GB; [DS] the same maxima.
  "VM.Optimized3.Flex": { minOcpus: 1, maxOcpus: 18, ...MEMORY_PER_OCPU, minMemoryGB: 6, maxMemoryGB: 256 },
  // [DS] 1–80 OCPUs, up to 512 GB (an older revision said 1024). The 6 GB per OCPU rule is stated for the
  // x86 standard shapes; applying it to A1 is unverified.
  "VM.Standard.A1.Flex": { minOcpus: 1, maxOcpus: 80, ...MEMORY_PER_OCPU, minMemoryGB: 6, maxMemoryGB: 512 },
} as const satisfies Record<string, FlexShapeLimits>;

export type KnownFlexShape = keyof typeof FLEX_SHAPE_LIMITS;

export function flexShapeLimits(shape: string): FlexShapeLimits | undefined {
  return Object.hasOwn(FLEX_SHAPE_LIMITS, shape) ? FLEX_SHAPE_LIMITS[shape as KnownFlexShape] : undefined;
}
