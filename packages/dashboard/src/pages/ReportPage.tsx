import { lazy, Suspense, useEffect } from 'react';
import { usePageQuery } from '../api/hooks';
import { ReportPageQuery } from '../api/operations';
import { TrendLineChart } from '../charts/lazy';
import type { SeriesRole } from '../charts/palette';
import { SpineChart } from '../charts/SpineChart';
import { TrendLegend } from '../charts/TrendLegend';
import { FootnoteList } from '../components/FootnoteList';
import { EmptyState, ErrorState, LoadingState } from '../components/QueryStatus';
import { usePageTitle } from '../components/use-page-title';
import { OGL_ATTRIBUTION } from '../format/csv';
import { formatValue, quartileLabel, type UnitCode } from '../format/format-value';
import { numberFootnotes } from '../format/notes';
import { provisionalNote } from '../format/provisional';
import { type PeerKindCode, themeSentence } from '../format/sentence';
import { publicationsOf } from '../format/sources';
import type { ReportPageQuery as ReportData } from '../gql/graphql';
import { HEXMAP_ATTRIBUTION } from '../map/MapPanel';
import { Link } from '../routing/router';
import { hrefFor, peerSelector, sharedState, type UrlState } from '../routing/url-state';
import { PROFILE_SECTIONS, REPORT_PACK } from './chart-sets';
import { ReportEvaluation, ReportForecast, useSettled } from './report-sections';

const HexMap = lazy(() => import('../map/HexMap'));

type Trend = ReportData['plans'];
type Metric = ReportData['profile']['metrics'][number];

/** The lines of a report trend: the LA, its comparators' aggregate (median for counts) and England (when asked). */
function trendLines(trend: Trend, la: string, focusName: string) {
  // A count's aggregate is the comparators' sum, not on one authority's scale: their median stands in.
  const count = trend.metric.unit === 'COUNT';
  const roles: [SeriesRole, (s: Trend['series'][number]) => boolean, string][] = [
    ['focus', (s) => s.kind === 'AREA' && s.area?.code === la, focusName],
    count ? ['peerMedian', (s) => s.kind === 'PEER_MEDIAN', 'Comparators: median'] : ['peerAggregate', (s) => s.kind === 'PEER_AGGREGATE', 'Comparators: aggregate'],
    ['england', (s) => s.kind === 'AREA' && s.area?.code === 'E92000001', 'England'],
  ];
  return roles.flatMap(([role, find, label]) => {
    const s = trend.series.find(find);
    return s ? [{ id: `${trend.metric.id}_${role}`, role, label, values: s.points.map((p) => p.value ?? null) }] : [];
  });
}

/**
 * The report pack's print view: one authority against its comparators on A4 — a summary in plain
 * words, the key figures with spine charts, trends, the map, the evaluation and forecast
 * summaries, data-quality notes, and sources with the OGL attribution. `sendbench report` prints
 * it with headless Chromium once `data-report-ready` is set; a browser prints it with the button.
 */
