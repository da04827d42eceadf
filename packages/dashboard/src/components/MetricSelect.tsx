import { THEME_LABELS, type ThemeCode } from '../pages/chart-sets';

export interface MetricOption {
  id: string;
  label: string;
  theme: string;
}

/** A GOV.UK select of metrics grouped by theme. */
export function MetricSelect({ id, label, metrics, value, name }: { id: string; label: string; metrics: readonly MetricOption[]; value: string; name: string }) {
  const themes = [...new Set(metrics.map((m) => m.theme))];
  return (
    <div className="govuk-form-group">
      <label className="govuk-label govuk-label--s" htmlFor={id}>
        {label}
      </label>
      <select className="govuk-select sb-select" id={id} name={name} defaultValue={value} key={value}>
        {themes.map((theme) => (
          <optgroup key={theme} label={THEME_LABELS[theme as ThemeCode] ?? theme}>
            {metrics
              .filter((m) => m.theme === theme)
              .map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
