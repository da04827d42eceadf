import { usePageQuery } from '../api/hooks';
import { profilePageRequest } from '../api/page-requests';
import { Sparkline } from '../charts/Sparkline';
import { SpineChart, SpineLegend } from '../charts/SpineChart';
import { ChartPanel } from '../components/ChartPanel';
import { ContextBar } from '../components/ContextBar';
import type { TableSpec } from '../components/DataTable';
import { EmptyState, ErrorState, LoadingState } from '../components/QueryStatus';
import { StatusLegend } from '../components/StatusLegend';
import { usePageTitle } from '../components/use-page-title';
import { csvValue, formatValue, quartileLabel, type UnitCode, type ValueFormat } from '../format/format-value';
import { footnoteCell, type Footnotes, numberFootnotes } from '../format/notes';
import { provisionalNote } from '../format/provisional';
import { type PeerKindCode, themeSentence } from '../format/sentence';
import { publicationsOf } from '../format/sources';
import type { ProfilePageQuery as ProfileData } from '../gql/graphql';
import { Link, navigate } from '../routing/router';
import { hrefFor, sharedState, stateToSearch, type UrlState, type View, metricHref } from '../routing/url-state';
import { PROFILE_SECTIONS } from './chart-sets';

type ProfileMetric = ProfileData['profile']['metrics'][number];

const PROFILE_YEARS = [2025, 2024, 2023, 2022, 2021, 2020, 2019];

function formatOf(m: ProfileMetric): ValueFormat {
  return { unit: m.metric.unit as UnitCode, decimals: m.metric.decimals };
}

/** England's total of a count or £ is not on the same scale as one LA's: the spine leaves it out. */
const ENGLAND_ON_SPINE = (unit: UnitCode) => unit !== 'COUNT' && unit !== 'GBP';

function directionText(m: ProfileMetric): string {
  if (!m.direction) return 'No change figure';
  const previous = formatValue(m.previous.value, m.previous.status, formatOf(m));
  return m.direction === 'UP' ? `Up from ${previous}` : m.direction === 'DOWN' ? `Down from ${previous}` : `Same as before (${previous})`;
}

function significanceText(m: ProfileMetric): string {
  switch (m.significance) {
    case 'HIGHER':
      return 'Significantly higher than England';
    case 'LOWER':
      return 'Significantly lower than England';
    case 'SIMILAR':
      return 'Similar to England (not significant)';
    default:
      return 'Not tested';
  }
}

function rankText(m: ProfileMetric): string {
  return m.rank ? `${m.rank} of ${m.rankOutOf}` : 'not ranked';
}

function MetricCard({ m, laName, regionName, exportLabel, marker }: { m: ProfileMetric; laName: string; regionName: string; exportLabel: string; marker: string }) {
  const format = formatOf(m);
  const has = m.value.value !== null;
  return (
    <li className="sb-metric">
      <h3 className="govuk-heading-s sb-metric__title">
        <Link href={metricHref(m.metric.id)}>{m.metric.label}</Link> <span className="sb-metric__period">{m.period.label}</span>
      </h3>
      <p className="sb-metric__value">
        {has ? formatValue(m.value.value, m.value.status, format) : <span>No data ({m.value.status})</span>}
        {marker && <span className="sb-metric__marker"> {marker.trim()}</span>}
        {has && <span className="sb-metric__direction"> {directionText(m)}</span>}
      </p>
      <div className="sb-metric__charts">
        {has ? (
          <SpineChart
            label={m.metric.label}
            value={m.value.value ?? null}
            focusName={laName}
            england={ENGLAND_ON_SPINE(format.unit) ? (m.england.value ?? null) : null}
            median={m.peers.median ?? null}
            lowerQuartile={m.peers.lowerQuartile ?? null}
            upperQuartile={m.peers.upperQuartile ?? null}
            min={m.peers.min ?? null}
            max={m.peers.max ?? null}
            format={format}
            exportLabel={exportLabel}
          />
        ) : (
          <p className="govuk-body-s">No spine chart: {laName} has no figure for {m.period.label}.</p>
        )}
        <Sparkline label={`${m.metric.label}, ${laName}`} points={m.series.map((p) => ({ label: p.period.label, value: p.value ?? null }))} format={format} />
      </div>
      {m.provisional && (
        <p className="govuk-body-s sb-provisional" data-testid="provisional-figure">
          <strong className="sb-provisional-tag">P</strong> Provisional: {formatValue(m.provisional.value ?? null, m.provisional.status, format)}
          {m.provisional.wouldRank ? `, would rank ${m.provisional.wouldRank} of ${m.provisional.rankOutOf} against the comparators' published figures` : ''} — {provisionalNote(m.provisional)}.
        </p>
      )}
      <p className="govuk-body-s sb-metric__facts">
        England {formatValue(m.england.value, m.england.status, format)} · {regionName} {formatValue(m.region.value, m.region.status, format)} · Comparator median{' '}
        {m.peers.median === null || m.peers.median === undefined ? 'x' : formatValue(m.peers.median, 'value', format)} · Rank {rankText(m)}
        {has && ` · ${quartileLabel(m.quartileBand)}`}
        {m.significance && ` · ${significanceText(m)}`}
      </p>
    </li>
  );
}

