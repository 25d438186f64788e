import { describe, expect, it } from "vitest";
import {
  consoleUrl,
  notificationKind,
  notificationMessage,
  undecidedMessage,
} from "../../src/results/change-notification";
import type { DeploymentResult } from "../../src/results/response";
import { regionOfOcid } from "../../src/run/notify";

const ID = "ocid1.datasciencemodeldeployment.oc1.iad.amaaaaaaexample";

function result(overrides: Partial<DeploymentResult>): DeploymentResult {
  return {
    deploymentId: ID,
    action: "instance-up",
    outcome: "skipped",
    reasonCode: "ScaledUp",
    reason: "",
    scaleDownAlarm: "none",
    ...overrides,
  };
}

describe("notificationKind", () => {
  it.each([
    { r: { outcome: "updated", reasonCode: "ScaledUp" }, type: "REPEAT", kind: "change" },
    { r: { outcome: "updated", reasonCode: "BroughtWithinBounds" }, type: "OK_TO_FIRING", kind: "change" },
    { r: { reasonCode: "AtMaxInstances" }, type: "OK_TO_FIRING", kind: "refusal" },
    { r: { reasonCode: "AtLargestShape", action: "shape-up" }, type: "OK_TO_FIRING", kind: "refusal" },
    // The limit does not move by itself: told when the alarm starts firing, not every repeat interval.
    { r: { reasonCode: "AtMaxInstances" }, type: "REPEAT", kind: undefined },
    { r: { outcome: "failed", reasonCode: "UpdateRefused" }, type: "REPEAT", kind: "refusal" },
    { r: { reasonCode: "CoolingDown" }, type: "OK_TO_FIRING", kind: undefined },
    { r: { reasonCode: "AtMinInstances", action: "instance-down" }, type: "OK_TO_FIRING", kind: undefined },
    { r: { outcome: "dry-run", reasonCode: "ScaledUp" }, type: "OK_TO_FIRING", kind: undefined },
  ] as const)("$r.reasonCode ($r.outcome) on $type: $kind", ({ r, type, kind }) => {
    expect(notificationKind(result(r as Partial<DeploymentResult>), type)).toBe(kind);
  });
});

describe("notificationMessage", () => {
  const context = { displayName: "fraud-model", region: "us-ashburn-1", alarmTitle: "hi", alarmType: "REPEAT" };

  it("says down for a count that fell, whichever alarm brought it within bounds", () => {
    const brought = result({ outcome: "updated", from: 20, to: 10, reasonCode: "BroughtWithinBounds" });
    expect(notificationMessage("change", brought, context).title).toBe("fraud-model scaled down: instances 20 -> 10");
  });

  it("keeps the title short and falls back to the OCID without a display name", () => {
    const long = notificationMessage("change", result({ outcome: "updated", from: 1, to: 2 }), {
      ...context,
      displayName: "x".repeat(500),
    });
    expect(long.title).toHaveLength(200);
    const unnamed = notificationMessage("refusal", result({ reasonCode: "AtMaxInstances" }), {
      ...context,
      displayName: "",
    });
    expect(unnamed.title).toBe(`${ID} not scaled: AtMaxInstances`);
  });

  it("carries each warning on its own line", () => {
    const warned = result({ outcome: "updated", from: 1, to: 2, warnings: ["a", "b"] });
    expect(notificationMessage("change", warned, context).body).toMatch(/^Warning: a\.\nWarning: b\.$/m);
  });
});

describe("console link", () => {
  it("reads the region from the OCID's region segment", () => {
    expect(regionOfOcid(ID)).toBe("us-ashburn-1");
    expect(regionOfOcid("ocid1.datasciencemodeldeployment.oc1.eu-frankfurt-1.x")).toBe("eu-frankfurt-1");
    expect(regionOfOcid("ocid1.datasciencemodeldeployment.oc1")).toBeUndefined();
  });

  it("opens the deployment's page, in its region when known", () => {
    expect(consoleUrl(ID, "us-ashburn-1")).toBe(
      `https://cloud.oracle.com/data-science/model-deployments/${ID}?region=us-ashburn-1`,
    );
    expect(consoleUrl(ID, undefined)).toBe(`https://cloud.oracle.com/data-science/model-deployments/${ID}`);
  });
});

describe("undecidedMessage", () => {
  const undecided = (n: number) =>
    result({ deploymentId: `${ID}${n}`, reasonCode: "NotDecidedBeforeDeadline", reason: "no time was left" });

  it("lists every deployment left undecided, why, and what to do", () => {
    const { title, body } = undecidedMessage([undecided(1), undecided(2)], {
      alarmTitle: "hi",
      alarmType: "OK_TO_FIRING",
    });
    expect(title).toBe("2 model deployment(s) not decided: NotDecidedBeforeDeadline");
    expect(body.split("\n")).toEqual([
      "2 model deployment(s) named by the alarm were not decided before the function had to answer:",
      `- ${ID}1`,
      `- ${ID}2`,
      "Why: no time was left.",
      expect.stringMatching(/^What to do: give the alarm a repeat interval \(repeatNotificationDuration\)/),
      "Alarm: hi (OK_TO_FIRING)",
      "Sent by model-deployment-autoscale.",
    ]);
  });

  it("names at most 100 and counts the rest, so the message stays far below 64 KB", () => {
    const { body } = undecidedMessage(
      Array.from({ length: 250 }, (_, i) => undecided(i)),
      { alarmTitle: undefined, alarmType: undefined },
    );
    expect(body.split("\n").filter((line) => line.startsWith(`- ${ID}`))).toHaveLength(100);
    expect(body).toContain("- and 150 more (see the function's log)");
    expect(Buffer.byteLength(body)).toBeLessThan(64 * 1024);
  });
});
