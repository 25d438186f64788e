import { describe, expect, it } from "vitest";
import { durationMinutes, selectDeployments } from "../../src/message/deployment-selection";
import type { DeploymentTarget } from "../../src/message/deployments-in-alarm";

const targets: DeploymentTarget[] = Array.from({ length: 7 }, (_, i) => ({
  deploymentId: `ocid1.datasciencemodeldeployment.oc1.iad.amaaaaaa${i}`,
  firingAlarmId: "ocid1.alarm.oc1.iad.a",
}));
const ids = (list: DeploymentTarget[]) => list.map((t) => Number(t.deploymentId.slice(-1)));
const MINUTE = 60_000;

describe("selectDeployments", () => {
  it("decides every deployment when they fit under the limit", () => {
    expect(selectDeployments(targets, 7, 0, 5)).toEqual({ chosen: targets, deferred: [] });
  });

  it("takes a window that moves one limit on with each repeat interval", () => {
    const start = 1_000 * 5 * MINUTE; // slot 1000 of 5-minute intervals: 1000 × 3 mod 7 = 4
    expect(ids(selectDeployments(targets, 3, start, 5).chosen)).toEqual([4, 5, 6]);
    expect(ids(selectDeployments(targets, 3, start + 5 * MINUTE, 5).chosen)).toEqual([0, 1, 2]);
    expect(ids(selectDeployments(targets, 3, start + 10 * MINUTE, 5).chosen)).toEqual([3, 4, 5]);
  });

  it("serves every deployment within ceil(count / limit) successive REPEATs", () => {
    const served = new Set<number>();
    for (let repeat = 0; repeat < Math.ceil(7 / 3); repeat++) {
      for (const id of ids(selectDeployments(targets, 3, (12_345 + repeat) * 10 * MINUTE, 10).chosen)) served.add(id);
    }
    expect([...served].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it("picks the same ones for a duplicate delivery, and reports the rest as deferred", () => {
    const first = selectDeployments(targets, 3, 42 * MINUTE, 1);
    expect(selectDeployments([...targets].reverse(), 3, 42 * MINUTE, 1)).toEqual(first);
    expect(first.deferred).toHaveLength(4);
  });
});

describe("durationMinutes", () => {
  it.each([
    ["PT5M", 5],
    ["PT1H30M", 90],
    ["PT2H", 120],
    ["PT90S", 2],
    [undefined, undefined],
    ["P1D", undefined],
  ])("%s is %s minutes", (iso, minutes) => {
    expect(durationMinutes(iso)).toBe(minutes);
  });
});
