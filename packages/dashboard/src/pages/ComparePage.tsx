import { usePageQuery } from '../api/hooks';
import { comparePageRequest } from '../api/page-requests';
import { RankedBarChart } from '../charts/lazy';
import type { RankedBar } from '../charts/RankedBarChart';
import { ChartPanel } from '../components/ChartPanel';
import { ContextBar } from '../components/ContextBar';
import type { TableSpec } from '../components/DataTable';
import { MetricSelect } from '../components/MetricSelect';
import { ErrorState, LoadingState } from '../components/QueryStatus';
import { StatusLegend } from '../components/StatusLegend';
import { usePageTitle } from '../components/use-page-title';
import { csvValue, formatCount, formatValue, ordinal, quartileLabel, statusDescription, type UnitCode, unitLabel } from '../format/format-value';
import { footnoteCell, numberFootnotes } from '../format/notes';
import { provisionalDate, provisionalNote, provisionalSentence } from '../format/provisional';
import { publicationsOf } from '../format/sources';
import { MapPanel } from '../map/MapPanel';
import { Link, navigate } from '../routing/router';
import { hrefFor, peerSelector, stateToSearch, type UrlState, type View, metricHref } from '../routing/url-state';
import { COMPARE_CHART } from './chart-sets';

// Fetch the chart code while the page's data is on the way, not after it has arrived.
RankedBarChart.preload();
MapPanel.preload();

/** The bars with a provisional one placed where it would rank (ties after the published bars). */
function withProvisional(bars: RankedBar[], provisional: RankedBar | null): RankedBar[] {
  if (!provisional) return bars;
  const at = bars.findIndex((b) => b.value < provisional.value);
  return at < 0 ? [...bars, provisional] : [...bars.slice(0, at), provisional, ...bars.slice(at)];
}

