import type { CallCount } from "./api-calls";
import type { Target, VariantFigures } from "./report";

const MAX_RSS_MB = 100;

function find(variants: VariantFigures[], prefix: string): VariantFigures | undefined {
  return variants.find((v) => v.name.startsWith(prefix));
}

/** The targets of issue 6, judged on medians. */
export function evaluateTargets(variants: VariantFigures[], calls: CallCount[]): Target[] {
  const unbundled = find(variants, "unbundled");
  const floor = find(variants, "floor");
  const targets: Target[] = [];
  for (const bundle of [find(variants, "bundle ("), find(variants, "bundle from")]) {
    if (bundle) targets.push(...startTargets(bundle, unbundled, floor));
  }
  return [...targets, ...callTargets(calls)];
}

function startTargets(
  bundle: VariantFigures,
  unbundled: VariantFigures | undefined,
  floor: VariantFigures | undefined,
): Target[] {
  const label = bundle.name.replace(/ \(.*\)$/, "");
  const targets: Target[] = [];
  if (unbundled) {
    const ratio = bundle.answered.median / unbundled.answered.median;
    targets.push({
      name: `${label}: cold start <= 0.5x unbundled`,
      pass: ratio <= 0.5,
      detail: `${ratio.toFixed(2)}x (${bundle.answered.median.toFixed(0)} / ${unbundled.answered.median.toFixed(0)} ms)`,
    });
  }
  if (bundle && floor) {
    const ratio = bundle.answered.median / floor.answered.median;
    targets.push({
      name: `${label}: cold start <= 2x bare node`,
      pass: ratio <= 2,
      detail: `${ratio.toFixed(2)}x (${bundle.answered.median.toFixed(0)} / ${floor.answered.median.toFixed(0)} ms)`,
    });
  }
  {
    const peak = Math.max(bundle.coldRss?.max ?? Number.NaN, bundle.warmRss ?? Number.NaN);
    targets.push({
      name: `${label}: peak RSS <= ${MAX_RSS_MB} MB`,
      pass: peak <= MAX_RSS_MB,
      detail: `${peak.toFixed(1)} MB (highest of all cold and warm runs)`,
    });
  }
  return targets;
}

function callTargets(calls: CallCount[]): Target[] {
  const targets: Target[] = [];
  const noOps = calls.filter((c) => c.audit.noOp);
  const worstNoOp = Math.max(...noOps.map((c) => c.calls.length));
  targets.push({
    name: "a REPEAT that changes nothing: <= 1 OCI call",
    pass: worstNoOp <= 1,
    detail: noOps.map((c) => `${c.audit.name}: ${c.calls.length}`).join("; "),
  });
  const ticks = calls.filter((c) => c.audit.name.startsWith("forecast tick"));
  for (const tick of ticks) {
    const reads = tick.calls.filter((call) => call === "READ history").length;
    const writes = tick.calls.filter(
      (call) => !call.startsWith("GET ") && !call.startsWith("READ ") && !call.startsWith("LIST "),
    );
    targets.push({
      name: "a forecast tick that changes nothing: GetSchedule, the deployment read, <= 1 metrics read, no write",
      pass:
        tick.calls.includes("GET schedule") &&
        tick.calls.includes("GET deployment") &&
        reads <= 1 &&
        writes.length === 0,
      detail: `${tick.audit.name}: ${tick.calls.join(", ") || "no call"}`,
    });
  }
  const unneeded = calls.filter((c) => c.calls.join(",") !== c.audit.needed.join(","));
  targets.push({
    name: "no decision makes a call its result does not need",
    pass: unneeded.length === 0,
    detail: unneeded.length === 0 ? `${calls.length} decisions audited` : unneeded.map((c) => c.audit.name).join("; "),
  });
  return targets;
}
