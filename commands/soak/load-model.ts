export { mulberry32 } from "../../emulator";

/** Memory in GB per rung of the VM.Standard2 ladder (OCI Compute VM shapes table). */
export const STANDARD2_MEMORY_GB: Record<string, number> = {
  "VM.Standard2.1": 15,
  "VM.Standard2.2": 30,
  "VM.Standard2.4": 60,
  "VM.Standard2.8": 120,
  "VM.Standard2.16": 240,
  "VM.Standard2.24": 320,
};

/**
 * A day of traffic for one deployment: CPU demand in "instances' worth" and memory demand in GB, rising
 * to a peak and falling, with noise. Each deployment peaks at its own time.
 */
export function demand(
  minute: number,
  phase: number,
  random: () => number,
  quiet: boolean,
): { cpu: number; memoryGb: number } {
  if (quiet) return { cpu: 0.05, memoryGb: 0.5 };
  const wave = Math.max(0, Math.sin(((minute + phase) / 240) * Math.PI));
  return { cpu: 0.3 + 4 * wave + random() * 0.3, memoryGb: 2 + 50 * wave * wave + random() * 2 };
}
