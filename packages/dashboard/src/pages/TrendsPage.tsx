import { usePageQuery } from '../api/hooks';
import { TrendsPageQuery } from '../api/operations';
import { TrendLineChart } from '../charts/lazy';
import type { SeriesRole } from '../charts/palette';
import type { TrendLine } from '../charts/TrendLineChart';
import { TrendLegend } from '../charts/TrendLegend';
import { ChartPanel } from '../components/ChartPanel';
import { ContextBar } from '../components/ContextBar';
import type { TableSpec } from '../components/DataTable';
import { MetricSelect } from '../components/MetricSelect';
import { EmptyState, ErrorState, LoadingState } from '../components/QueryStatus';
import { StatusLegend } from '../components/StatusLegend';
import { usePageTitle } from '../components/use-page-title';
import { csvValue, formatValue, type UnitCode, unitLabel } from '../format/format-value';
import { type Footnote, footnoteCell, numberFootnotes } from '../format/notes';
import { provisionalNote } from '../format/provisional';
import { publicationsOf } from '../format/sources';
import type { TrendsPageQuery as TrendsData } from '../gql/graphql';
import { Link, navigate } from '../routing/router';
import { hrefFor, peerSelector, sharedState, stateToSearch, type UrlState, type View } from '../routing/url-state';
import { ENGLAND_AREA, REGION_CODES, TRENDS_CHART } from './chart-sets';

type Series = TrendsData['trend']['series'][number];

interface ChartLine {
  id: string;
  role: SeriesRole;
  label: string;
  series: Series;
}

/** Picks the declared lines out of the trend's series (the query asks for every region; only the focus LA's is drawn). */
function linesOf(data: TrendsData, la: string): ChartLine[] {
  const { series } = data.trend;
  const regionCode = data.authority.region.code;
  const find: Record<SeriesRole, (s: Series) => boolean> = {
    focus: (s) => s.kind === 'AREA' && s.area?.code === la,
    region: (s) => s.kind === 'AREA' && s.area?.code === regionCode,
    england: (s) => s.kind === 'AREA' && s.area?.code === ENGLAND_AREA,
    peerAggregate: (s) => s.kind === 'PEER_AGGREGATE',
    peerMedian: (s) => s.kind === 'PEER_MEDIAN',
  };
  const labels: Record<SeriesRole, string> = {
    focus: data.authority.name,
    region: data.authority.region.name,
    england: 'England',
    peerAggregate: 'Comparators: aggregate',
    peerMedian: 'Comparators: median',
  };
  return TRENDS_CHART.lines.flatMap((role) => {
    const s = series.find(find[role]);
    return s ? [{ id: s.id.replace(/[^\w]/g, '_'), role, label: labels[role], series: s }] : [];
  });
}

// Fetch the chart code while the page's data is on the way, not after it has arrived.
TrendLineChart.preload();