/** Compare: one metric and period ranked over the comparator set. */
export default function ComparePage({ state }: { state: UrlState }) {
  const metricId = state.metric ?? COMPARE_CHART.defaultMetric;
  const usable = peerSelector(state);
  const request = comparePageRequest(state);
  const { data, fetching, error, retry } = usePageQuery(request.query, request.variables);
  const comparison = data?.comparison;
  usePageTitle(comparison ? `Compare ${comparison.metric.label}` : 'Compare');

  const heading = (
    <>
      <span className="govuk-caption-xl">Compare</span>
      <h1 className="govuk-heading-xl">{comparison ? `${comparison.metric.label}, ${comparison.period.label}` : 'Compare one metric'}</h1>
    </>
  );
  if (error) return (<>{heading}<ErrorState error={error} retry={retry} /></>);
  if (!comparison || !data) return (<>{heading}{fetching && <LoadingState what="the comparison" />}</>);

  const format = { unit: comparison.metric.unit as UnitCode, decimals: comparison.metric.decimals };
  const withValue = comparison.members.filter((m) => m.value.value !== null && m.value.value !== undefined);
  const without = comparison.members.filter((m) => m.value.value === null || m.value.value === undefined);
  const stats = comparison.statistics;
  const focus = comparison.focusMember;
  const shown = comparison.members.length < stats.count ? `Showing the ${formatCount(comparison.members.length)} highest of ${formatCount(stats.count)} authorities; ranks, bands and statistics are over all ${formatCount(stats.count)}.` : null;
  const median = stats.median ?? null;
  const england = comparison.england.value ?? null;
  const viewHref = (view: View) => `/compare${stateToSearch({ ...state, metric: metricId, view })}`;
  const publication = publicationsOf([comparison.metric.source]).join('; ');
  const footnotes = numberFootnotes([...(focus && !comparison.members.some((m) => m.isFocus) ? [focus.value.notes] : []), ...comparison.members.map((m) => m.value.notes)]);
  const mark = footnotes.marker;

  const focusText = focus
    ? focus.value.value !== null && focus.value.value !== undefined
      ? `${focus.authority.name} is ${ordinal(focus.rank ?? 0)} of ${formatCount(stats.withValue)} with ${formatValue(focus.value.value, 'value', format)}${mark(focus.value.notes)} (${quartileLabel(focus.quartileBand).toLowerCase()}).`
      : `${focus.authority.name} has no figure (${focus.value.status}: ${statusDescription(focus.value.status)})`
    : '';
  const provisional = comparison.provisional ?? null;
  const provisionalName = comparison.focus?.name ?? 'The selected authority';
  const provisionalText = provisional ? ` ${provisionalSentence(provisionalName, provisional, format)}` : '';
  const summary = `${formatCount(stats.withValue)} of ${formatCount(stats.count)} authorities have a figure, from ${formatValue(stats.min, 'value', format)} to ${formatValue(stats.max, 'value', format)}; median ${median === null ? 'x' : formatValue(median, 'value', format)}; England ${formatValue(england, comparison.england.status, format)}. ${focusText}${provisionalText}`;

  const table: TableSpec = {
    caption: `${comparison.metric.label} (${unitLabel(format.unit)}), ${comparison.period.label}: ${comparison.peerGroup.label}`,
    columns: [{ header: 'Authority' }, { header: 'Code' }, { header: 'Rank' }, { header: `Value (${unitLabel(format.unit)})`, numeric: true }, { header: 'Status' }, { header: 'Quartile band' }, { header: 'Period' }, { header: 'Against England' }, { header: 'Data-quality notes' }],
    rows: [
      ...comparison.members.map((m) => ({
        key: m.authority.code,
        isFocus: m.isFocus,
        cells: [
          { text: m.authority.name, csv: m.authority.name },
          { text: m.authority.code, csv: m.authority.code },
          { text: m.rank ? String(m.rank) : 'No rank', csv: m.rank ?? '' },
          { text: `${formatValue(m.value.value, m.value.status, format)}${mark(m.value.notes)}`, csv: csvValue(m.value.value, m.value.status, format.decimals) },
          { text: m.value.status === 'value' ? 'value' : `${m.value.status}: ${statusDescription(m.value.status)}`, csv: m.value.status },
          { text: m.rank ? quartileLabel(m.quartileBand) : '', csv: m.quartileBand ?? '' },
          { text: comparison.period.label, csv: comparison.period.label },
          { text: m.significance ? m.significance.toLowerCase() : '', csv: m.significance?.toLowerCase() ?? '' },
          { text: footnoteCell(footnotes, m.value.notes), csv: footnoteCell(footnotes, m.value.notes) },
        ],
      })),
      ...(provisional
        ? [
            {
              key: 'provisional',
              cells: [
                { text: `${provisionalName} (provisional)`, csv: `${provisionalName} (provisional)` },
                { text: comparison.focus?.code ?? '', csv: comparison.focus?.code ?? '' },
                { text: provisional.wouldRank ? `would rank ${provisional.wouldRank} of ${provisional.rankOutOf}` : 'No rank', csv: provisional.wouldRank ?? '' },
                { text: `${formatValue(provisional.value ?? null, provisional.status, format)} P`, csv: csvValue(provisional.value ?? null, provisional.status, format.decimals) },
                { text: `P: ${provisionalNote(provisional)}`, csv: 'provisional' },
                { text: provisional.wouldRank ? quartileLabel(provisional.quartileBand ?? null) : '', csv: provisional.quartileBand ?? '' },
                { text: comparison.period.label, csv: comparison.period.label },
                { text: '', csv: '' },
                { text: '', csv: '' },
              ],
            },
          ]
        : []),
      {
        key: 'england',
        cells: [
          { text: 'England', csv: 'England' },
          { text: 'E92000001', csv: 'E92000001' },
          { text: '', csv: '' },
          { text: formatValue(england, comparison.england.status, format), csv: csvValue(england, comparison.england.status, format.decimals) },
          { text: comparison.england.status, csv: comparison.england.status },
          { text: '', csv: '' },
          { text: comparison.period.label, csv: comparison.period.label },
          { text: '', csv: '' },
          { text: '', csv: '' },
        ],
      },
      {
        key: 'median',
        cells: [
          { text: 'Comparator median', csv: 'Comparator median' },
          { text: '', csv: '' },
          { text: '', csv: '' },
          { text: median === null ? 'x' : formatValue(median, 'value', format), csv: median === null ? 'x' : csvValue(median, 'value', format.decimals) },
          { text: median === null ? 'x' : 'value', csv: median === null ? 'x' : 'value' },
          { text: '', csv: '' },
          { text: comparison.period.label, csv: comparison.period.label },
          { text: '', csv: '' },
          { text: '', csv: '' },
        ],
      },
    ],
  };

  return (
    <>
      {heading}
      <ContextBar state={state} authorityName={comparison.focus?.name} group={comparison.peerGroup} />
      {!usable && state.peers !== 'england' && (
        <p className="govuk-body">
          {state.peers === 'custom' ? 'Your custom set is empty' : state.peers === 'saved' ? 'No saved comparator set is chosen' : 'That comparator set needs an authority'}, so all authorities in England are shown.
        </p>
      )}
      <form
        className="sb-controls"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const metric = String(form.get('metric'));
          const period = Number(form.get('period'));
          navigate(`/compare${stateToSearch({ ...state, metric, period: metric === metricId && period ? period : undefined })}`, { focusHeading: true });
        }}
      >
        <MetricSelect id="compare-metric" name="metric" label="Metric" metrics={data.metrics} value={metricId} />
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="compare-period">
            Period
          </label>
          <div className="govuk-hint" id="compare-period-hint">
            Periods of the metric shown; the latest is used when you change the metric.
          </div>
          <select className="govuk-select" id="compare-period" name="period" defaultValue={comparison.period.code} key={`${metricId}-${comparison.period.code}`} aria-describedby="compare-period-hint">
            {[...comparison.metric.periods].reverse().map((p) => (
              <option key={p.code} value={p.code}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary">
          Show
        </button>
      </form>
      <p className="govuk-body">{comparison.metric.description}</p>
      {shown && <p className="govuk-inset-text">{shown}</p>}
      <ChartPanel
        id="compare"
        title={`${comparison.metric.label}, ${comparison.period.label}`}
        summary={summary}
        view={state.view}
        viewHref={viewHref}
        table={table}
        source={publication}
        notes={[`Comparator set: ${comparison.peerGroup.label}${comparison.peerGroup.listIncomplete ? ' (list known to be incomplete)' : ''}.`, `Unit: ${unitLabel(format.unit)}. Period: ${comparison.period.label}.`, ...(shown ? [shown] : [])]}
        csvNotes={[`Full source: ${comparison.metric.source}`]}
        footnotes={footnotes}
        chart={
          withValue.length === 0 ? (
            <p className="govuk-body">No authority in this set has a figure for {comparison.period.label}: nothing to draw. Each is listed below with its status.</p>
          ) : (
            <RankedBarChart
              bars={withProvisional(
                withValue.map((m) => ({ code: m.authority.code, name: m.authority.name, value: m.value.value as number, isFocus: m.isFocus, marker: mark(m.value.notes) })),
                provisional && provisional.value !== null && provisional.value !== undefined && comparison.focus ? { code: comparison.focus.code, name: comparison.focus.name, value: provisional.value, isFocus: false, provisional: true } : null,
              )}
              england={COMPARE_CHART.referenceLines.includes('england') ? england : null}
              median={COMPARE_CHART.referenceLines.includes('peerMedian') ? median : null}
              format={format}
            />
          )
        }
        after={
          without.length > 0 && (
            <div className="sb-no-data">
              <h3 className="govuk-heading-s">No figure for {comparison.period.label} ({without.length})</h3>
              <ul className="govuk-list govuk-list--bullet">
                {without.map((m) => (
                  <li key={m.authority.code}>
                    {m.authority.name}
                    {m.isFocus ? ' (selected)' : ''}: <code>{m.value.status}</code> — {statusDescription(m.value.status)}
                  </li>
                ))}
              </ul>
            </div>
          )
        }
      />
      {data.map && (
        <MapPanel
          id="compare-map"
          metric={comparison.metric}
          period={comparison.period}
          members={data.map.members}
          state={state}
          peers={new Set(comparison.members.filter((m) => !m.isFocus).map((m) => m.authority.code))}
          peersLabel={comparison.peerGroup.label}
          scale={state.scale}
          view={state.view}
          viewHref={viewHref}
        />
      )}
      {comparison.metric.caveats.length > 0 && (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Things to bear in mind</span>
          </summary>
          <div className="govuk-details__text">
            <ul className="govuk-list govuk-list--bullet">
              {comparison.metric.caveats.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          </div>
        </details>
      )}
      {provisional && (
        <div className="govuk-inset-text sb-provisional-legend" data-testid="provisional-legend">
          <p className="govuk-body">
            <span className="sb-provisional-swatch" aria-hidden="true" /> <strong>P</strong>: provisional — {provisionalName}&apos;s own figure, {provisionalNote(provisional)}. Its bar is hatched and
            marked P. The median, quartiles, England and the other authorities&apos; ranks use published figures only.
          </p>
        </div>
      )}
      <StatusLegend />
      <p className="govuk-body">
        <Link href={metricHref(metricId)}>How this metric is defined</Link> ·{' '}
        <Link href={hrefFor('trends', { ...state, metric: metricId, period: undefined, view: 'chart' })}>See its trend</Link>
      </p>
    </>
  );
}
