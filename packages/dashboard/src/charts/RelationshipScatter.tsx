import { useRef } from 'react';
import { CartesianGrid, LabelList, ReferenceLine, Scatter, ScatterChart, XAxis, YAxis } from 'recharts';
import { formatAxis, type ValueFormat } from '../format/format-value';
import { markerPath, SCATTER_STYLES } from './palette';
import { useWidth } from './use-width';

export interface ScatterPoint {
  code: string;
  name: string;
  x: number;
  y: number;
  group: 'focus' | 'highlighted' | 'other';
}

export interface RelationshipScatterProps {
  points: readonly ScatterPoint[];
  xLabel: string;
  yLabel: string;
  xFormat: ValueFormat;
  yFormat: ValueFormat;
  line: { slope: number; intercept: number } | null;
  width?: number;
}



function Dot({ cx, cy, group }: { cx?: number; cy?: number; group: ScatterPoint['group'] }) {
  if (cx === undefined || cy === undefined) return null;
  const style = SCATTER_STYLES[group];
  return <path d={markerPath(style.shape, cx, cy, group === 'focus' ? 6 : 4)} fill={style.fill} stroke={style.colour} strokeWidth={group === 'other' ? 1.5 : 1} />;
}

/** One dot per LA: the selected LA and the comparator set drawn with their own shapes, and the least-squares line. */
export default function RelationshipScatter({ points, xLabel, yLabel, xFormat, yFormat, line, width: fixedWidth }: RelationshipScatterProps) {
  const box = useRef<HTMLDivElement>(null);
  const measured = useWidth(box);
  const width = fixedWidth ?? measured;
  const narrow = width < 500;
  const xs = points.map((p) => p.x);
  const xMin = Math.min(...xs);
  const xMax = Math.max(...xs);
  const groups = (['other', 'highlighted', 'focus'] as const).map((group) => ({ group, data: points.filter((p) => p.group === group) }));
  return (
    <div ref={box} className="sb-chart">
      <ScatterChart width={width} height={narrow ? 320 : 420} margin={{ top: 16, right: 24, bottom: 36, left: 12 }} accessibilityLayer={false}>
        <CartesianGrid stroke="#dee0e2" />
        <XAxis
          type="number"
          dataKey="x"
          name={xLabel}
          domain={['auto', 'auto']}
          tickFormatter={(v: number) => formatAxis(v, xFormat.unit)}
          tick={{ fill: '#0b0c0c', fontSize: 12 }}
          label={{ value: xLabel, position: 'bottom', offset: 16, fontSize: 12, fill: '#0b0c0c' }}
        />
        <YAxis
          type="number"
          dataKey="y"
          name={yLabel}
          domain={['auto', 'auto']}
          tickFormatter={(v: number) => formatAxis(v, yFormat.unit)}
          tick={{ fill: '#0b0c0c', fontSize: 12 }}
          width={narrow ? 44 : 60}
          label={{ value: yLabel, angle: -90, position: 'insideLeft', offset: narrow ? -4 : 0, fontSize: 12, fill: '#0b0c0c', style: { textAnchor: 'middle' } }}
        />
        {line && Number.isFinite(xMin) && (
          <ReferenceLine
            segment={[
              { x: xMin, y: line.intercept + line.slope * xMin },
              { x: xMax, y: line.intercept + line.slope * xMax },
            ]}
            stroke="#0b0c0c"
            strokeWidth={2}
            strokeDasharray="6 3"
            ifOverflow="hidden"
          />
        )}
        {groups.map(({ group, data }) => (
          <Scatter key={group} data={data} isAnimationActive={false} shape={(props: { cx?: number; cy?: number }) => <Dot cx={props.cx} cy={props.cy} group={group} />}>
            {group === 'focus' && <LabelList dataKey="name" position="right" fontSize={12} fontWeight={700} fill="#0b0c0c" />}
          </Scatter>
        ))}
      </ScatterChart>
    </div>
  );
}
