import { useRef } from 'react';
import { CartesianGrid, ErrorBar, Line, LineChart, ReferenceLine, XAxis, YAxis } from 'recharts';
import { SERIES_STYLES } from './palette';
import { paddedDomain } from './scale';
import { useWidth } from './use-width';

export interface EventStudyPoint {
  /** Periods since the first post period (0 is the first post period). */
  eventTime: number;
  effect: number;
  low: number | null;
  high: number | null;
}

export interface EventStudyChartProps {
  points: readonly EventStudyPoint[];
  /** Formats an effect for the axis. */
  format: (value: number) => string;
  width?: number;
}

const eventLabel = (e: number) => (e < 0 ? `−${-e}` : String(e));

/** Before the start: an open circle; from the start on: a filled square (told apart by shape, not only colour). */
function EffectMarker({ cx, cy, payload }: { cx?: number; cy?: number; payload?: { post?: boolean } }) {
  if (cx === undefined || cy === undefined || Number.isNaN(cy)) return null;
  const colour = SERIES_STYLES.focus.colour;
  return payload?.post ? <rect x={cx - 5} y={cy - 5} width={10} height={10} fill={colour} /> : <circle cx={cx} cy={cy} r={5} fill="#ffffff" stroke={colour} strokeWidth={2} />;
}

/** The event study: each period's effect relative to the start with its 95% interval, a zero line, and the start marked. */
export default function EventStudyChart({ points, format, width: fixedWidth }: EventStudyChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const measured = useWidth(box);
  const width = fixedWidth ?? measured;
  const narrow = width < 500;
  const data = points.map((p) => ({
    event: eventLabel(p.eventTime),
    effect: p.effect,
    post: p.eventTime >= 0,
    interval: p.low !== null && p.high !== null ? [p.effect - p.low, p.high - p.effect] : undefined,
  }));
  const [min, max] = paddedDomain([0], points.map((p) => p.effect), points.map((p) => p.low), points.map((p) => p.high));
  return (
    <div ref={box} className="sb-chart">
      <LineChart width={width} height={narrow ? 280 : 340} data={data} margin={{ top: 24, right: 28, bottom: 20, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid stroke="#dee0e2" vertical={false} />
        <XAxis dataKey="event" tick={{ fill: '#0b0c0c', fontSize: 12 }} interval="preserveStartEnd" minTickGap={narrow ? 16 : 8} label={{ value: 'Periods since the start', position: 'insideBottom', offset: -12, fontSize: 12, fill: '#0b0c0c' }} />
        <YAxis tickFormatter={format} tick={{ fill: '#0b0c0c', fontSize: 12 }} width={narrow ? 48 : 64} domain={[min, max]} allowDataOverflow />
        <ReferenceLine y={0} stroke="#0b0c0c" strokeWidth={1.5} />
        {data.some((d) => d.event === '0') && <ReferenceLine x="0" stroke="#0b0c0c" strokeWidth={2} strokeDasharray="6 3" label={{ value: 'Start', position: 'top', fontSize: 12, fill: '#0b0c0c' }} />}
        <Line dataKey="effect" name="Effect" stroke="none" isAnimationActive={false} dot={(props: { cx?: number; cy?: number; index?: number; payload?: { post?: boolean } }) => <EffectMarker key={`e-${props.index}`} {...props} />} activeDot={false}>
          <ErrorBar dataKey="interval" width={5} strokeWidth={1.5} stroke={SERIES_STYLES.focus.colour} isAnimationActive={false} />
        </Line>
      </LineChart>
    </div>
  );
}
