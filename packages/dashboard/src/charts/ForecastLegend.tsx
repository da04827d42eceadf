import { FORECAST_BANDS, FORECAST_LINES, type ForecastLineRole, GROUP_COLOURS } from './forecast-styles';
import { markerPath } from './palette';

/** The key to a forecast chart's lines and bands, drawn as the chart draws them. */
export function ForecastLegend({ roles, bands = false }: { roles: readonly ForecastLineRole[]; bands?: boolean }) {
  return (
    <ul className="sb-legend" aria-label="Key to the chart">
      {roles.map((role) => {
        const style = FORECAST_LINES[role];
        return (
          <li key={role}>
            <svg width="36" height="16" aria-hidden="true" focusable="false">
              {role !== 'check' && <line x1="0" x2="36" y1="8" y2="8" stroke={style.colour} strokeWidth="2" strokeDasharray={style.dash} />}
              <path d={markerPath(style.marker, 18, 8)} fill={style.colour} stroke={style.colour} strokeWidth="1" />
            </svg>
            {style.label}
          </li>
        );
      })}
      {bands &&
        (['band80', 'band95'] as const).map((band) => (
          <li key={band}>
            <svg width="36" height="16" aria-hidden="true" focusable="false">
              <rect x="0" y="2" width="36" height="12" fill={FORECAST_BANDS[band].colour} fillOpacity={FORECAST_BANDS[band].opacity} />
            </svg>
            {FORECAST_BANDS[band].label}
          </li>
        ))}
    </ul>
  );
}

/** The key to the stacked bars' placement groups. */
export function GroupLegend({ groups }: { groups: readonly { key: string; label: string }[] }) {
  return (
    <ul className="sb-legend" aria-label="Key to the placement groups">
      {groups.map((g, i) => (
        <li key={g.key}>
          <svg width="16" height="16" aria-hidden="true" focusable="false">
            <rect x="0" y="0" width="16" height="16" fill={GROUP_COLOURS[i % GROUP_COLOURS.length]} />
          </svg>
          {g.label}
        </li>
      ))}
    </ul>
  );
}
