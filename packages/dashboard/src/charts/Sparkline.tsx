import { formatValue, type ValueFormat } from '../format/format-value';
import { extent, linearScale } from './scale';

export interface SparkPoint {
  label: string;
  value: number | null;
}

const WIDTH = 120;
const HEIGHT = 32;

/** Words for a sparkline: first and last figures, and how many periods have none. */
export function sparklineDescription(label: string, points: readonly SparkPoint[], format: ValueFormat): string {
  const withValue = points.filter((p) => p.value !== null);
  if (!withValue.length) return `${label}: no figures in any period.`;
  const first = withValue[0];
  const last = withValue[withValue.length - 1];
  const missing = points.length - withValue.length;
  const gap = missing ? ` ${missing} ${missing === 1 ? 'period has' : 'periods have'} no figure.` : '';
  if (withValue.length === 1) return `${label}: ${formatValue(first.value, 'value', format)} in ${first.label} only.${gap}`;
  return `${label}: from ${formatValue(first.value, 'value', format)} in ${first.label} to ${formatValue(last.value, 'value', format)} in ${last.label}.${gap}`;
}

/** A small trend line: gaps where a period has no figure, a dot on the latest value. */
export function Sparkline({ label, points, format }: { label: string; points: readonly SparkPoint[]; format: ValueFormat }) {
  const domain = extent(points.map((p) => p.value));
  const description = sparklineDescription(label, points, format);
  if (!domain || points.length < 2) return <span className="govuk-body-s sb-sparkline__none">{description}</span>;
  const x = linearScale([0, points.length - 1], [3, WIDTH - 4]);
  const y = linearScale(domain[0] === domain[1] ? [domain[0] - 1, domain[1] + 1] : domain, [HEIGHT - 4, 4]);
  const segments: string[] = [];
  let current = '';
  points.forEach((p, i) => {
    if (p.value === null) {
      if (current) segments.push(current);
      current = '';
      return;
    }
    current += `${current ? ' L' : 'M'} ${x(i).toFixed(1)} ${y(p.value).toFixed(1)}`;
  });
  if (current) segments.push(current);
  const lastIndex = points.map((p) => p.value !== null).lastIndexOf(true);
  return (
    <svg className="sb-sparkline" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="img" aria-label={description}>
      <title>{description}</title>
      {segments.map((d) => (
        <path key={d} d={d} fill="none" stroke="#0b0c0c" strokeWidth={1.5} />
      ))}
      {lastIndex >= 0 && <circle cx={x(lastIndex)} cy={y(points[lastIndex].value as number)} r={3} fill="#1d70b8" />}
    </svg>
  );
}
