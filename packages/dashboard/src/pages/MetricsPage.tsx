import { STATUS_LEGEND } from '@sendbench/schema';
import { usePageQuery } from '../api/hooks';
import { MetricsPageQuery } from '../api/operations';
import { ErrorState, LoadingState } from '../components/QueryStatus';
import { usePageTitle } from '../components/use-page-title';
import { lowerFirst, type UnitCode, unitLabel } from '../format/format-value';
import { Link } from '../routing/router';
import { hrefFor } from '../routing/url-state';
import { PROFILE_SECTIONS } from './chart-sets';

const POLARITY_TEXT: Record<string, string> = {
  HIGHER_IS_BETTER: 'Higher is better',
  LOWER_IS_BETTER: 'Lower is better',
  NEUTRAL: 'Neither: context, not a target',
};
const PERIOD_TEXT: Record<string, string> = {
  JANUARY: 'Count at January (school census date)',
  CALENDAR_YEAR: 'Calendar year',
  FINANCIAL_YEAR: 'Financial year (April to March)',
};

/** Metrics: the catalogue with definitions, units, sources, caveats, and the symbol legend. */
export default function MetricsPage() {
  usePageTitle('Metrics and definitions');
  const { data, fetching, error, retry } = usePageQuery(MetricsPageQuery, {});
  return (
    <>
      <h1 className="govuk-heading-xl">Metrics and definitions</h1>
      <p className="govuk-body-l">Every figure SENDbench shows, how it is worked out and where it comes from.</p>
      <h2 className="govuk-heading-l" id="symbols">
        What the symbols mean
      </h2>
      <p className="govuk-body">DfE publishes a symbol instead of a number where a figure is missing or suppressed. SENDbench keeps the symbol and never treats it as zero.</p>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--s">Status symbols</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Symbol
            </th>
            <th scope="col" className="govuk-table__header">
              Meaning
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {Object.entries(STATUS_LEGEND)
            .filter(([s]) => s !== 'value')
            .map(([symbol, meaning]) => (
              <tr className="govuk-table__row" key={symbol}>
                <th scope="row" className="govuk-table__header">
                  <code>{symbol}</code>
                </th>
                <td className="govuk-table__cell">{meaning}</td>
              </tr>
            ))}
        </tbody>
      </table>
      {error && <ErrorState error={error} retry={retry} />}
      {fetching && !data && <LoadingState what="the metric catalogue" />}
      {data && (
        <>
          <nav aria-label="Themes" className="sb-contents">
            <h2 className="govuk-heading-s">Themes ({data.metrics.length} metrics)</h2>
            <ul className="govuk-list">
              {PROFILE_SECTIONS.map((s) => (
                <li key={s.theme}>
                  <a className="govuk-link" href={`#metrics-${s.theme.toLowerCase()}`}>
                    {s.heading}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {PROFILE_SECTIONS.map((section) => (
            <section key={section.theme} aria-labelledby={`metrics-${section.theme.toLowerCase()}`}>
              <h2 className="govuk-heading-l" id={`metrics-${section.theme.toLowerCase()}`}>
                {section.heading}
              </h2>
              {data.metrics
                .filter((m) => m.theme === section.theme)
                .map((m) => (
                  <div key={m.id} className="sb-metric-definition" id={m.id}>
                    <h3 className="govuk-heading-m">{m.label}</h3>
                    <p className="govuk-body">{m.description}</p>
                    <dl className="govuk-summary-list">
                      {[
                        ['Id (API and URLs)', <code key="id">{m.id}</code>],
                        ['Unit', `${unitLabel(m.unit as UnitCode)}, shown to ${m.decimals} decimal place${m.decimals === 1 ? '' : 's'}`],
                        ['Polarity', POLARITY_TEXT[m.polarity] ?? m.polarity],
                        ['Periods', `${PERIOD_TEXT[m.periodType] ?? m.periodType}: ${m.periods.length ? `${m.periods[0].label} to ${m.periods[m.periods.length - 1].label} (${m.periods.length})` : 'none'}; latest for authorities ${m.latestPeriod?.label ?? 'none'}`],
                        ['Formula', m.formula],
                        ['Comparator aggregate', m.aggregatable ? 'Sum of numerators over sum of denominators (or a sum)' : 'Not computed: a published rate with no counts behind it'],
                        ['Confidence interval', m.isProportion ? '95% Wilson score interval; significance against England' : 'Not applicable'],
                        ['Source', m.source],
                        ...(m.seriesBreaks.length ? [['Series breaks', m.seriesBreaks.map((b) => `${b.period}: ${b.note}`).join(' ')]] : []),
                      ].map(([key, value]) => (
                        <div className="govuk-summary-list__row" key={String(key)}>
                          <dt className="govuk-summary-list__key">{key}</dt>
                          <dd className="govuk-summary-list__value">{value}</dd>
                        </div>
                      ))}
                      {m.caveats.length > 0 && (
                        <div className="govuk-summary-list__row">
                          <dt className="govuk-summary-list__key">Caveats</dt>
                          <dd className="govuk-summary-list__value">
                            <ul className="govuk-list govuk-list--bullet">
                              {m.caveats.map((c) => (
                                <li key={c}>{c}</li>
                              ))}
                            </ul>
                          </dd>
                        </div>
                      )}
                    </dl>
                    <p className="govuk-body">
                      <Link href={hrefFor('compare', { peers: 'england', metric: m.id })}>
                        Rank all authorities on {lowerFirst(m.label)}
                      </Link>
                    </p>
                  </div>
                ))}
            </section>
          ))}
        </>
      )}
    </>
  );
}
