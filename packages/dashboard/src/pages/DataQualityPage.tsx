import { usePageQuery } from '../api/hooks';
import { DataQualityPageQuery } from '../api/operations';
import { DataTable, type TableSpec } from '../components/DataTable';
import { ErrorState, LoadingState } from '../components/QueryStatus';
import { usePageTitle } from '../components/use-page-title';
import { buildCsv, OGL_ATTRIBUTION } from '../format/csv';
import { downloadBlob } from '../format/export-image';
import { csvValue, formatValue, type UnitCode } from '../format/format-value';
import type { DataQualityPageQuery as DataQualityData } from '../gql/graphql';
import { Link, navigate } from '../routing/router';
import { hrefFor, metricHref, type UrlState } from '../routing/url-state';

type Flag = DataQualityData['dataQuality']['flags'][number];

const signed = (percent: number) => `${percent > 0 ? '+' : percent < 0 ? '−' : ''}${Math.abs(percent).toFixed(1)}%`;

function downloadTable(table: TableSpec, fileName: string, notes: readonly string[]): void {
  const csv = buildCsv({ header: table.columns.map((c) => c.header), rows: table.rows.map((r) => r.cells.map((c) => c.csv)), notes: [table.caption, ...notes] });
  downloadBlob(new Blob([`\uFEFF${csv}`], { type: 'text/csv;charset=utf-8' }), fileName);
}

function flagsTable(flags: readonly Flag[], caption: string): TableSpec {
  return {
    caption,
    columns: [
      { header: 'Authority' },
      { header: 'Metric' },
      { header: 'Period' },
      { header: 'Value', numeric: true },
      { header: 'Period before' },
      { header: 'Value before', numeric: true },
      { header: 'Change', numeric: true },
      { header: "Authority's median change", numeric: true },
      { header: "England's median change", numeric: true },
      { header: 'z (own)', numeric: true },
      { header: 'z (England)', numeric: true },
    ],
    rows: flags.map((f) => {
      const format = { unit: f.metric.unit as UnitCode, decimals: f.metric.decimals };
      return {
        key: f.id,
        cells: [
          { text: f.authority.name, csv: f.authority.name },
          { text: f.metric.label, csv: f.metric.id },
          { text: f.period.label, csv: f.period.label },
          { text: formatValue(f.value, 'value', format), csv: csvValue(f.value, 'value', format.decimals) },
          { text: f.previousPeriod.label, csv: f.previousPeriod.label },
          { text: formatValue(f.previousValue, 'value', format), csv: csvValue(f.previousValue, 'value', format.decimals) },
          { text: signed(f.changePercent), csv: Number(f.changePercent.toFixed(1)) },
          { text: signed(f.ownMedianChangePercent), csv: Number(f.ownMedianChangePercent.toFixed(1)) },
          { text: signed(f.englandMedianChangePercent), csv: Number(f.englandMedianChangePercent.toFixed(1)) },
          { text: f.zOwn.toFixed(1), csv: Number(f.zOwn.toFixed(2)) },
          { text: f.zEngland.toFixed(1), csv: Number(f.zEngland.toFixed(2)) },
        ],
      };
    }),
  };
}

