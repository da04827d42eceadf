import { useRef } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, XAxis, YAxis } from 'recharts';
import { formatAxis, type ValueFormat } from '../format/format-value';
import { markerPath, SERIES_STYLES, type SeriesRole } from './palette';
import { useWidth } from './use-width';

export interface TrendLine {
  id: string;
  role: SeriesRole;
  label: string;
  /** One value per period, in the order of `periods`; null where the period has a symbol. */
  values: readonly (number | null)[];
  /** A dash of its own (a provisional line is dashed, whatever its role's style). */
  dash?: string;
}

export interface TrendLineChartProps {
  periods: readonly { code: number; label: string }[];
  lines: readonly TrendLine[];
  /** Labels of the first periods of new series (a break is drawn before each). */
  breaks: readonly string[];
  format: ValueFormat;
  width?: number;
}

function Marker({ cx, cy, role }: { cx?: number; cy?: number; role: SeriesRole }) {
  if (cx === undefined || cy === undefined || Number.isNaN(cy)) return null;
  const style = SERIES_STYLES[role];
  const open = style.marker === 'cross';
  return <path d={markerPath(style.marker, cx, cy)} fill={open ? 'none' : style.colour} stroke={style.colour} strokeWidth={open ? 2 : 1} />;
}

/** Lines over every period; gaps where a figure is missing (never drawn as zero); series breaks marked. */
export default function TrendLineChart({ periods, lines, breaks, format, width: fixedWidth }: TrendLineChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const measured = useWidth(box);
  const width = fixedWidth ?? measured;
  const narrow = width < 500;
  const data = periods.map((period, i) => {
    const row: Record<string, string | number | null> = { period: period.label };
    for (const line of lines) row[line.id] = line.values[i] ?? null;
    return row;
  });
  return (
    <div ref={box} className="sb-chart">
      <LineChart width={width} height={narrow ? 280 : 360} data={data} margin={{ top: 24, right: 28, bottom: 8, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid stroke="#dee0e2" vertical={false} />
        <XAxis dataKey="period" tick={{ fill: '#0b0c0c', fontSize: 12 }} interval="preserveStartEnd" minTickGap={narrow ? 24 : 12} />
        <YAxis tickFormatter={(v: number) => formatAxis(v, format.unit)} tick={{ fill: '#0b0c0c', fontSize: 12 }} width={narrow ? 44 : 60} domain={['auto', 'auto']} />
        {breaks.map((label) => (
          <ReferenceLine key={label} x={label} stroke="#0b0c0c" strokeWidth={2} strokeDasharray="1 3" label={{ value: 'Series break', position: 'top', fontSize: 12, fill: '#0b0c0c' }} />
        ))}
        {lines.map((line) => {
          const style = SERIES_STYLES[line.role];
          return (
            <Line
              key={line.id}
              dataKey={line.id}
              name={line.label}
              stroke={style.colour}
              strokeWidth={line.role === 'focus' ? 3 : 2}
              strokeDasharray={line.dash ?? style.dash}
              connectNulls={false}
              isAnimationActive={false}
              dot={(props: { cx?: number; cy?: number; index?: number }) => <Marker key={`${line.id}-${props.index}`} cx={props.cx} cy={props.cy} role={line.role} />}
              activeDot={false}
            />
          );
        })}
      </LineChart>
    </div>
  );
}
