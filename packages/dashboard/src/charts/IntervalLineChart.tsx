import { useRef } from 'react';
import { CartesianGrid, ErrorBar, Line, LineChart, ReferenceLine, XAxis, YAxis } from 'recharts';
import { formatAxis, type UnitCode } from '../format/format-value';
import { markerPath, SERIES_STYLES, type SeriesRole } from './palette';
import { paddedDomain } from './scale';
import { useWidth } from './use-width';

export interface IntervalLine {
  id: string;
  role: SeriesRole;
  label: string;
  /** One value per period; null where there is none (never drawn as zero). */
  values: readonly (number | null)[];
  /** The 95% interval of each value, when it has one. */
  lows?: readonly (number | null)[];
  highs?: readonly (number | null)[];
}

export interface IntervalLineChartProps {
  periods: readonly { code: number; label: string }[];
  lines: readonly IntervalLine[];
  /** Period labels at which a programme starts (its first post period), each marked by a vertical line. */
  starts: readonly string[];
  /** Axis unit: the metric's, or COUNT for indexed and log scales. */
  unit: UnitCode;
  width?: number;
}

function Marker({ cx, cy, role }: { cx?: number; cy?: number; role: SeriesRole }) {
  if (cx === undefined || cy === undefined || Number.isNaN(cy)) return null;
  const style = SERIES_STYLES[role];
  const open = style.marker === 'cross';
  return <path d={markerPath(style.marker, cx, cy)} fill={open ? 'none' : style.colour} stroke={style.colour} strokeWidth={open ? 2 : 1} />;
}

/** Lines over periods with 95% interval bars, and the programme starts marked: group means and synthetic paths. */
export default function IntervalLineChart({ periods, lines, starts, unit, width: fixedWidth }: IntervalLineChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const measured = useWidth(box);
  const width = fixedWidth ?? measured;
  const narrow = width < 500;
  const data = periods.map((period, i) => {
    const row: Record<string, string | number | number[] | null> = { period: period.label };
    for (const line of lines) {
      const value = line.values[i] ?? null;
      row[line.id] = value;
      const low = line.lows?.[i];
      const high = line.highs?.[i];
      if (value !== null && low != null && high != null) row[`${line.id}_interval`] = [value - low, high - value];
    }
    return row;
  });
  const [min, max] = paddedDomain(...lines.flatMap((l) => [l.values, l.lows ?? [], l.highs ?? []]));
  return (
    <div ref={box} className="sb-chart">
      <LineChart width={width} height={narrow ? 280 : 360} data={data} margin={{ top: 24, right: 40, bottom: 8, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid stroke="#dee0e2" vertical={false} />
        <XAxis dataKey="period" tick={{ fill: '#0b0c0c', fontSize: 12 }} interval="preserveStartEnd" minTickGap={narrow ? 24 : 12} />
        <YAxis tickFormatter={(v: number) => formatAxis(v, unit)} tick={{ fill: '#0b0c0c', fontSize: 12 }} width={narrow ? 44 : 60} domain={[min, max]} allowDataOverflow />
        {[...new Set(starts)].map((label, i) => (
          <ReferenceLine key={label} x={label} stroke="#0b0c0c" strokeWidth={2} strokeDasharray="6 3" label={{ value: i === 0 ? 'Start' : '', position: 'top', fontSize: 12, fill: '#0b0c0c' }} />
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
              strokeDasharray={style.dash}
              connectNulls={false}
              isAnimationActive={false}
              dot={(props: { cx?: number; cy?: number; index?: number }) => <Marker key={`${line.id}-${props.index}`} cx={props.cx} cy={props.cy} role={line.role} />}
              activeDot={false}
            >
              {line.lows && <ErrorBar dataKey={`${line.id}_interval`} width={4} strokeWidth={1.5} stroke={style.colour} isAnimationActive={false} />}
            </Line>
          );
        })}
      </LineChart>
    </div>
  );
}
