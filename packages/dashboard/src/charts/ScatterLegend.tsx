import { markerPath, SCATTER_STYLES } from './palette';

interface LegendEntry {
  key: string;
  label: string;
  style: (typeof SCATTER_STYLES)[keyof typeof SCATTER_STYLES];
}

/** The key to the dots and the fitted line. */
export function ScatterLegend({ focusName, setLabel, hasLine }: { focusName?: string; setLabel?: string; hasLine: boolean }) {
  const entries: LegendEntry[] = [];
  if (focusName) entries.push({ key: 'focus', label: focusName, style: SCATTER_STYLES.focus });
  if (setLabel) entries.push({ key: 'highlighted', label: setLabel, style: SCATTER_STYLES.highlighted });
  entries.push({ key: 'other', label: 'Other authorities in England', style: SCATTER_STYLES.other });
  return (
    <ul className="sb-legend" aria-label="Key to the scatter">
      {entries.map((e) => (
        <li key={e.key}>
          <svg width="18" height="18" aria-hidden="true" focusable="false">
            <path d={markerPath(e.style.shape, 9, 9, 5)} fill={e.style.fill} stroke={e.style.colour} strokeWidth="1.5" />
          </svg>
          {e.label}
        </li>
      ))}
      {hasLine && (
        <li>
          <svg width="36" height="18" aria-hidden="true" focusable="false">
            <line x1="0" x2="36" y1="9" y2="9" stroke="#0b0c0c" strokeWidth="2" strokeDasharray="6 3" />
          </svg>
          Fitted line (least squares)
        </li>
      )}
    </ul>
  );
}
