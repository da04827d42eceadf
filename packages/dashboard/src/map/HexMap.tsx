import { type KeyboardEvent, useMemo, useRef, useState } from 'react';
import { useWidth } from '../charts/use-width';
import { formatValue, quartileLabel, statusDescription, type ValueFormat } from '../format/format-value';
import { continuousColour, legendEnds, type MapScale, patternOf, type PolarityCode, quartileColour, SYMBOL_PATTERNS } from './colour-scale';
import { type Direction, nextHex, renderHexes } from './hex-layout';

/** One authority's figure as the map shows it. */
export interface HexDatum {
  value: number | null;
  status: string;
  /** Quartile band among every authority with a value (4 = highest), or null. */
  band: number | null;
  /** Footnote marker of its data-quality notes (" [1]"), or "". */
  marker: string;
}

export interface HexMapProps {
  /** Figures by DfE LA number; an authority without an entry is "x". */
  data: ReadonlyMap<string, HexDatum>;
  scale: MapScale;
  polarity: PolarityCode;
  format: ValueFormat;
  focus?: string;
  /** Members of the comparator set, outlined. */
  peers: ReadonlySet<string>;
  title: string;
  /** Opens an authority (its profile). */
  onOpen: (code: string) => void;
  /** Fixed width (tests); otherwise the map follows its container. */
  width?: number;
}

const KEYS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };
const KEY_HEIGHT = 96;

/**
 * A hex cartogram of the 153 authorities (cells laid out by d3-hexjson), filled by quartile band or
 * on a continuous scale; values with a symbol are hatched, never coloured as a number. The focus is
 * outlined thick, comparators dashed. One cell is in the tab order at a time: arrow keys move
 * between cells, Enter opens the authority's profile, and the focused cell shows its figures.
 */
