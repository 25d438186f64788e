import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/policy/config";
import { DEFAULT_SHAPE_LADDERS, findOnLadder, isFlexShape } from "../../src/policy/shape-ladders";

describe("DEFAULT_SHAPE_LADDERS", () => {
  it("passes the SHAPE_LADDERS validation (no shape on two rungs, no empty ladder)", () => {
    expect(loadConfig({ SHAPE_LADDERS: JSON.stringify(DEFAULT_SHAPE_LADDERS) }).SHAPE_LADDERS).toEqual(
      DEFAULT_SHAPE_LADDERS,
    );
  });

  it("lists no flex shape, which could never be scaled from a ladder", () => {
    expect(DEFAULT_SHAPE_LADDERS.flat().filter(isFlexShape)).toEqual([]);
  });
});

describe("findOnLadder", () => {
  const ladders = [
    ["A.1", "A.2", "A.4"],
    ["B.1", "B.2"],
  ];

  it.each([
    ["A.1", 0, 0],
    ["A.4", 0, 2],
    ["B.1", 1, 0],
    ["B.2", 1, 1],
  ])("finds %s on ladder %i at rung %i", (shape, ladder, index) => {
    expect(findOnLadder(ladders, shape)).toEqual({ ladder: ladders[ladder], index });
  });

  it.each(["C.1", "a.1", "A", ""])("finds no rung for %j", (shape) => {
    expect(findOnLadder(ladders, shape)).toBeUndefined();
  });

  it("finds nothing on no ladders", () => {
    expect(findOnLadder([], "A.1")).toBeUndefined();
  });
});

describe("isFlexShape", () => {
  it.each([
    ["VM.Standard.E4.Flex", true],
    ["VM.Standard3.Flex", true],
    ["VM.Standard.A1.Flex", true],
    ["VM.Standard2.1", false],
    ["VM.GPU.A10.1", false],
    // Only the suffix counts, as OCI names flex shapes.
    ["VM.Flexible.1", false],
    ["VM.Standard.E4.flex", false],
  ])("reads %s as flex: %s", (shape, expected) => {
    expect(isFlexShape(shape)).toBe(expected);
  });
});
