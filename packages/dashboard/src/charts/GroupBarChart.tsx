import { useRef } from 'react';
import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from 'recharts';
import { formatAxis } from '../format/format-value';
import { GROUP_COLOURS } from './forecast-styles';
import { useWidth } from './use-width';

export interface GroupBarChartProps {
  /** One bar per label ("2025", "2026 with levers"). */
  bars: readonly { label: string; values: readonly number[] }[];
  /** The groups stacked in each bar, bottom first. */
  groups: readonly { key: string; label: string }[];
  width?: number;
}

/** Stacked bars: plans by placement group at each January. */
export default function GroupBarChart({ bars, groups, width: fixedWidth }: GroupBarChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const measured = useWidth(box);
  const width = fixedWidth ?? measured;
  const narrow = width < 500;
  const data = bars.map((bar) => Object.fromEntries([['label', bar.label], ...groups.map((g, i) => [g.key, bar.values[i]])]));
  return (
    <div ref={box} className="sb-chart">
      <BarChart width={width} height={narrow ? 280 : 360} data={data} margin={{ top: 16, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid stroke="#dee0e2" vertical={false} />
        <XAxis dataKey="label" tick={{ fill: '#0b0c0c', fontSize: 12 }} interval={0} minTickGap={0} />
        <YAxis tickFormatter={(v: number) => formatAxis(v, 'COUNT')} tick={{ fill: '#0b0c0c', fontSize: 12 }} width={narrow ? 44 : 60} />
        {groups.map((g, i) => (
          <Bar key={g.key} dataKey={g.key} name={g.label} stackId="plans" fill={GROUP_COLOURS[i % GROUP_COLOURS.length]} stroke="#ffffff" strokeWidth={1} isAnimationActive={false} />
        ))}
      </BarChart>
    </div>
  );
}
