import { type HexJson, type RenderedHex, renderHexJSON } from 'd3-hexjson';
import layout from './england-las.hex.json';

/** One authority's cell: `la` is the DfE number the API uses, `n` the name (see README.md). */
export interface LaHex {
  q: number;
  r: number;
  n: string;
  la: string;
  [field: string]: unknown;
}

export const ENGLAND_HEXES = layout as HexJson<LaHex>;

/** The map's height for a width: the cells fill the width (rows of hexagons overlap by a quarter). */
export function heightFor(width: number, hexjson: HexJson<LaHex> = ENGLAND_HEXES): number {
  const cells = Object.values(hexjson.hexes);
  const columns = Math.max(...cells.map((h) => h.q)) - Math.min(...cells.map((h) => h.q)) + 1;
  const rows = Math.max(...cells.map((h) => h.r)) - Math.min(...cells.map((h) => h.r)) + 1;
  const radius = width / ((columns + 0.5) * Math.sqrt(3));
  return Math.ceil(radius * (rows * 1.5 + 1 / 3));
}

/** Every cell with its centre and polygon, drawn by d3-hexjson to fit `width`. */
export function renderHexes(width: number, hexjson: HexJson<LaHex> = ENGLAND_HEXES): RenderedHex<LaHex>[] {
  return renderHexJSON(hexjson, width, heightFor(width, hexjson));
}

export type Direction = 'left' | 'right' | 'up' | 'down';

/**
 * The cell an arrow key moves to from `from`: left and right along the row, up and down to the
 * nearest cell in the rows above or below (the closest row first, then the closest across), so
 * every cell can be reached. Undefined at an edge.
 */
export function nextHex<H extends { x: number; y: number }>(hexes: readonly H[], from: H, direction: Direction): H | undefined {
  const row = (h: H) => Math.abs(h.y - from.y) < 1;
  const candidates = hexes.filter((h) => {
    if (h === from) return false;
    if (direction === 'left') return row(h) && h.x < from.x;
    if (direction === 'right') return row(h) && h.x > from.x;
    if (direction === 'up') return h.y < from.y - 1;
    return h.y > from.y + 1;
  });
  const score = (h: H) => (direction === 'left' || direction === 'right' ? Math.abs(h.x - from.x) : Math.abs(h.y - from.y) * 1000 + Math.abs(h.x - from.x));
  return candidates.sort((a, b) => score(a) - score(b))[0];
}
