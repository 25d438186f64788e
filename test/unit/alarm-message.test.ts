import { describe, expect, it } from "vitest";
import { AlarmVersionSchema, isActionable } from "../../src/message/alarm-message";

describe("isActionable", () => {
  it.each([
    ["OK_TO_FIRING", true],
    ["REPEAT", true],
    ["FIRING_TO_OK", false],
    ["RESET", false],
    ["ok_to_firing", false],
    ["", false],
  ])("treats %j as actionable: %s", (type, expected) => {
    expect(isActionable(type)).toBe(expected);
  });
});

describe("AlarmVersionSchema", () => {
  it.each([
    [1, 1],
    [1.99, 1.99],
    ["1.3", 1.3],
  ])("reads %j as %s", (raw, expected) => {
    expect(AlarmVersionSchema.parse(raw)).toBe(expected);
  });

  it.each([2, 0, -1, Number.NaN, "", " 1.5", "1.5 ", "1e0"])("refuses %j", (raw) => {
    expect(AlarmVersionSchema.safeParse(raw).success).toBe(false);
  });
});
