import { describe, expect, it } from "vitest";
import { runSoak } from "../../commands/soak/soak-run";

/**
 * A short soak (3 busy and 3 quiet simulated hours, about 15 s); `npm run soak` plays the long one (10 and 3
 * hours) with the same invariants and prints its figures (docs/development.md).
 */
describe("a soak of simulated hours", () => {
  it("keeps every deployment in bounds, one way down above the floor, none at it, and logs every decision", async () => {
    const report = await runSoak({
      deployments: 6,
      busyMinutes: 3 * 60,
      quietMinutes: 3 * 60,
      seed: 7,
      faultRate: 0.15,
      duplicateRate: 0.1,
    });

    expect(report.violations).toEqual([]);
    expect(report.deliveries).toBeGreaterThan(150);
    expect(report.redeliveries).toBeGreaterThan(0);
    expect(report.updates).toBeGreaterThan(20);
    expect(report.peak.instances).toBeGreaterThan(1);
    expect(report.peak.shape).not.toBe("VM.Standard2.1");
    expect(report.faultsInjected).toBeGreaterThan(0);
    expect(report.decisionsLogged).toBe(report.decisionsAnswered);
  }, 120_000);
});
