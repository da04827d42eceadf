import { markerPath, SERIES_STYLES, type SeriesRole } from './palette';

/** The key to the lines, drawn with the same colour, dash and marker as the chart. */
export function TrendLegend({ lines }: { lines: readonly { id: string; role: SeriesRole; label: string; dash?: string }[] }) {
  return (
    <ul className="sb-legend" aria-label="Key to the lines">
      {lines.map((line) => {
        const style = SERIES_STYLES[line.role];
        return (
          <li key={line.id}>
            <svg width="36" height="16" aria-hidden="true" focusable="false">
              <line x1="0" x2="36" y1="8" y2="8" stroke={style.colour} strokeWidth="2" strokeDasharray={line.dash ?? style.dash} />
              <path d={markerPath(style.marker, 18, 8)} fill={style.marker === 'cross' ? 'none' : style.colour} stroke={style.colour} strokeWidth="2" />
            </svg>
            {line.label}
          </li>
        );
      })}
    </ul>
  );
}