export default function ReportPage({ state }: { state: UrlState }) {
  const peers = peerSelector(state) ?? null;
  const { data, error, retry } = usePageQuery(ReportPageQuery, { la: state.la ?? '', area: state.la ?? '', peers }, { pause: !state.la });
  const [evaluationSettled, settleEvaluation] = useSettled();
  const [forecastSettled, settleForecast] = useSettled();
  const profile = data?.profile;
  usePageTitle(profile ? `${profile.authority.name}: SEND benchmarking report` : 'Report');
  const ready = Boolean(data) && evaluationSettled && forecastSettled;
  useEffect(() => {
    if (error) document.body.dataset.reportError = error.message;
  }, [error]);

  if (!state.la) {
    return (
      <>
        <h1 className="govuk-heading-xl">Report</h1>
        <EmptyState>
          <p className="govuk-body">No authority is chosen. <Link href={hrefFor('start', sharedState(state))}>Choose an authority and a comparator set</Link>.</p>
        </EmptyState>
      </>
    );
  }
  if (error) return (<><h1 className="govuk-heading-xl">Report</h1><ErrorState error={error} retry={retry} /></>);
  if (!data || !profile) return (<><h1 className="govuk-heading-xl">Report</h1><LoadingState what="the report" /></>);

  const la = profile.authority;
  const byId = new Map(profile.metrics.map((m) => [m.metric.id, m]));
  const key = REPORT_PACK.keyFigures.map((id) => byId.get(id)).filter((m): m is Metric => Boolean(m));
  const headlines = PROFILE_SECTIONS.map((s) => ({ section: s, metric: byId.get(s.headline.metric) })).filter((h) => h.metric);
  const footnotes = numberFootnotes([...headlines.map((h) => h.metric!.value.notes), ...key.map((m) => m.value.notes)]);
  const group = { kind: profile.peerGroup.kind as PeerKindCode, label: profile.peerGroup.label, size: profile.peerGroup.size };
  const formatOf = (m: { unit: string; decimals: number }) => ({ unit: m.unit as UnitCode, decimals: m.decimals });
  const trends = [data.plans, data.mainstream, data.spend];
  const mapFootnotes = numberFootnotes(data.map.members.map((m) => m.value.notes));
  const sources = publicationsOf([...key.map((m) => m.metric.source), ...trends.map((t) => t.metric.source)]);
  const peerCodes = new Set(profile.peerGroup.members.map((m) => m.code).filter((code) => code !== la.code));

  return (
    <div className="sb-report" data-report-ready={ready ? 'true' : undefined}>
      <div className="sb-report__actions">
        <button type="button" className="govuk-button" onClick={() => window.print()}>
          Download report (PDF)
        </button>
        <p className="govuk-body-s">
          Choose “Save as PDF” as the printer. From a terminal: <code>sendbench report --la {la.code} --out report.pdf</code>. <Link href={hrefFor('profile', sharedState(state))}>Back to the profile</Link>
        </p>
      </div>
      <span className="govuk-caption-l">SEND benchmarking report, reporting year {profile.year}</span>
      <h1 className="govuk-heading-xl">{la.name}</h1>
      <p className="govuk-body">
        {la.name} ({la.code}, {la.region.name}) against {profile.peerGroup.label}
        {profile.peerGroup.listIncomplete ? ' (a list known to be incomplete)' : ''} and England.
        {la.programmes.length > 0 &&
          ` Programmes: ${la.programmes.map((p) => (p.programme === 'DBV' ? `DBV in SEND tranche ${p.cohort}` : `Safety Valve ${p.cohort}`)).join(', ')}.`}
      </p>

      <section className="sb-report__section" aria-labelledby="report-summary">
        <h2 className="govuk-heading-m" id="report-summary">
          Summary
        </h2>
        <ul className="govuk-list govuk-list--bullet">
          {headlines.map(({ section, metric }) => (
            <li key={section.theme}>
              {themeSentence({
                laName: la.name,
                phrase: section.headline.phrase,
                periodLabel: metric!.period.label,
                value: metric!.value.value ?? null,
                status: metric!.value.status,
                england: metric!.england.value ?? null,
                peersAbove: metric!.peersAbove,
                peersBelow: metric!.peersBelow,
                rankOutOf: metric!.rankOutOf,
                peerGroup: group,
                regionName: la.region.name,
                format: formatOf(metric!.metric),
                marker: footnotes.marker(metric!.value.notes),
              })}
            </li>
          ))}
        </ul>
      </section>

      <section className="sb-report__section" aria-labelledby="report-key">
        <h2 className="govuk-heading-m" id="report-key">
          Key figures against the comparators
        </h2>
        <table className="govuk-table sb-report__table">
          <caption className="govuk-table__caption govuk-table__caption--s">
            {la.name}, England and the comparator median; the spine shows the comparators' range (light), middle half (dark) and median (tick), England (diamond) and {la.name} (dot).
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {['Metric', la.name, 'England', 'Comparator median', 'Rank', 'Spine'].map((h) => (
                <th key={h} scope="col" className="govuk-table__header">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {key.map((m) => {
              const f = formatOf(m.metric);
              const p = m.provisional;
              return [
                <tr key={m.metric.id} className="govuk-table__row">
                  <th scope="row" className="govuk-table__header">
                    {m.metric.label} <span className="sb-metric__period">{m.period.label}</span>
                  </th>
                  <td className="govuk-table__cell" data-metric={m.metric.id}>
                    {formatValue(m.value.value, m.value.status, f)}
                    {footnotes.marker(m.value.notes)}
                  </td>
                  <td className="govuk-table__cell">{formatValue(m.england.value, m.england.status, f)}</td>
                  <td className="govuk-table__cell">{m.peers.median === null || m.peers.median === undefined ? 'x' : formatValue(m.peers.median, 'value', f)}</td>
                  <td className="govuk-table__cell">
                    {m.rank ? `${m.rank} of ${m.rankOutOf}` : 'not ranked'}
                    {m.quartileBand ? ` (${quartileLabel(m.quartileBand).toLowerCase()})` : ''}
                  </td>
                  <td className="govuk-table__cell">
                    {m.value.value !== null && m.value.value !== undefined && (
                      <SpineChart
                        label={m.metric.label}
                        value={m.value.value}
                        focusName={la.name}
                        england={f.unit === 'COUNT' || f.unit === 'GBP' ? null : (m.england.value ?? null)}
                        median={m.peers.median ?? null}
                        lowerQuartile={m.peers.lowerQuartile ?? null}
                        upperQuartile={m.peers.upperQuartile ?? null}
                        min={m.peers.min ?? null}
                        max={m.peers.max ?? null}
                        format={f}
                      />
                    )}
                  </td>
                </tr>,
                // The LA's provisional figure, where the caller may see one: a row of its own, marked P, against the published figures above.
                p && (
                  <tr key={`${m.metric.id}-provisional`} className="govuk-table__row sb-provisional" data-testid="report-provisional">
                    <th scope="row" className="govuk-table__header">
                      {m.metric.label} <span className="sb-metric__period">(provisional)</span>
                    </th>
                    <td className="govuk-table__cell">
                      {formatValue(p.value ?? null, p.status, f)} <strong className="sb-provisional-tag">P</strong>
                    </td>
                    <td className="govuk-table__cell" colSpan={2}>
                      {provisionalNote(p)}
                    </td>
                    <td className="govuk-table__cell">{p.wouldRank ? `would rank ${p.wouldRank} of ${p.rankOutOf}` : 'not ranked'}</td>
                    <td className="govuk-table__cell" />
                  </tr>
                ),
              ];
            })}
          </tbody>
        </table>
        <FootnoteList footnotes={footnotes} id="report-key" />
      </section>

      <section className="sb-report__section" aria-labelledby="report-trends">
        <h2 className="govuk-heading-m" id="report-trends">
          Trends
        </h2>
        {trends.map((t) => {
          const lines = trendLines(t, la.code, la.name);
          return (
            <div key={t.metric.id} className="sb-report__trend">
              <h3 className="govuk-heading-s">
                {t.metric.label}, {t.periods[0]?.label} to {t.periods.at(-1)?.label}
              </h3>
              <TrendLegend lines={lines} />
              <Suspense fallback={<LoadingState what="the chart" />}>
                <TrendLineChart periods={t.periods} lines={lines} breaks={t.breaks.map((b) => t.periods.find((p) => p.code === b.period)?.label ?? String(b.period))} format={formatOf(t.metric)} width={640} />
              </Suspense>
            </div>
          );
        })}
      </section>

      <section className="sb-report__section sb-report__map" aria-labelledby="report-map">
        <h2 className="govuk-heading-m" id="report-map">
          {data.map.metric.label}, {data.map.period.label}: every authority
        </h2>
        <p className="govuk-body-s">Quartile bands over England's authorities; {la.name} has a thick outline and its comparators a dashed one; hatched cells have no figure.</p>
        <Suspense fallback={<LoadingState what="the map" />}>
          <HexMap
            data={new Map(data.map.members.map((m) => [m.authority.code, { value: m.value.value ?? null, status: m.value.status, band: m.quartileBand ?? null, marker: mapFootnotes.marker(m.value.notes) }]))}
            scale="quartile"
            polarity={data.map.metric.polarity}
            format={formatOf(data.map.metric)}
            focus={la.code}
            peers={peerCodes}
            title={`${data.map.metric.label}, ${data.map.period.label}`}
            onOpen={() => undefined}
            width={560}
          />
        </Suspense>
        <p className="govuk-body-s sb-source">{HEXMAP_ATTRIBUTION}</p>
      </section>

      <ReportEvaluation programmes={la.programmes} laName={la.name} onSettled={settleEvaluation} />
      <ReportForecast la={la.code} onSettled={settleForecast} />

      <section className="sb-report__section" aria-labelledby="report-sources">
        <h2 className="govuk-heading-m" id="report-sources">
          Sources
        </h2>
        <ul className="govuk-list govuk-list--bullet">
          {sources.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
        <p className="govuk-body-s">
          {OGL_ATTRIBUTION} {HEXMAP_ATTRIBUTION} Data-quality notes mark values to read with care; no value is hidden or altered.
        </p>
      </section>
    </div>
  );
}
