/**
 * Fixed-shape ladders, smallest first. Each family is one ladder: vertical scaling moves one rung.
 * Sources: OCI Data Science "Supported compute shapes" and Compute "VM shapes" pages (OCPU and memory per rung).
 */
export const DEFAULT_SHAPE_LADDERS: readonly (readonly string[])[] = [
  ["VM.Standard2.1", "VM.Standard2.2", "VM.Standard2.4", "VM.Standard2.8", "VM.Standard2.16", "VM.Standard2.24"],
  ["VM.Standard.E2.1", "VM.Standard.E2.2", "VM.Standard.E2.4", "VM.Standard.E2.8"],
  ["VM.GPU3.1", "VM.GPU3.2", "VM.GPU3.4"],
  ["VM.GPU2.1"],
  ["VM.GPU.A10.1", "VM.GPU.A10.2"],
];

export interface LadderPosition {
  ladder: readonly string[];
  index: number;
}

export function findOnLadder(ladders: readonly (readonly string[])[], shape: string): LadderPosition | undefined {
  for (const ladder of ladders) {
    const index = ladder.indexOf(shape);
    if (index >= 0) return { ladder, index };
  }
  return undefined;
}

/**
 * A ladder shape's size relative to its rungs: the number that ends its name (VM.Standard2.4 has twice
 * VM.Standard2.2's OCPUs and memory; every built-in ladder grows that way). Undefined when the name has none.
 */
export function rungSize(shape: string): number | undefined {
  const size = Number(/\.(\d+)$/.exec(shape)?.[1]);
  return Number.isFinite(size) && size > 0 ? size : undefined;
}

export function isFlexShape(shape: string): boolean {
  return shape.endsWith(".Flex");
}
