import fs from 'node:fs';
import path from 'node:path';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, test, vi } from 'vitest';
import { continuousColour, quartileColour } from './colour-scale';
import HexMap, { type HexDatum } from './HexMap';
import { ENGLAND_HEXES, renderHexes } from './hex-layout';

const DATA_DIR = process.env.SENDBENCH_DATA_DIR ?? path.resolve(__dirname, '../../../../../shared/data');

/** The cells of one CSV line (RFC 4180 quoting: "Bristol, City of"). */
const cellsOf = (line: string) => [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => m[1].replace(/^"|"$/g, '').replace(/""/g, '"'));

/** The current LAs of the official lookup, by DfE number. */
function currentLas(): string[] {
  const [header, ...lines] = fs.readFileSync(path.join(DATA_DIR, 'reference', 'la_lookup_with_programmes.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  const columns = cellsOf(header);
  const code = columns.indexOf('old_la_code');
  const current = columns.indexOf('current_la');
  return lines.map(cellsOf).filter((cells) => cells[current] === 'yes').map((cells) => cells[code]);
}

const hexes = renderHexes(1000);
const centre = (la: string) => hexes.find((h) => h.la === la)!;
/** Two cells share an edge when their centres are one hexagon width apart (the nearest any two cells are). */
const sideBySide = (a: string, b: string) => Math.hypot(centre(a).x - centre(b).x, centre(a).y - centre(b).y) < hexes[0].vertices[1].x * 2 * 1.01;
const cells = Object.values(ENGLAND_HEXES.hexes);

const figures = new Map<string, HexDatum>([
  ['886', { value: 36.1, status: 'value', band: 1, marker: '' }],
  ['316', { value: 41.2, status: 'value', band: 2, marker: ' [1, 2]' }],
  ['873', { value: null, status: 'x', band: null, marker: '' }],
]);

function renderMap(onOpen = vi.fn()) {
  render(<HexMap data={figures} scale="quartile" polarity="NEUTRAL" format={{ unit: 'PERCENT', decimals: 1 }} focus="886" peers={new Set(['845'])} title="Test map" onOpen={onOpen} width={900} />);
  return onOpen;
}

describe('hex map layout', () => {
  test('has 153 distinct cells, one per current authority of the official lookup', () => {
    expect(new Set(cells.map((h) => `${h.q},${h.r}`)).size).toBe(153);
    expect(cells.map((h) => h.la).sort()).toEqual(currentLas().sort());
  });

  test('puts each pair of successor authorities in adjacent cells', () => {
    expect([sideBySide('942', '943'), sideBySide('940', '941'), sideBySide('942', '940')]).toEqual([true, true, false]);
  });

  test('keys every cell by its authority\'s current ONS code, Buckinghamshire\'s included', () => {
    expect(Object.entries(ENGLAND_HEXES.hexes).find(([, h]) => h.la === '825')?.[0]).toBe('E06000060');
  });
});

describe('HexMap', () => {
  test('puts only the focus authority in the tab order, described with its figure', () => {
    renderMap();
    const tabbable = document.querySelectorAll('[data-la][tabindex="0"]');
    expect([...tabbable].map((e) => e.getAttribute('aria-label'))).toEqual(['Kent (selected): 36.1%, lowest quarter']);
  });

  test('moves focus to the next cell with an arrow key and shows its figures', () => {
    renderMap();
    const kent = document.querySelector<SVGGElement>('[data-la="886"]')!;
    kent.focus();
    fireEvent.keyDown(kent, { key: 'ArrowLeft' });
    const moved = document.activeElement!;
    expect(moved.getAttribute('data-la')).not.toBe('886');
    expect(moved.getAttribute('tabindex')).toBe('0');
    expect(screen.getByRole('status').textContent).toContain(moved.getAttribute('aria-label')!);
  });

  test('opens the authority with enter and with a click', () => {
    const onOpen = renderMap();
    fireEvent.keyDown(document.querySelector('[data-la="886"]')!, { key: 'Enter' });
    fireEvent.click(document.querySelector('[data-la="316"]')!);
    expect(onOpen.mock.calls).toEqual([['886'], ['316']]);
  });

  test('hatches a value with a symbol instead of colouring it, and names the symbol', () => {
    renderMap();
    const cambridgeshire = document.querySelector('[data-la="873"]')!;
    expect(cambridgeshire.querySelector('polygon')!.getAttribute('fill')).toBe('url(#sb-hatch-x)');
    expect(cambridgeshire.getAttribute('aria-label')).toBe('Cambridgeshire: no figure (x: Not available: not collected, not published, or not derivable for this period.)');
  });

  test('carries a value\'s footnote marker into its description', () => {
    renderMap();
    expect(document.querySelector('[data-la="316"]')!.getAttribute('aria-label')).toBe('Newham: 41.2% [1, 2], lower middle quarter');
  });
});

describe('map colours', () => {
  test('give the better end the same colour whichever way a metric points', () => {
    expect(quartileColour(4, 'HIGHER_IS_BETTER')).toBe(quartileColour(1, 'LOWER_IS_BETTER'));
    expect(continuousColour(10, 0, 10, 'HIGHER_IS_BETTER')).toBe(continuousColour(0, 0, 10, 'LOWER_IS_BETTER'));
  });

  test('tell the four quartile bands apart', () => {
    expect(new Set([1, 2, 3, 4].map((band) => quartileColour(band, 'NEUTRAL'))).size).toBe(4);
  });
});
