import { usePageQuery } from '../api/hooks';
import { ComparatorSetQuery, MapPageQuery } from '../api/operations';
import { MetricSelect } from '../components/MetricSelect';
import { ErrorState, LoadingState } from '../components/QueryStatus';
import { StatusLegend } from '../components/StatusLegend';
import type { UnitCode } from '../format/format-value';
import { provisionalNote, provisionalSentence } from '../format/provisional';
import { usePageTitle } from '../components/use-page-title';
import { MapPanel } from '../map/MapPanel';
import { Link, navigate } from '../routing/router';
import { hrefFor, metricHref, peerGroupId, stateToSearch, type UrlState, type View } from '../routing/url-state';
import { COMPARE_CHART } from './chart-sets';

MapPanel.preload();

/** Map: one metric and period over every authority in England, as a hex cartogram with its table. */
export default function MapPage({ state }: { state: UrlState }) {
  const metricId = state.metric ?? COMPARE_CHART.defaultMetric;
  const { data, error, retry } = usePageQuery(MapPageQuery, { la: state.la ?? null, metric: metricId, period: state.period ?? null });
  // A saved set's members are the owner's (or shared) list: asked for only when one is chosen.
  const savedSet = usePageQuery(ComparatorSetQuery, { id: state.savedSet ?? '' }, { pause: state.peers !== 'saved' || !state.savedSet }).data?.comparatorSet;
  const comparison = data?.comparison;
  usePageTitle(comparison ? `Map: ${comparison.metric.label}` : 'Map');
  const heading = (
    <>
      <span className="govuk-caption-xl">Map</span>
      <h1 className="govuk-heading-xl">{comparison ? `${comparison.metric.label}, ${comparison.period.label}` : 'Map of one metric'}</h1>
    </>
  );
  if (error) return (<>{heading}<ErrorState error={error} retry={retry} /></>);
  if (!comparison || !data) return (<>{heading}<LoadingState what="the map" /></>);

  const regionId = data.peerGroups.find((g) => g.kind === 'REGION')?.id.replace(/^region:/, '');
  const groupId = peerGroupId(state.peers, state.la, regionId);
  const group = data.peerGroups.find((g) => g.id === groupId);
  const peers = new Set(state.peers === 'custom' ? state.custom : state.peers === 'saved' ? (savedSet?.codes ?? []) : (group?.members.map((m) => m.code) ?? []));
  const peersLabel = state.peers === 'custom' ? 'your comparison set' : state.peers === 'saved' ? (savedSet?.name ?? 'your saved comparator set') : (group?.label ?? 'no comparator set');
  const viewHref = (view: View) => `/map${stateToSearch({ ...state, metric: metricId, view })}`;

  return (
    <>
      {heading}
      <form
        className="sb-controls"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const metric = String(form.get('metric'));
          const period = Number(form.get('period'));
          const scale = form.get('scale') === 'continuous' ? 'continuous' : 'quartile';
          navigate(`/map${stateToSearch({ ...state, metric, scale, period: metric === metricId && period ? period : undefined })}`, { focusHeading: true });
        }}
      >
        <MetricSelect id="map-metric" name="metric" label="Metric" metrics={data.metrics} value={metricId} />
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="map-period">
            Period
          </label>
          <select className="govuk-select" id="map-period" name="period" defaultValue={comparison.period.code} key={`${metricId}-${comparison.period.code}`}>
            {[...comparison.metric.periods].reverse().map((p) => (
              <option key={p.code} value={p.code}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
        <div className="govuk-form-group">
          <fieldset className="govuk-fieldset">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Colours</legend>
            <div className="govuk-radios govuk-radios--small govuk-radios--inline">
              {(['quartile', 'continuous'] as const).map((scale) => (
                <div className="govuk-radios__item" key={scale}>
                  <input className="govuk-radios__input" id={`map-scale-${scale}`} name="scale" type="radio" value={scale} defaultChecked={state.scale === scale} />
                  <label className="govuk-label govuk-radios__label" htmlFor={`map-scale-${scale}`}>
                    {scale === 'quartile' ? 'By quartile band' : 'Continuous scale'}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary">
          Show
        </button>
      </form>
      <p className="govuk-body">{comparison.metric.description}</p>
      {comparison.provisional && (
        // The map draws published figures only: the focus LA's own provisional figure is said beside it, marked as on the compare page.
        <div className="govuk-inset-text" data-testid="map-provisional">
          <strong className="govuk-tag govuk-tag--yellow">P</strong> {provisionalSentence(comparison.focus?.name ?? 'The selected authority', comparison.provisional, { unit: comparison.metric.unit as UnitCode, decimals: comparison.metric.decimals })} The
          map and its table show published figures only. P: {provisionalNote(comparison.provisional)}.
        </div>
      )}
      <MapPanel
        id="map"
        metric={comparison.metric}
        period={comparison.period}
        members={comparison.members}
        state={state}
        peers={peers}
        peersLabel={peersLabel}
        scale={state.scale}
        view={state.view}
        viewHref={viewHref}
      />
      <StatusLegend />
      <p className="govuk-body">
        <Link href={metricHref(metricId)}>How this metric is defined</Link> · <Link href={hrefFor('compare', { ...state, metric: metricId })}>Compare it with the comparator set</Link>
      </p>
    </>
  );
}