/** Trends: a metric over every period for the LA, its comparators, its region and England. */
export default function TrendsPage({ state }: { state: UrlState }) {
  const metricId = state.metric ?? TRENDS_CHART.defaultMetric;
  const peers = peerSelector(state);
  const { data, fetching, error, retry } = usePageQuery(
    TrendsPageQuery,
    { la: state.la ?? '', areas: [state.la ?? '', ENGLAND_AREA, ...REGION_CODES], peers: peers ?? null, metric: metricId },
    { pause: !state.la },
  );
  usePageTitle(data ? `Trends: ${data.trend.metric.label}` : 'Trends');
  const heading = (
    <>
      <span className="govuk-caption-xl">Trends{data ? `: ${data.authority.name}` : ''}</span>
      <h1 className="govuk-heading-xl">{data ? data.trend.metric.label : 'Trends over time'}</h1>
    </>
  );
  if (!state.la) {
    return (
      <>
        {heading}
        <EmptyState>
          <p className="govuk-body">No authority is chosen. <Link href={hrefFor('start', sharedState(state))}>Choose an authority and a comparator set</Link>.</p>
        </EmptyState>
      </>
    );
  }
  if (error) return (<>{heading}<ErrorState error={error} retry={retry} /></>);
  if (!data) return (<>{heading}{fetching && <LoadingState what="the trend" />}</>);

  const { trend } = data;
  const format = { unit: trend.metric.unit as UnitCode, decimals: trend.metric.decimals };
  const lines = linesOf(data, state.la);
  const group = data.peerGroups.find((g) => g.id === lines.find((l) => l.role === 'peerAggregate')?.series.id.replace(/^aggregate:/, ''));
  const breakLabels = trend.breaks.map((b) => trend.periods.find((p) => p.code === b.period)?.label ?? String(b.period));
  const focusLine = lines.find((l) => l.role === 'focus');
  const focusPoints = focusLine?.series.points.filter((p) => p.value !== null && p.value !== undefined) ?? [];
  const first = focusPoints[0];
  const last = focusPoints[focusPoints.length - 1];
  const englandLast = lines.find((l) => l.role === 'england')?.series.points.find((p) => p.period.code === last?.period.code);
  const viewHref = (view: View) => `/trends${stateToSearch({ ...state, metric: metricId, view })}`;
  // Notes on the drawn areas' values, numbered period by period as the table reads them.
  const drawn = new Set(lines.flatMap((l) => (l.series.area ? [l.series.area.code] : [])));
  const notesAt = (area: string | undefined, period: number): Footnote[] => trend.notes.filter((n) => n.areaCode === area && n.period.code === period);
  const footnotes = numberFootnotes(trend.periods.flatMap((period) => lines.map((l) => (drawn.has(l.series.area?.code ?? '') ? notesAt(l.series.area?.code, period.code) : []))));
  const periodNotes = (period: number) => [...new Map(lines.flatMap((l) => notesAt(l.series.area?.code, period)).map((n) => [n.id, n])).values()];
  const summary =
    first && last
      ? `${data.authority.name}: ${formatValue(first.value, 'value', format)} in ${first.period.label}, ${formatValue(last.value, 'value', format)}${footnotes.marker(notesAt(state.la, last.period.code))} in ${last.period.label}${
          englandLast ? ` (England ${formatValue(englandLast.value, englandLast.status, format)})` : ''
        }. ${focusLine!.series.points.length - focusPoints.length} of ${trend.periods.length} periods have no figure for ${data.authority.name}.${
          breakLabels.length ? ` The series breaks before ${breakLabels.join(' and ')}.` : ''
        }`
      : `${data.authority.name} has no figures for this metric.`;

  // The LA's provisional figures (its own, or shared with DfE): a dashed line of their own, marked
  // P, over the published periods and any period only the upload has.
  const provisional = trend.provisional.filter((p) => p.laCode === state.la);
  const periods = [...new Map([...trend.periods, ...provisional.map((p) => p.period)].map((p) => [p.code, { code: p.code, label: p.label }])).values()].sort((a, b) => a.code - b.code);
  const pointAt = (series: Series, code: number) => series.points.find((p) => p.period.code === code);
  const provisionalAt = (code: number) => provisional.find((p) => p.period.code === code);
  const firstProvisional = periods.findIndex((p) => provisionalAt(p.code));
  const provisionalLabel = `${data.authority.name}: provisional (P)`;
  const chartLines: TrendLine[] = lines.map((l) => ({ id: l.id, role: l.role, label: l.label, values: periods.map((p) => pointAt(l.series, p.code)?.value ?? null) }));
  if (provisional.length > 0 && focusLine) {
    // Joined to the published figure just before the first provisional one, so the dash reads as its continuation.
    const joinAt = firstProvisional - 1;
    chartLines.push({
      id: 'provisional',
      role: 'focus',
      label: provisionalLabel,
      dash: '6 4',
      values: periods.map((p, i) => provisionalAt(p.code)?.value ?? (i === joinAt ? (pointAt(focusLine.series, p.code)?.value ?? null) : null)),
    });
  }

  const table: TableSpec = {
    caption: `${trend.metric.label} (${unitLabel(format.unit)}) by period`,
    columns: [{ header: 'Period' }, ...lines.map((l) => ({ header: l.label, numeric: true })), ...(provisional.length ? [{ header: provisionalLabel, numeric: true }, { header: 'Provisional status' }] : []), { header: 'Note' }, { header: 'Data-quality notes' }],
    rows: periods.map((period) => {
      const breakHere = trend.breaks.find((b) => b.period === period.code);
      const p = provisionalAt(period.code);
      return {
        key: String(period.code),
        cells: [
          { text: period.label, csv: period.label },
          ...lines.map((l) => {
            const point = pointAt(l.series, period.code);
            return { text: `${formatValue(point?.value, point?.status ?? 'x', format)}${footnotes.marker(notesAt(l.series.area?.code, period.code))}`, csv: csvValue(point?.value, point?.status ?? 'x', format.decimals) };
          }),
          ...(provisional.length
            ? [
                { text: p ? `${formatValue(p.value ?? null, p.status, format)} P` : '', csv: p ? csvValue(p.value ?? null, p.status, format.decimals) : '' },
                { text: p ? `P: ${provisionalNote(p)}` : '', csv: p ? 'provisional' : '' },
              ]
            : []),
          { text: breakHere ? `Series break: ${breakHere.note}` : '', csv: breakHere ? `Series break: ${breakHere.note}` : '' },
          { text: footnoteCell(footnotes, periodNotes(period.code)), csv: footnoteCell(footnotes, periodNotes(period.code)) },
        ],
      };
    }),
  };

  return (
    <>
      {heading}
      <ContextBar state={state} authorityName={data.authority.name} group={group} />
      <form
        className="sb-controls"
        onSubmit={(event) => {
          event.preventDefault();
          const metric = String(new FormData(event.currentTarget).get('metric'));
          navigate(`/trends${stateToSearch({ ...state, metric, period: undefined })}`, { focusHeading: true });
        }}
      >
        <MetricSelect id="trends-metric" name="metric" label="Metric" metrics={data.metrics} value={metricId} />
        <button type="submit" className="govuk-button govuk-button--secondary">
          Show
        </button>
      </form>
      <p className="govuk-body">{trend.metric.description}</p>
      <ChartPanel
        id="trends"
        title={`${trend.metric.label}: ${data.authority.name} over time`}
        summary={summary}
        view={state.view}
        viewHref={viewHref}
        table={table}
        source={publicationsOf([trend.metric.source]).join('; ')}
        notes={[`Unit: ${unitLabel(format.unit)}. Periods: ${trend.periods[0]?.label} to ${trend.periods[trend.periods.length - 1]?.label}.`, ...(group ? [`Comparator set: ${group.label}${group.listIncomplete ? ' (list known to be incomplete)' : ''}.`] : [])]}
        csvNotes={[`Full source: ${trend.metric.source}`]}
        footnotes={footnotes}
        legend={<TrendLegend lines={chartLines} />}
        chart={<TrendLineChart periods={periods} lines={chartLines} breaks={breakLabels} format={format} />}
        after={
          trend.breaks.length > 0 && (
            <div className="govuk-inset-text">
              <h3 className="govuk-heading-s">Series breaks</h3>
              <ul className="govuk-list">
                {trend.breaks.map((b, i) => (
                  <li key={b.period}>
                    <strong>Before {breakLabels[i]}:</strong> {b.note}
                  </li>
                ))}
              </ul>
            </div>
          )
        }
      />
      {trend.metric.caveats.length > 0 && (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Things to bear in mind</span>
          </summary>
          <div className="govuk-details__text">
            <ul className="govuk-list govuk-list--bullet">
              {trend.metric.caveats.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          </div>
        </details>
      )}
      {provisional.length > 0 && (
        <div className="govuk-inset-text sb-provisional-legend" data-testid="provisional-legend">
          <p className="govuk-body">
            <strong>P</strong>: provisional — the dashed line is {data.authority.name}&apos;s own figures, {provisionalNote(provisional[0])}. The other lines are published figures only.
          </p>
        </div>
      )}
      <StatusLegend />
    </>
  );
}
