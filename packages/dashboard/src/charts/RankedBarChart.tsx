import { useRef } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, XAxis, YAxis } from 'recharts';
import { formatAxis, formatValue, type ValueFormat } from '../format/format-value';
import { BAR_COLOURS, SERIES_STYLES } from './palette';
import { useWidth } from './use-width';

export interface RankedBar {
  code: string;
  name: string;
  value: number;
  isFocus: boolean;
  /** Footnote marker of the value's data-quality notes (" [1]"), shown after its label. */
  marker?: string;
  /** An LA's own provisional figure (not published): drawn hatched, labelled "P". */
  provisional?: boolean;
}

/** The fill of a provisional bar: hatched, so it reads as different without colour. */
const HATCH_ID = 'sb-provisional-hatch';

export interface RankedBarChartProps {
  /** Members with a value, highest first (members without one are listed beside the chart, never drawn). */
  bars: readonly RankedBar[];
  england: number | null;
  median: number | null;
  format: ValueFormat;
  /** Fixed width (tests); otherwise the chart follows its container. */
  width?: number;
}

const ROW = 24;

/** Horizontal bars ranked highest first; the focus LA is marked "(selected)", a provisional figure is hatched and marked "(provisional)" and "P"; England and the median are labelled lines. */
export default function RankedBarChart({ bars, england, median, format, width: fixedWidth }: RankedBarChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const measured = useWidth(box);
  const width = fixedWidth ?? measured;
  const narrow = width < 500;
  const data = bars.map((b) => ({
    ...b,
    label: b.provisional ? `${b.name} (provisional)` : b.isFocus ? `${b.name} (selected)` : b.name,
    valueLabel: `${formatValue(b.value, 'value', format)}${b.marker ?? ''}${b.provisional ? ' P' : ''}`,
  }));
  const height = Math.max(160, data.length * ROW + 70);
  const nameWidth = narrow ? 104 : 170;
  const tickChars = narrow ? 14 : 26;
  return (
    <div ref={box} className="sb-chart">
      <BarChart
        width={width}
        height={height}
        data={data}
        layout="vertical"
        margin={{ top: 28, right: narrow ? 44 : 64, bottom: 8, left: 4 }}
        accessibilityLayer={false}
        barCategoryGap={4}
      >
        <defs>
          <pattern id={HATCH_ID} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#ffffff" />
            <line x1="0" y1="0" x2="0" y2="6" stroke={BAR_COLOURS.focus} strokeWidth="3" />
          </pattern>
        </defs>
        <CartesianGrid horizontal={false} stroke="#dee0e2" />
        <XAxis type="number" domain={[(min: number) => Math.min(0, min), 'auto']} tickFormatter={(v: number) => formatAxis(v, format.unit)} tick={{ fill: '#0b0c0c', fontSize: 12 }} />
        <YAxis
          type="category"
          dataKey="label"
          width={nameWidth}
          interval={0}
          tick={({ x, y, payload }: { x: number | string; y: number | string; payload: { value: unknown } }) => {
            const text = String(payload.value);
            const selected = text.endsWith('(selected)') || text.endsWith('(provisional)');
            const short = text.length > tickChars ? `${text.slice(0, tickChars - 1)}…` : text;
            return (
              <text x={Number(x) - 4} y={Number(y)} dy={4} textAnchor="end" fontSize={12} fontWeight={selected ? 700 : 400} fill="#0b0c0c">
                <title>{text}</title>
                {short}
              </text>
            );
          }}
        />
        <Bar dataKey="value" isAnimationActive={false}>
          {data.map((d) => (
            <Cell
              key={d.provisional ? `${d.code}-provisional` : d.code}
              fill={d.provisional ? `url(#${HATCH_ID})` : d.isFocus ? BAR_COLOURS.focus : BAR_COLOURS.other}
              stroke={d.isFocus || d.provisional ? '#0b0c0c' : BAR_COLOURS.otherStroke}
              strokeWidth={d.isFocus || d.provisional ? 2 : 1}
              strokeDasharray={d.provisional ? '4 2' : undefined}
            />
          ))}
          <LabelList dataKey="valueLabel" position="right" fontSize={11} fill="#0b0c0c" />
        </Bar>
        {england !== null && (
          <ReferenceLine
            x={england}
            stroke={SERIES_STYLES.england.colour}
            strokeDasharray={SERIES_STYLES.england.dash}
            strokeWidth={2}
            label={{ value: `England ${formatValue(england, 'value', format)}`, position: 'top', fontSize: 12, fill: '#0b0c0c' }}
          />
        )}
        {median !== null && (
          <ReferenceLine
            x={median}
            stroke={SERIES_STYLES.peerMedian.colour}
            strokeDasharray={SERIES_STYLES.peerMedian.dash}
            strokeWidth={2}
            label={{ value: `Median ${formatValue(median, 'value', format)}`, position: 'insideBottomRight', fontSize: 12, fill: '#0b0c0c' }}
          />
        )}
      </BarChart>
    </div>
  );
}
