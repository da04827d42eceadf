import { formatValue, type ValueFormat } from '../format/format-value';
import { extent, linearScale } from './scale';

export interface SpineChartProps {
  label: string;
  /** The focus LA's value (null when it has none). */
  value: number | null;
  focusName: string;
  england: number | null;
  median: number | null;
  lowerQuartile: number | null;
  upperQuartile: number | null;
  min: number | null;
  max: number | null;
  format: ValueFormat;
  /** Title of this chart inside an exported image. */
  exportLabel?: string;
}

const WIDTH = 320;
const HEIGHT = 36;
const PAD = 10;
export const SPINE_COLOURS = { range: '#b1b4b6', interquartile: '#505a5f', median: '#0b0c0c', focus: '#1d70b8', england: '#0b0c0c' } as const;

/** Words for what a spine chart shows (its text alternative). */
export function spineDescription(p: SpineChartProps): string {
  const f = (v: number | null) => (v === null ? 'not available' : formatValue(v, 'value', p.format));
  const focus = p.value === null ? `${p.focusName} has no figure` : `${p.focusName} ${f(p.value)}`;
  const england = p.england === null ? '' : `; England ${f(p.england)}`;
  return `${p.label}: ${focus}; comparator range ${f(p.min)} to ${f(p.max)}, middle half ${f(p.lowerQuartile)} to ${f(p.upperQuartile)}, median ${f(p.median)}${england}.`;
}

/**
 * A Fingertips-style spine: the comparator range (light bar), its middle half (dark bar) and
 * median (tick), England (open diamond) and the focus LA (filled circle). Shapes, not colour,
 * tell the marks apart; the description says the same in words.
 */
export function SpineChart(props: SpineChartProps) {
  const { value, england, median, lowerQuartile, upperQuartile, min, max } = props;
  const domain = extent([min, max, value, england]);
  const description = spineDescription(props);
  if (!domain) {
    return (
      <p className="govuk-body-s sb-spine__none">
        No comparator figures to draw.
      </p>
    );
  }
  const pad = (domain[1] - domain[0]) * 0.04 || Math.abs(domain[0]) * 0.05 || 1;
  const x = linearScale([domain[0] - pad, domain[1] + pad], [PAD, WIDTH - PAD]);
  const mid = HEIGHT / 2;
  return (
    <svg
      className="sb-spine"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      role="img"
      aria-label={description}
      data-export=""
      data-export-label={props.exportLabel}
      preserveAspectRatio="none"
    >
      <title>{description}</title>
      {min !== null && max !== null && <rect x={x(min)} y={mid - 4} width={Math.max(1, x(max) - x(min))} height={8} fill={SPINE_COLOURS.range} />}
      {lowerQuartile !== null && upperQuartile !== null && (
        <rect x={x(lowerQuartile)} y={mid - 7} width={Math.max(1, x(upperQuartile) - x(lowerQuartile))} height={14} fill={SPINE_COLOURS.interquartile} />
      )}
      {median !== null && <line x1={x(median)} x2={x(median)} y1={mid - 11} y2={mid + 11} stroke={SPINE_COLOURS.median} strokeWidth={2} />}
      {england !== null && (
        <path
          d={`M ${x(england)} ${mid - 9} L ${x(england) + 7} ${mid} L ${x(england)} ${mid + 9} L ${x(england) - 7} ${mid} Z`}
          fill="#ffffff"
          stroke={SPINE_COLOURS.england}
          strokeWidth={2}
        />
      )}
      {value !== null && <circle cx={x(value)} cy={mid} r={7} fill={SPINE_COLOURS.focus} stroke="#ffffff" strokeWidth={2} />}
    </svg>
  );
}

/** The key to the spine chart's marks, drawn with the same shapes. */
export function SpineLegend({ focusName }: { focusName: string }) {
  return (
    <ul className="sb-legend" aria-label="Key to the spine charts">
      <li>
        <svg width="18" height="18" aria-hidden="true" focusable="false">
          <circle cx="9" cy="9" r="7" fill={SPINE_COLOURS.focus} />
        </svg>
        {focusName}
      </li>
      <li>
        <svg width="18" height="18" aria-hidden="true" focusable="false">
          <path d="M 9 1 L 16 9 L 9 17 L 2 9 Z" fill="#fff" stroke={SPINE_COLOURS.england} strokeWidth="2" />
        </svg>
        England (rates and shares; not counts or £ totals)
      </li>
      <li>
        <svg width="18" height="18" aria-hidden="true" focusable="false">
          <line x1="9" x2="9" y1="0" y2="18" stroke={SPINE_COLOURS.median} strokeWidth="2" />
        </svg>
        Comparator median
      </li>
      <li>
        <svg width="30" height="18" aria-hidden="true" focusable="false">
          <rect x="0" y="2" width="30" height="14" fill={SPINE_COLOURS.interquartile} />
        </svg>
        Middle half of comparators
      </li>
      <li>
        <svg width="30" height="18" aria-hidden="true" focusable="false">
          <rect x="0" y="5" width="30" height="8" fill={SPINE_COLOURS.range} />
        </svg>
        Lowest to highest comparator
      </li>
    </ul>
  );
}
