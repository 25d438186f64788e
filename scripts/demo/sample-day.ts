/**
 * The demo's sample deployments and their day: how much CPU and memory each one needs, hour by hour.
 * CPU demand is in percent of one instance (300 = three instances' worth), shared by the instances;
 * every instance holds the whole model, so memory use does not shrink with more instances, only with
 * a larger shape.
 */

/** [minute of the day, value] points, linearly interpolated. */
export type Curve = readonly (readonly [number, number])[];

export interface SampleDeployment {
  name: string;
  shape: string;
  instances: number;
  cpuDemand: Curve;
  memoryGB: Curve;
}

/** "08:20 330, 09:00 370" -> [[500, 330], [540, 370]] */
function curve(points: string): Curve {
  return points.split(",").map((point) => {
    const [time = "", value = ""] = point.trim().split(/\s+/);
    const [hours = 0, minutes = 0] = time.split(":").map(Number);
    return [hours * 60 + minutes, Number(value)] as const;
  });
}

export const DAY_START = 6 * 60;
export const DAY_END = 24 * 60;

export const SAMPLE_DEPLOYMENTS: readonly SampleDeployment[] = [
  {
    name: "fraud-scoring",
    shape: "VM.Standard2.1",
    instances: 1,
    // A morning surge faster than one instance per 5 minutes, a short peak above what 4 instances
    // handle, a quick fall after lunch; then an afternoon batch that loads a large feature cache.
    cpuDemand: curve("06:00 30, 08:00 45, 08:20 330, 08:35 365, 08:50 290, 12:00 280, 12:30 20, 24:00 20"),
    memoryGB: curve("06:00 6, 14:00 6, 14:20 27, 16:30 27, 17:00 6, 24:00 6"),
  },
  {
    name: "recommendations",
    shape: "VM.Standard.E2.2",
    instances: 1,
    // Evening traffic.
    cpuDemand: curve("06:00 20, 18:00 40, 18:30 170, 21:00 160, 21:30 15, 24:00 15"),
    memoryGB: curve("06:00 5, 24:00 5"),
  },
];

/** Memory per instance, for the shapes the demo can reach. */
const SHAPE_MEMORY_GB: Record<string, number> = {
  "VM.Standard2.1": 15,
  "VM.Standard2.2": 30,
  "VM.Standard2.4": 60,
  "VM.Standard2.8": 120,
  "VM.Standard.E2.1": 8,
  "VM.Standard.E2.2": 16,
  "VM.Standard.E2.4": 32,
  "VM.Standard.E2.8": 64,
};

export function valueAt(curve: Curve, minute: number): number {
  const after = curve.findIndex(([m]) => m >= minute);
  if (after <= 0) return (curve[after === 0 ? 0 : curve.length - 1] as readonly [number, number])[1];
  const [m0, v0] = curve[after - 1] as readonly [number, number];
  const [m1, v1] = curve[after] as readonly [number, number];
  return v0 + ((v1 - v0) * (minute - m0)) / (m1 - m0);
}

export function cpuUtilization(deployment: SampleDeployment, minute: number, instances: number): number {
  return Math.min(100, valueAt(deployment.cpuDemand, minute) / Math.max(1, instances));
}

export function memoryUtilization(deployment: SampleDeployment, minute: number, shape: string): number {
  const capacity = SHAPE_MEMORY_GB[shape] ?? 15;
  return Math.min(100, (valueAt(deployment.memoryGB, minute) / capacity) * 100);
}

export function clock(minute: number): string {
  const hours = Math.floor(minute / 60);
  return `${String(hours).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}
