import { describe, expect, it, vi } from "vitest";
import { runSoak } from "../../commands/soak/soak-run";

describe("a soak of simulated hours", () => {
  it("keeps every deployment in bounds, one way down above the floor, none at it, and logs every decision", async () => {
    // The SDK warns on every retried request; hundreds of injected faults would drown the report.
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const report = await runSoak({
      deployments: 6,
      busyMinutes: 10 * 60,
      quietMinutes: 3 * 60,
      seed: 7,
      faultRate: 0.15,
      duplicateRate: 0.1,
    });
    console.log(`soak: ${JSON.stringify(report)}`);

    expect(report.violations).toEqual([]);
    expect(report.deliveries).toBeGreaterThan(300);
    expect(report.redeliveries).toBeGreaterThan(0);
    expect(report.updates).toBeGreaterThan(20);
    expect(report.peak.instances).toBeGreaterThan(1);
    expect(report.peak.shape).not.toBe("VM.Standard2.1");
    expect(report.faultsInjected).toBeGreaterThan(0);
  }, 240_000);
});
