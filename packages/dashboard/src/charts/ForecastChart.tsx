import { useRef } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, XAxis, YAxis } from 'recharts';
import { formatAxis, type UnitCode } from '../format/format-value';
import { FORECAST_BANDS, FORECAST_LINES, type ForecastLineRole } from './forecast-styles';
import { markerPath } from './palette';
import { useWidth } from './use-width';

export interface ForecastChartProps {
  /** X-axis labels ("2025", "2025-26"), in order. */
  periods: readonly string[];
  /** One value per period for each line drawn; null where it has none (never drawn as zero). */
  lines: Partial<Record<ForecastLineRole, readonly (number | null)[]>>;
  /** Interval bands of the projection, one [low, high] (or null) per period. */
  bands?: { band95: readonly ([number, number] | null)[]; band80: readonly ([number, number] | null)[] };
  unit: UnitCode;
  width?: number;
}

function Marker({ cx, cy, role }: { cx?: number; cy?: number; role: ForecastLineRole }) {
  if (cx === undefined || cy === undefined || Number.isNaN(cy)) return null;
  const style = FORECAST_LINES[role];
  return <path d={markerPath(style.marker, cx, cy)} fill={style.colour} stroke={style.colour} strokeWidth={1} />;
}

/** Published and projected values over periods, with the projection's 80% and 95% bands. */
export default function ForecastChart({ periods, lines, bands, unit, width: fixedWidth }: ForecastChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const measured = useWidth(box);
  const width = fixedWidth ?? measured;
  const narrow = width < 500;
  const roles = (Object.keys(FORECAST_LINES) as ForecastLineRole[]).filter((role) => lines[role]);
  const data = periods.map((period, i) => {
    const row: Record<string, string | number | [number, number] | null> = { period };
    for (const role of roles) row[role] = lines[role]?.[i] ?? null;
    if (bands) {
      row.band95 = bands.band95[i] ?? null;
      row.band80 = bands.band80[i] ?? null;
    }
    return row;
  });
  return (
    <div ref={box} className="sb-chart">
      <ComposedChart width={width} height={narrow ? 280 : 360} data={data} margin={{ top: 16, right: 28, bottom: 8, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid stroke="#dee0e2" vertical={false} />
        <XAxis dataKey="period" tick={{ fill: '#0b0c0c', fontSize: 12 }} interval="preserveStartEnd" minTickGap={narrow ? 20 : 8} />
        <YAxis tickFormatter={(v: number) => formatAxis(v, unit)} tick={{ fill: '#0b0c0c', fontSize: 12 }} width={narrow ? (unit === 'COUNT' ? 44 : 56) : 64} domain={[0, 'auto']} />
        {bands && (['band95', 'band80'] as const).map((band) => (
          <Area key={band} dataKey={band} name={FORECAST_BANDS[band].label} stroke="none" fill={FORECAST_BANDS[band].colour} fillOpacity={FORECAST_BANDS[band].opacity} isAnimationActive={false} connectNulls={false} activeDot={false} />
        ))}
        {roles.map((role) => {
          const style = FORECAST_LINES[role];
          return (
            <Line
              key={role}
              dataKey={role}
              name={style.label}
              stroke={role === 'check' ? 'none' : style.colour}
              strokeWidth={role === 'observed' ? 3 : 2}
              strokeDasharray={style.dash}
              connectNulls={false}
              isAnimationActive={false}
              dot={(props: { cx?: number; cy?: number; index?: number }) => <Marker key={`${role}-${props.index}`} cx={props.cx} cy={props.cy} role={role} />}
              activeDot={false}
            />
          );
        })}
      </ComposedChart>
    </div>
  );
}