function sectionTable(caption: string, metrics: readonly ProfileMetric[], laName: string, regionName: string, footnotes: Footnotes): TableSpec {
  return {
    caption,
    columns: [
      { header: 'Metric' },
      { header: 'Period' },
      { header: 'Unit' },
      { header: laName, numeric: true },
      { header: 'Status' },
      { header: 'England', numeric: true },
      { header: regionName, numeric: true },
      { header: 'Comparator median', numeric: true },
      { header: 'Rank' },
      { header: 'Quartile band' },
      { header: 'Change' },
      { header: 'Against England' },
      { header: 'Data-quality notes' },
    ],
    rows: metrics.flatMap((m) => {
      const f = formatOf(m);
      const p = m.provisional;
      // A provisional figure is a row of its own, marked P (CSV status "provisional"), under the published one.
      const provisionalRow = p
        ? [
            {
              key: `${m.metric.id}-provisional`,
              cells: [
                { text: `${m.metric.label} (provisional)`, csv: `${m.metric.label} (provisional)` },
                { text: m.period.label, csv: m.period.label },
                { text: m.metric.unit.toLowerCase().replace(/_/g, ' '), csv: m.metric.unit.toLowerCase() },
                { text: `${formatValue(p.value ?? null, p.status, f)} P`, csv: csvValue(p.value ?? null, p.status, f.decimals) },
                { text: `P: ${provisionalNote(p)}`, csv: 'provisional' },
                { text: '', csv: '' },
                { text: '', csv: '' },
                { text: '', csv: '' },
                { text: p.wouldRank ? `would rank ${p.wouldRank} of ${p.rankOutOf}` : 'not ranked', csv: p.wouldRank ? `${p.wouldRank} of ${p.rankOutOf}` : '' },
                { text: p.wouldRank ? quartileLabel(p.quartileBand ?? null) : '', csv: p.quartileBand ?? '' },
                { text: '', csv: '' },
                { text: '', csv: '' },
                { text: '', csv: '' },
              ],
            },
          ]
        : [];
      return [{
        key: m.metric.id,
        cells: [
          { text: m.metric.label, csv: m.metric.label },
          { text: m.period.label, csv: m.period.label },
          { text: m.metric.unit.toLowerCase().replace(/_/g, ' '), csv: m.metric.unit.toLowerCase() },
          { text: `${formatValue(m.value.value, m.value.status, f)}${footnotes.marker(m.value.notes)}`, csv: csvValue(m.value.value, m.value.status, f.decimals) },
          { text: m.value.status, csv: m.value.status },
          { text: formatValue(m.england.value, m.england.status, f), csv: csvValue(m.england.value, m.england.status, f.decimals) },
          { text: formatValue(m.region.value, m.region.status, f), csv: csvValue(m.region.value, m.region.status, f.decimals) },
          {
            text: m.peers.median === null || m.peers.median === undefined ? 'x' : formatValue(m.peers.median, 'value', f),
            csv: m.peers.median === null || m.peers.median === undefined ? 'x' : csvValue(m.peers.median, 'value', f.decimals),
          },
          { text: rankText(m), csv: m.rank ? `${m.rank} of ${m.rankOutOf}` : '' },
          { text: m.value.value === null ? '' : quartileLabel(m.quartileBand), csv: m.quartileBand ?? '' },
          { text: m.direction ? directionText(m) : '', csv: m.direction?.toLowerCase() ?? '' },
          { text: m.significance ? significanceText(m) : '', csv: m.significance?.toLowerCase() ?? '' },
          { text: footnoteCell(footnotes, m.value.notes), csv: footnoteCell(footnotes, m.value.notes) },
        ],
      }, ...provisionalRow];
    }),
  };
}

