import { yearOfPeriod } from '@sendbench/schema';
import { usePageQuery } from '../api/hooks';
import { RelationshipsPageQuery } from '../api/operations';
import { RelationshipScatter } from '../charts/lazy';
import { ScatterLegend } from '../charts/ScatterLegend';
import { ChartPanel } from '../components/ChartPanel';
import { ContextBar } from '../components/ContextBar';
import type { TableSpec } from '../components/DataTable';
import { MetricSelect } from '../components/MetricSelect';
import { ErrorState, LoadingState } from '../components/QueryStatus';
import { StatusLegend } from '../components/StatusLegend';
import { usePageTitle } from '../components/use-page-title';
import { csvValue, formatValue, lowerFirst, roundTo, statusDescription, type UnitCode, unitLabel } from '../format/format-value';
import { publicationsOf } from '../format/sources';
import { Link, navigate } from '../routing/router';
import { peerGroupId, peerSelector, stateToSearch, type UrlState, type View, metricHref } from '../routing/url-state';
import { RELATIONSHIP_CHART } from './chart-sets';

/** Words for a correlation coefficient (Evans' bands, as commonly used). */
export function correlationWords(r: number): string {
  const a = Math.abs(r);
  const strength = a < 0.2 ? 'very weak' : a < 0.4 ? 'weak' : a < 0.6 ? 'moderate' : a < 0.8 ? 'strong' : 'very strong';
  return `${strength} ${r >= 0 ? 'positive' : 'negative'}`;
}

type PeriodTypeCode = 'JANUARY' | 'CALENDAR_YEAR' | 'FINANCIAL_YEAR';

// Fetch the chart code while the page's data is on the way, not after it has arrived.
RelationshipScatter.preload();

