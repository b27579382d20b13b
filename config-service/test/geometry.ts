/** An axis-aligned closed ring of [lng, lat] positions, for made-up areas in tests. */
export function box(west: number, south: number, east: number, north: number): number[][] {
  return [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ];
}