export default function HexMap({ data, scale, polarity, format, focus, peers, title, onOpen, width: fixedWidth }: HexMapProps) {
  const box = useRef<HTMLDivElement>(null);
  const measured = useWidth(box);
  // Wider than this the map only grows taller than a screen: the cells are large enough to read.
  const width = fixedWidth ?? Math.min(measured, 680);
  const hexes = useMemo(() => renderHexes(width - 8), [width]);
  const height = Math.ceil(Math.max(...hexes.map((h) => h.y)) + hexes[0].vertices[3].y + 8);
  const values = [...data.values()].filter((d) => d.value !== null).map((d) => d.value!);
  const [min, max] = [Math.min(...values), Math.max(...values)];
  const [active, setActive] = useState<string>(() => (focus && hexes.some((h) => h.la === focus) ? focus : hexes[0].la));
  const [shown, setShown] = useState<string>();
  const [focused, setFocused] = useState<string>();
  const refs = useRef(new Map<string, SVGGElement>());
  const datum = (code: string): HexDatum => data.get(code) ?? { value: null, status: 'x', band: null, marker: '' };
  const fill = (d: HexDatum) =>
    d.value === null ? `url(#${patternOf(d.status)})` : scale === 'quartile' ? quartileColour(d.band ?? 1, polarity) : continuousColour(d.value, min, max, polarity);
  const describe = (code: string, name: string) => {
    const d = datum(code);
    const figure = d.value === null ? `no figure (${d.status}: ${statusDescription(d.status)})` : `${formatValue(d.value, 'value', format)}${d.marker}, ${quartileLabel(d.band).toLowerCase()}`;
    return `${name}${code === focus ? ' (selected)' : peers.has(code) ? ' (comparator)' : ''}: ${figure}`;
  };
  const move = (event: KeyboardEvent, from: string) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(from);
      return;
    }
    const direction = KEYS[event.key];
    if (!direction) return;
    event.preventDefault();
    const current = hexes.find((h) => h.la === from)!;
    const next = nextHex(hexes, current, direction);
    if (!next) return;
    setActive(next.la);
    setShown(next.la);
    refs.current.get(next.la)?.focus();
  };
  const tip = shown ? hexes.find((h) => h.la === shown) : undefined;
  const ring = focused ? hexes.find((h) => h.la === focused) : undefined;
  const ends = legendEnds(polarity);
  const ramp = scale === 'quartile' ? [1, 2, 3, 4].map((band) => quartileColour(band, polarity)) : Array.from({ length: 12 }, (_, i) => continuousColour(min + ((max - min) * i) / 11, min, max, polarity));
  const keyWidth = Math.min(width - 8, 560);
  const symbolWidth = (keyWidth - 8) / 2;
  return (
    <div ref={box} className="sb-chart sb-hexmap">
      <svg
        width={width - 8}
        height={height}
        viewBox={`0 0 ${width - 8} ${height}`}
        role="group"
        aria-label={`${title}. A hex map with one cell per authority: use the arrow keys to move between cells and Enter to open an authority's profile.`}
        data-export=""
      >
        <defs>
          <pattern id="sb-hatch-x" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#ffffff" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#505a5f" strokeWidth="2" />
          </pattern>
          <pattern id="sb-hatch-z" width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" fill="#ffffff" />
            <line x1="0" y1="3" x2="6" y2="3" stroke="#505a5f" strokeWidth="1.5" />
          </pattern>
          <pattern id="sb-hatch-c" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#ffffff" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#505a5f" strokeWidth="1.5" />
            <line x1="0" y1="3" x2="6" y2="3" stroke="#505a5f" strokeWidth="1.5" />
          </pattern>
          <pattern id="sb-hatch-other" width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" fill="#ffffff" />
            <circle cx="3" cy="3" r="1.3" fill="#505a5f" />
          </pattern>
        </defs>
        <g transform="translate(4 4)">
          {hexes.map((h) => {
            const d = datum(h.la);
            const isFocus = h.la === focus;
            const isPeer = !isFocus && peers.has(h.la);
            return (
              <g
                key={h.la}
                ref={(element) => {
                  if (element) refs.current.set(h.la, element);
                  else refs.current.delete(h.la);
                }}
                className="sb-hex"
                transform={`translate(${h.x} ${h.y})`}
                tabIndex={h.la === active ? 0 : -1}
                role="link"
                aria-label={describe(h.la, h.n)}
                onFocus={() => {
                  setActive(h.la);
                  setShown(h.la);
                  setFocused(h.la);
                }}
                onBlur={() => {
                  setShown(undefined);
                  setFocused(undefined);
                }}
                onMouseEnter={() => setShown(h.la)}
                onMouseLeave={() => setShown(undefined)}
                onClick={() => onOpen(h.la)}
                onKeyDown={(event) => move(event, h.la)}
                data-la={h.la}
              >
                <polygon points={h.points} fill={fill(d)} stroke="#505a5f" strokeWidth={0.75} />
                {(isFocus || isPeer) && (
                  <polygon points={h.points} fill="none" stroke="#0b0c0c" strokeWidth={isFocus ? 3.5 : 2} strokeDasharray={isPeer ? '3 2' : undefined} transform="scale(0.86)" />
                )}
                <title>{describe(h.la, h.n)}</title>
              </g>
            );
          })}
          {ring && (
            // Drawn over every cell (SVG paints in order), so neighbours never cover the focus ring.
            <g transform={`translate(${ring.x} ${ring.y})`} pointerEvents="none" aria-hidden="true" data-focus-ring="">
              <polygon points={ring.points} fill="none" stroke="#0b0c0c" strokeWidth={6} />
              <polygon points={ring.points} fill="none" stroke="#ffdd00" strokeWidth={3} />
            </g>
          )}
        </g>
      </svg>
      {tip && (
        <div className="sb-hexmap__tip" role="status" style={{ left: Math.min(Math.max(tip.x - 90, 0), width - 200), top: tip.y + 18 }}>
          {describe(tip.la, tip.n)}
          <span className="sb-hexmap__hint">Enter or click: open its profile</span>
        </div>
      )}
      <svg width={keyWidth} height={KEY_HEIGHT} viewBox={`0 0 ${keyWidth} ${KEY_HEIGHT}`} role="img" aria-label={`Key: colour from ${ends[0].toLowerCase()} to ${ends[1].toLowerCase()}${scale === 'quartile' ? ', by quartile band' : ''}; hatching for x (not available), z (not applicable), c (confidential) and other symbols; thick outline for the selected authority, dashed outline for comparators.`} data-export="" data-export-label="Key">
        {ramp.map((colour, i) => (
          <rect key={colour + i} x={4 + (i * (keyWidth - 8)) / ramp.length} y={4} width={(keyWidth - 8) / ramp.length} height={14} fill={colour} stroke="#505a5f" strokeWidth={0.5} />
        ))}
        <text x={4} y={32} fontSize={12} fill="#0b0c0c">
          {ends[0]}
          {scale === 'quartile' ? ' (quartile 1)' : ` ${formatValue(min, 'value', format)}`}
        </text>
        <text x={keyWidth - 4} y={32} fontSize={12} fill="#0b0c0c" textAnchor="end">
          {ends[1]}
          {scale === 'quartile' ? ' (quartile 4)' : ` ${formatValue(max, 'value', format)}`}
        </text>
        {SYMBOL_PATTERNS.map((p, i) => (
          <g key={p.id} transform={`translate(${4 + (i % 2) * symbolWidth} ${42 + Math.floor(i / 2) * 18})`}>
            <rect width={14} height={12} fill={`url(#${p.id})`} stroke="#505a5f" strokeWidth={0.5} />
            <text x={20} y={10} fontSize={12} fill="#0b0c0c">
              {p.label}
            </text>
          </g>
        ))}
        <g transform={`translate(4 ${80})`}>
          <rect width={14} height={12} fill="none" stroke="#0b0c0c" strokeWidth={2.5} />
          <text x={20} y={10} fontSize={12} fill="#0b0c0c">
            selected
          </text>
          <rect x={symbolWidth} width={14} height={12} fill="none" stroke="#0b0c0c" strokeWidth={1.5} strokeDasharray="3 2" />
          <text x={symbolWidth + 20} y={10} fontSize={12} fill="#0b0c0c">
            comparator
          </text>
        </g>
      </svg>
    </div>
  );
}