/** Authority profile: every metric by theme against England, the region and the comparator set. */
export default function ProfilePage({ state }: { state: UrlState }) {
  const request = profilePageRequest(state);
  const { data, fetching, error, retry } = usePageQuery(request.query, request.variables, { pause: request.pause });
  const profile = data?.profile;
  usePageTitle(profile ? `${profile.authority.name}: authority profile` : 'Authority profile');

  // The same heading element in every state, so focus moved to it survives the data arriving.
  const heading = (
    <>
      <span className="govuk-caption-xl">{profile ? `Authority profile, reporting year ${profile.year}` : 'Authority profile'}</span>
      <h1 className="govuk-heading-xl">{profile ? profile.authority.name : 'Authority profile'}</h1>
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
  if (!profile) return (<>{heading}{fetching && <LoadingState what="the profile" />}</>);

  const laName = profile.authority.name;
  const regionName = profile.authority.region.name;
  const viewHref = (view: View) => `/profile${stateToSearch({ ...state, view })}`;
  const peerGroup = { kind: profile.peerGroup.kind as PeerKindCode, label: profile.peerGroup.label, size: profile.peerGroup.size };

  return (
    <>
      {heading}
      <ContextBar state={state} authorityName={laName} group={profile.peerGroup} />
      {profile.authority.programmes.length > 0 && (
        <p className="govuk-body">
          Programmes:{' '}
          {profile.authority.programmes.map((p) => (
            <strong key={`${p.programme}-${p.cohort}`} className="govuk-tag govuk-tag--grey sb-tag">
              {p.programme === 'DBV' ? `DBV in SEND tranche ${p.cohort}` : `Safety Valve ${p.cohort}`}
              {p.listIncomplete ? ' (list incomplete)' : ''}
            </strong>
          ))}
        </p>
      )}
      <form
        className="sb-controls"
        onSubmit={(event) => {
          event.preventDefault();
          const year = Number(new FormData(event.currentTarget).get('year'));
          navigate(`/profile${stateToSearch({ ...state, year: year === 2025 ? undefined : year })}`, { focusHeading: true });
        }}
      >
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="profile-year">
            Reporting year
          </label>
          <div className="govuk-hint" id="profile-year-hint">
            January census counts of that year, the financial year ending in it, and the calendar year before it.
          </div>
          <select className="govuk-select" id="profile-year" name="year" defaultValue={profile.year} key={profile.year} aria-describedby="profile-year-hint">
            {PROFILE_YEARS.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary">
          Show year
        </button>
      </form>
      <p className="govuk-body">
        <Link href={hrefFor('report', sharedState(state))} className="govuk-button govuk-button--secondary">
          Download report (PDF)
        </Link>
      </p>
      <nav aria-label="Themes on this page" className="sb-contents">
        <h2 className="govuk-heading-s">Contents</h2>
        <ul className="govuk-list">
          {PROFILE_SECTIONS.map((s) => (
            <li key={s.theme}>
              <a className="govuk-link" href={`#theme-${s.theme.toLowerCase()}`}>
                {s.heading}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <StatusLegend />
      {PROFILE_SECTIONS.map((section) => {
        const metrics = profile.metrics.filter((m) => m.metric.theme === section.theme);
        const headline = metrics.find((m) => m.metric.id === section.headline.metric);
        const footnotes = numberFootnotes([...(headline ? [headline.value.notes] : []), ...metrics.map((m) => m.value.notes)]);
        const sentence = headline
          ? themeSentence({
              laName,
              phrase: section.headline.phrase,
              periodLabel: headline.period.label,
              value: headline.value.value ?? null,
              status: headline.value.status,
              england: headline.england.value ?? null,
              peersAbove: headline.peersAbove,
              peersBelow: headline.peersBelow,
              rankOutOf: headline.rankOutOf,
              peerGroup,
              regionName,
              format: formatOf(headline),
              marker: footnotes.marker(headline.value.notes),
            })
          : '';
        const withData = metrics.filter((m) => m.value.value !== null).length;
        return (
          <div id={`theme-${section.theme.toLowerCase()}`} key={section.theme} className="sb-theme">
            <ChartPanel
              id={`profile-${section.theme.toLowerCase()}`}
              title={section.heading}
              summary={`${sentence} ${laName} has figures for ${withData} of the ${metrics.length} metrics in this theme for reporting year ${profile.year}.`}
              view={state.view}
              viewHref={viewHref}
              chartIsImage={false}
              legend={<SpineLegend focusName={laName} />}
              table={sectionTable(`${section.heading}: ${laName} against England, the ${regionName} and ${profile.peerGroup.label}`, metrics, laName, regionName, footnotes)}
              footnotes={footnotes}
              source={publicationsOf(metrics.map((m) => m.metric.source)).join('; ')}
              csvNotes={metrics.map((m) => `${m.metric.label}: ${m.metric.source}`)}
              notes={[`${laName} compared with ${profile.peerGroup.label}${profile.peerGroup.listIncomplete ? ' (list known to be incomplete)' : ''}, reporting year ${profile.year}.`]}
              chart={
                <ul className="sb-metric-list">
                  {metrics.map((m) => (
                    <MetricCard key={m.metric.id} m={m} laName={laName} regionName={regionName} marker={footnotes.marker(m.value.notes)} exportLabel={`${m.metric.label} (${m.period.label}): ${laName} ${formatValue(m.value.value, m.value.status, formatOf(m))}${footnotes.marker(m.value.notes)}`} />
                  ))}
                </ul>
              }
            />
          </div>
        );
      })}
    </>
  );
}
