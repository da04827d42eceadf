/** The part of d3-hexjson (1.1.1, no types of its own) the map uses. */
declare module 'd3-hexjson' {
  export interface HexJsonHex {
    q: number;
    r: number;
    [field: string]: unknown;
  }
  export interface HexJson<H extends HexJsonHex = HexJsonHex> {
    layout: 'odd-r' | 'even-r' | 'odd-q' | 'even-q';
    hexes: Record<string, H>;
  }
  /** A hex with its key, centre (x, y), vertices relative to the centre and the polygon's points attribute. */
  export type RenderedHex<H extends HexJsonHex = HexJsonHex> = H & { key: string; x: number; y: number; qc: number; rc: number; vertices: { x: number; y: number }[]; points: string };
  export function renderHexJSON<H extends HexJsonHex>(hexjson: HexJson<H>, width: number, height: number): RenderedHex<H>[];
}
