import { STATUS_LEGEND } from '@sendbench/schema';

/** The DfE symbols and what they mean, wherever figures with symbols are shown. */
export function StatusLegend({ open = false }: { open?: boolean }) {
  const symbols = Object.entries(STATUS_LEGEND).filter(([status]) => status !== 'value');
  return (
    <details className="govuk-details" open={open}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">What the symbols mean</span>
      </summary>
      <div className="govuk-details__text">
        <dl className="govuk-summary-list govuk-summary-list--no-border sb-symbols">
          {symbols.map(([status, meaning]) => (
            <div className="govuk-summary-list__row" key={status}>
              <dt className="govuk-summary-list__key">
                <code>{status}</code>
              </dt>
              <dd className="govuk-summary-list__value">{meaning}</dd>
            </div>
          ))}
        </dl>
        <p className="govuk-body-s">A symbol is never a zero: an authority with a symbol is listed, not drawn.</p>
      </div>
    </details>
  );
}