/** Data quality: the curated notes shipped with SENDbench and every value the automatic rule marks "check". */
export default function DataQualityPage({ state }: { state: UrlState }) {
  usePageTitle('Data quality');
  const { data, error, retry } = usePageQuery(DataQualityPageQuery, {});
  const heading = <h1 className="govuk-heading-xl">Data quality</h1>;
  if (error) return (<>{heading}<ErrorState error={error} retry={retry} /></>);
  if (!data) return (<>{heading}<LoadingState what="the data-quality notes" /></>);
  const { rule, curated, flags } = data.dataQuality;
  const la = state.la;
  // The metrics that have a flag (of the chosen authority, when there is one), for the filter.
  const flagMetrics = [...new Map((la ? flags.filter((f) => f.authority.code === la) : flags).map((f) => [f.metric.id, f.metric.label])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const metric = state.metric && flagMetrics.some(([id]) => id === state.metric) ? state.metric : undefined;
  const shown = flags.filter((f) => (!la || f.authority.code === la) && (!metric || f.metric.id === metric));
  const who = la && shown[0] ? shown[0].authority.name : la ? 'the chosen authority' : 'every authority';
  const flagCaption = `Values marked "check", ${who}${metric ? `: ${flagMetrics.find(([id]) => id === metric)?.[1]}` : ''}`;
  const table = flagsTable(shown, flagCaption);
  return (
    <>
      {heading}
      <p className="govuk-body-l">Some published figures need care. SENDbench marks them where they are shown — on charts, in tables, in sentences and in CSV files — and never hides or changes them.</p>
      <p className="govuk-body">
        A number in square brackets beside a value, such as <strong>[1]</strong>, points to the notes under the chart or table. There are two kinds.
      </p>
      <ul className="govuk-list govuk-list--bullet">
        <li>
          <strong className="govuk-tag govuk-tag--grey sb-tag">Note</strong> a curated note on a known problem, written with its source: the {curated.length} below.
        </li>
        <li>
          <strong className="govuk-tag govuk-tag--yellow sb-tag">Check</strong> found by an automatic rule over every year-on-year change: {flags.length} values.
        </li>
      </ul>

      <h2 className="govuk-heading-l">Curated notes</h2>
      <DataTable
        table={{
          caption: 'Curated data-quality notes',
          columns: [{ header: 'Authority' }, { header: 'Metrics' }, { header: 'Period' }, { header: 'Note' }, { header: 'Source' }],
          rows: curated.map((n) => ({
            key: n.id,
            cells: [
              { text: n.authority?.name ?? 'Every area', csv: n.authority?.code ?? '*' },
              { text: n.selector === '*' ? 'Every metric' : n.selector === 'series-break' ? `Metrics whose series breaks here (${n.metricIds.length})` : n.selector.startsWith('dataset:') ? `Every metric built on ${n.selector.slice(8)} (${n.metricIds.length})` : n.selector, csv: n.selector },
              { text: n.periods.map((p) => p.label).join(' / '), csv: n.periods.map((p) => p.label).join(' / ') },
              { text: n.text, csv: n.text },
              { text: n.source, csv: n.source },
            ],
          })),
        }}
      />

      <h2 className="govuk-heading-l">Automatic checks</h2>
      <p className="govuk-body">{rule}</p>
      {la && (
        <p className="govuk-body">
          Showing the chosen authority only. <Link href={hrefFor('data-quality')}>Show every authority</Link>.
        </p>
      )}
      <form
        className="sb-filter"
        method="get"
        action={hrefFor('data-quality')}
        onSubmit={(event) => {
          event.preventDefault();
          const chosen = new FormData(event.currentTarget).get('metric');
          navigate(hrefFor('data-quality', { la, metric: typeof chosen === 'string' && chosen ? chosen : undefined }), { replace: false });
        }}
      >
        {la && <input type="hidden" name="la" value={la} />}
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="dq-metric">
            Metric
          </label>
          <select className="govuk-select" id="dq-metric" name="metric" defaultValue={metric ?? ''} key={metric ?? ''}>
            <option value="">Every metric ({flagMetrics.length})</option>
            {flagMetrics.map(([id, label]) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary">
          Show<span className="govuk-visually-hidden"> the values marked check for this metric</span>
        </button>
      </form>
      <p className="govuk-body" aria-live="polite">
        {shown.length} of {flags.length} values marked “check” shown.
      </p>
      {shown.length ? <DataTable table={table} /> : <p className="govuk-body">No value {la ? "of this authority " : ""}{metric ? "of this metric " : ""}is marked “check”.</p>}
      <button type="button" className="govuk-button govuk-button--secondary" onClick={() => downloadTable(table, 'data-quality-checks.csv', [rule])}>
        Download CSV<span className="govuk-visually-hidden"> of the values marked check</span>
      </button>
      <p className="govuk-body">
        Each metric’s own caveats are in the <Link href={metricHref('ehc_plans')}>metric catalogue</Link>.
      </p>
      <p className="govuk-body-s sb-source">{OGL_ATTRIBUTION}</p>
    </>
  );
}