/** Relationships: two metrics, one dot per LA in England, the comparator set highlighted. */
export default function RelationshipsPage({ state }: { state: UrlState }) {
  const x = state.x ?? RELATIONSHIP_CHART.defaultX;
  const y = state.y ?? RELATIONSHIP_CHART.defaultY;
  const highlight = state.peers === 'england' ? undefined : peerSelector(state);
  const { data, fetching, error, retry } = usePageQuery(RelationshipsPageQuery, { la: state.la ?? null, x, y, year: state.year ?? null, highlight: highlight ?? null });
  const rel = data?.relationship;
  usePageTitle(rel ? `Relationship: ${rel.y.label} against ${lowerFirst(rel.x.label)}` : 'Relationships');
  const heading = (
    <>
      <span className="govuk-caption-xl">Relationships</span>
      <h1 className="govuk-heading-xl">{rel ? `${rel.y.label} against ${lowerFirst(rel.x.label)}` : 'How two metrics relate'}</h1>
    </>
  );
  if (error) return (<>{heading}<ErrorState error={error} retry={retry} /></>);
  if (!rel || !data) return (<>{heading}{fetching && <LoadingState what="the relationship" />}</>);

  const xFormat = { unit: rel.x.unit as UnitCode, decimals: rel.x.decimals };
  const yFormat = { unit: rel.y.unit as UnitCode, decimals: rel.y.decimals };
  const complete = rel.points.filter((p) => p.x.value !== null && p.x.value !== undefined && p.y.value !== null && p.y.value !== undefined);
  const incomplete = rel.points.filter((p) => !complete.includes(p));
  const focus = rel.points.find((p) => p.isFocus);
  const highlightGroup = highlight ? data.peerGroups.find((g) => g.id === peerGroupId(state.peers, state.la)) : undefined;
  const setLabel = highlight ? (highlightGroup?.label ?? (highlight.savedSetId ? 'Your saved comparator set' : highlight.kind === 'CUSTOM' ? 'Your comparison set' : highlight.kind === 'REGION' ? 'Authorities in its region' : 'Comparator set')) : undefined;
  const years = (id: string) => {
    const m = data.metrics.find((metric) => metric.id === id);
    return new Set((m?.periods ?? []).map((p) => yearOfPeriod((m!.periodType.toLowerCase() as 'january' | 'calendar_year' | 'financial_year'), p.code)));
  };
  const xYears = years(x);
  const commonYears = [...years(y)].filter((yr) => xYears.has(yr)).sort((a, b) => b - a);
  const currentYear = yearOfPeriod(data.metrics.find((m) => m.id === y)?.periodType.toLowerCase() as Lowercase<PeriodTypeCode>, rel.yPeriod.code);

  const stats =
    rel.pearson !== null && rel.pearson !== undefined
      ? `Across ${rel.pairs} authorities with both figures, Pearson's r = ${roundTo(rel.pearson, 2)} (a ${correlationWords(rel.pearson)} correlation) and Spearman's rho = ${roundTo(rel.spearman ?? 0, 2)}.${
          rel.line ? ` Fitted line: y = ${roundTo(rel.line.intercept, 2)} + ${rel.line.slope.toPrecision(3)} × x (r² = ${roundTo(rel.line.rSquared, 2)}).` : ''
        } Correlation is not causation.`
      : `Only ${rel.pairs} authorities have both figures: too few for a correlation.`;
  const focusText = focus
    ? ` ${focus.authority.name}: ${formatValue(focus.x.value, focus.x.status, xFormat)} and ${formatValue(focus.y.value, focus.y.status, yFormat)}.`
    : '';
  const viewHref = (view: View) => `/relationships${stateToSearch({ ...state, x, y, view })}`;
  const table: TableSpec = {
    caption: `${rel.x.label} (${rel.xPeriod.label}) and ${rel.y.label} (${rel.yPeriod.label}) by authority`,
    columns: [
      { header: 'Authority' },
      { header: 'Code' },
      { header: `${rel.x.label} (${unitLabel(xFormat.unit)}), ${rel.xPeriod.label}`, numeric: true },
      { header: `${rel.y.label} (${unitLabel(yFormat.unit)}), ${rel.yPeriod.label}`, numeric: true },
      { header: 'In comparator set' },
    ],
    rows: rel.points.map((p) => ({
      key: p.authority.code,
      isFocus: p.isFocus,
      cells: [
        { text: p.authority.name, csv: p.authority.name },
        { text: p.authority.code, csv: p.authority.code },
        { text: formatValue(p.x.value, p.x.status, xFormat), csv: csvValue(p.x.value, p.x.status, xFormat.decimals) },
        { text: formatValue(p.y.value, p.y.status, yFormat), csv: csvValue(p.y.value, p.y.status, yFormat.decimals) },
        { text: p.highlighted ? 'Yes' : 'No', csv: p.highlighted ? 'yes' : 'no' },
      ],
    })),
  };

  return (
    <>
      {heading}
      <ContextBar state={state} authorityName={focus?.authority.name} group={highlightGroup ?? (setLabel ? { label: setLabel, listIncomplete: false } : undefined)} />
      <form
        className="sb-controls"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const year = Number(form.get('year'));
          navigate(`/relationships${stateToSearch({ ...state, x: String(form.get('x')), y: String(form.get('y')), year: year || undefined })}`, { focusHeading: true });
        }}
      >
        <MetricSelect id="relationship-x" name="x" label="Horizontal axis (x)" metrics={data.metrics} value={x} />
        <MetricSelect id="relationship-y" name="y" label="Vertical axis (y)" metrics={data.metrics} value={y} />
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="relationship-year">
            Reporting year
          </label>
          <select className="govuk-select" id="relationship-year" name="year" defaultValue={state.year ?? ''} key={`${x}-${y}-${state.year}`}>
            <option value="">Latest with both ({currentYear})</option>
            {commonYears.map((yr) => (
              <option key={yr} value={yr}>
                {yr}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary">
          Show
        </button>
      </form>
      <ChartPanel
        id="relationship"
        title={`${rel.y.label} (${rel.yPeriod.label}) against ${lowerFirst(rel.x.label)} (${rel.xPeriod.label})`}
        summary={`${stats}${focusText}`}
        view={state.view}
        viewHref={viewHref}
        table={table}
        source={publicationsOf([rel.x.source, rel.y.source]).join('; ')}
        notes={[`x: ${rel.x.label}, ${unitLabel(xFormat.unit)}, ${rel.xPeriod.label}. y: ${rel.y.label}, ${unitLabel(yFormat.unit)}, ${rel.yPeriod.label}.`, stats]}
        csvNotes={[`Full source (x): ${rel.x.source}`, `Full source (y): ${rel.y.source}`]}
        legend={<ScatterLegend focusName={focus?.authority.name} setLabel={setLabel} hasLine={Boolean(rel.line)} />}
        chart={
          complete.length === 0 ? (
            <p className="govuk-body">No authority has both figures for these periods: nothing to draw. Try another reporting year.</p>
          ) : (
            <RelationshipScatter
              points={complete.map((p) => ({
                code: p.authority.code,
                name: p.authority.name,
                x: p.x.value as number,
                y: p.y.value as number,
                group: p.isFocus ? 'focus' : p.highlighted ? 'highlighted' : 'other',
              }))}
              xLabel={rel.x.label}
              yLabel={rel.y.label}
              xFormat={xFormat}
              yFormat={yFormat}
              line={RELATIONSHIP_CHART.fittedLine && rel.line ? rel.line : null}
            />
          )
        }
        after={
          incomplete.length > 0 && (
            <div className="sb-no-data">
              <h3 className="govuk-heading-s">Not drawn: missing one of the figures ({incomplete.length})</h3>
              <ul className="govuk-list govuk-list--bullet">
                {incomplete.map((p) => {
                  const missing = p.x.value === null || p.x.value === undefined ? p.x : p.y;
                  return (
                    <li key={p.authority.code}>
                      {p.authority.name}: <code>{missing.status}</code> — {statusDescription(missing.status)}
                    </li>
                  );
                })}
              </ul>
            </div>
          )
        }
      />
      <StatusLegend />
      <p className="govuk-body">
        <Link href={metricHref(x)}>Definition of {rel.x.label}</Link> · <Link href={metricHref(y)}>Definition of {rel.y.label}</Link>
      </p>
    </>
  );
}
