import { useEffect, useRef } from 'react';
import type { CombinedError } from 'urql';
import { usePageQuery } from '../api/hooks';
import { evaluationPageRequest } from './evaluation-view';
import { EventStudyChart, IntervalLineChart } from '../charts/lazy';
import type { SeriesRole } from '../charts/palette';
import { TrendLegend } from '../charts/TrendLegend';
import { ChartPanel } from '../components/ChartPanel';
import { IncompleteListWarning } from '../components/ContextBar';
import type { TableSpec } from '../components/DataTable';
import { ErrorState, LoadingState } from '../components/QueryStatus';
import { TablePanel } from '../components/TablePanel';
import { usePageTitle } from '../components/use-page-title';
import { formatAxis, lowerFirst, type UnitCode } from '../format/format-value';
import { publicationsOf } from '../format/sources';
import { Link } from '../routing/router';
import { metricHref, stateToSearch, type UrlState, type View } from '../routing/url-state';
import { type ControlProblem, EvaluationForm } from './EvaluationForm';
import {
  authoritiesTable,
  controlOfField,
  droppedTable,
  type EvaluationData,
  evaluationCsvNotes,
  eventStudySummary,
  eventStudyTable,
  formatEffect,
  formatP,
  groupMeansSummary,
  groupMeansTable,
  simpleTable,
  startsTable,
  syntheticSummary,
  syntheticTable,
  syntheticWeightsTable,
} from './evaluation-view';

// Fetch the chart code while the page's figures are on the way.
IntervalLineChart.preload();
EventStudyChart.preload();

const interval = (low: number | null | undefined, high: number | null | undefined, format: (v: number) => string) =>
  low === null || low === undefined || high === null || high === undefined ? 'not available' : `${format(low)} to ${format(high)}`;

/** The API's refusal of one input, as the form control it names (undefined for any other failure). */
function problemOf(error: CombinedError | undefined, startIds: readonly string[]): ControlProblem | undefined {
  const first = error?.graphQLErrors[0];
  if (first?.extensions?.code !== 'BAD_USER_INPUT') return undefined;
  const field = typeof first.extensions.field === 'string' ? first.extensions.field : undefined;
  const control = controlOfField(field, startIds) ?? 'evaluation-cohort';
  return { control, message: first.message };
}

/** The verdict: the finding in a sentence, what supports it, and every caveat, never hidden. */
function Verdict({ e }: { e: EvaluationData }) {
  return (
    <section aria-labelledby="evaluation-verdict-title" className="sb-verdict">
      <h2 className="govuk-heading-l" id="evaluation-verdict-title">
        What the figures say
      </h2>
      <p className="govuk-body-l" id="evaluation-headline">
        {e.verdict.headline}
      </p>
      {!e.verdict.preTrendsPass && (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            The pre-start checks fail: the cohort was already moving differently before its start.
          </strong>
        </div>
      )}
      <ul className="govuk-list govuk-list--bullet">
        {e.verdict.details.map((d) => (
          <li key={d}>{d}</li>
        ))}
      </ul>
      <h3 className="govuk-heading-m">Things to bear in mind</h3>
      <ul className="govuk-list govuk-list--bullet" id="evaluation-caveats">
        {e.verdict.caveats.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
    </section>
  );
}

/** The headline figures side by side, each with what it is. */
function Estimates({ e }: { e: EvaluationData }) {
  const f = (v: number) => formatEffect(v, e);
  const rows: [string, string][] = [
    ['Difference in differences (Callaway and Sant’Anna)', `${f(e.overall.effect)} ${e.unitLabel}; 95% interval ${interval(e.overall.low, e.overall.high, f)}`],
    ['Simple 2×2 (check by hand below)', `${f(e.simple.estimate)} ${e.unitLabel}`],
    ['Permutation test', `p = ${formatP(e.permutation.pValue)} (${e.permutation.exceedances} of ${e.permutation.validDraws} reassignments at least as far from 0)`],
    [
      'Joint pre-trend test',
      e.preTrends.joint.available ? `p = ${formatP(e.preTrends.joint.pValue)} (χ² = ${e.preTrends.joint.statistic?.toFixed(2)} on ${e.preTrends.joint.degreesOfFreedom} degrees of freedom)` : `not available: ${e.preTrends.joint.reason}`,
    ],
    [
      `Placebo start ${e.preTrends.placebo.shift} periods early`,
      e.preTrends.placebo.estimate ? `${f(e.preTrends.placebo.estimate.effect)}; 95% interval ${interval(e.preTrends.placebo.estimate.low, e.preTrends.placebo.estimate.high, f)}` : `not available: ${e.preTrends.placebo.reason}`,
    ],
    ['Authorities', `${e.authorities.filter((a) => a.role === 'COHORT').length} in the cohort, ${e.authorities.filter((a) => a.role === 'COMPARISON').length} compared with; ${e.dropped.length} left out (listed below)`],
    ['Window', [`${e.window.from.label} to ${e.window.to.label}.`, e.window.handling, e.window.note].filter(Boolean).join(' ')],
    ['Resampling', `${e.method.draws} draws, seed ${e.method.seed}; intervals are pointwise 95% percentile intervals`],
  ];
  return (
    <section aria-labelledby="evaluation-estimates-title">
      <h2 className="govuk-heading-m" id="evaluation-estimates-title">
        The estimates
      </h2>
      <dl className="govuk-summary-list" id="evaluation-estimates">
        {rows.map(([key, value]) => (
          <div className="govuk-summary-list__row" key={key}>
            <dt className="govuk-summary-list__key">{key}</dt>
            <dd className="govuk-summary-list__value">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** The group means (levels or indexed) as a chart with its table. */
function MeansPanel({ e, scale, state, viewHref, source, csvNotes }: { e: EvaluationData; scale: 'level' | 'indexed'; state: UrlState; viewHref: (view: View) => string; source: string; csvNotes: string[] }) {
  const pick = (g: EvaluationData['groupMeans'][number]['cohort']) => (scale === 'level' ? g.level : g.indexed);
  const lines: { id: string; role: SeriesRole; label: string; group: 'cohort' | 'comparison' }[] = [
    { id: 'cohort', role: 'focus', label: `${e.cohort.label} (cohort)`, group: 'cohort' },
    { id: 'comparison', role: 'england', label: 'Comparison group', group: 'comparison' },
  ];
  const unit: UnitCode = scale === 'indexed' ? 'COUNT' : (e.metric.unit as UnitCode);
  const title = scale === 'level' ? `${e.metric.label}: the cohort and the comparison group` : `Indexed to ${e.indexBase.label} (= 100): the cohort and the comparison group`;
  return (
    <ChartPanel
      id={`evaluation-${scale}`}
      title={title}
      summary={groupMeansSummary(e, scale)}
      view={state.view}
      viewHref={viewHref}
      table={groupMeansTable(e, scale)}
      source={source}
      notes={[`Means over the authorities with a figure in each period; bars are 95% bootstrap intervals. ${e.comparisonLabel}.`]}
      csvNotes={csvNotes}
      legend={<TrendLegend lines={lines} />}
      chart={
        <IntervalLineChart
          periods={e.window.periods}
          starts={e.starts.flatMap((s) => (s.firstPostPeriod ? [s.firstPostPeriod.label] : []))}
          unit={unit}
          lines={lines.map((l) => ({
            id: l.id,
            role: l.role,
            label: l.label,
            values: e.groupMeans.map((g) => pick(g[l.group])?.value ?? null),
            lows: e.groupMeans.map((g) => pick(g[l.group])?.low ?? null),
            highs: e.groupMeans.map((g) => pick(g[l.group])?.high ?? null),
          }))}
        />
      }
    />
  );
}

/** The synthetic comparison: the authority against its weighted donors, the weights, and the fit beside the placebo p-value. */
function SyntheticSection({ e, state, viewHref, source, csvNotes }: { e: EvaluationData; state: UrlState; viewHref: (view: View) => string; source: string; csvNotes: string[] }) {
  const s = e.synthetic;
  if (!s) {
    return (
      <section className="sb-panel" aria-labelledby="evaluation-synthetic-title">
        <h2 className="govuk-heading-m" id="evaluation-synthetic-title">
          Synthetic comparison for one authority
        </h2>
        <p className="govuk-body">Choose one of the cohort's authorities under “Synthetic comparison for one authority” above to compare it with a weighted mix of comparison authorities.</p>
      </section>
    );
  }
  const table = syntheticTable(e);
  if (!s.available || !table) {
    return (
      <section className="sb-panel" aria-labelledby="evaluation-synthetic-title">
        <h2 className="govuk-heading-m" id="evaluation-synthetic-title">
          Synthetic comparison: {s.name}
        </h2>
        <p className="govuk-body">{syntheticSummary(e)}</p>
      </section>
    );
  }
  const lines: { id: string; role: SeriesRole; label: string }[] = [
    { id: 'actual', role: 'focus', label: s.name },
    { id: 'synthetic', role: 'peerAggregate', label: 'Synthetic comparison' },
  ];
  const f = (v: number | null) => formatEffect(v, e);
  return (
    <>
      <ChartPanel
        id="evaluation-synthetic"
        title={`Synthetic comparison: ${s.name}`}
        summary={syntheticSummary(e)}
        view={state.view}
        viewHref={viewHref}
        table={table}
        source={source}
        notes={[`Weights fitted on ${s.fitPeriods.map((p) => p.label).join(', ')}; ${s.donorPool === 'NEIGHBOURS' ? "donors: the authority's statistical neighbours in the comparison group" : 'donors: the comparison group'}.`]}
        csvNotes={[...csvNotes, `Synthetic comparison: ${e.method.synthetic}`]}
        legend={<TrendLegend lines={lines} />}
        chart={
          <IntervalLineChart
            periods={s.path.map((p) => p.period)}
            starts={s.start ? [s.start.label] : []}
            unit={e.transform === 'LEVEL' ? (e.metric.unit as UnitCode) : 'COUNT'}
            lines={[
              { ...lines[0], values: s.path.map((p) => p.actual) },
              { ...lines[1], values: s.path.map((p) => p.synthetic) },
            ]}
          />
        }
        after={
          <dl className="govuk-summary-list" id="evaluation-synthetic-fit">
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Fit before the start (root mean squared gap)</dt>
              <dd className="govuk-summary-list__value">
                {f(s.preRmspe)} {e.unitLabel}
              </dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Placebo p-value</dt>
              <dd className="govuk-summary-list__value">
                {formatP(s.placeboPValue)} (rank {s.placeboRank} of {s.placebos + 1}: post/pre gap ratio {s.rmspeRatio === null ? 'infinite (exact fit)' : s.rmspeRatio.toFixed(2)})
              </dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Donors</dt>
              <dd className="govuk-summary-list__value">
                {s.donors} in the pool, {s.weights.length} with weight{s.note ? `. ${s.note}` : ''}
              </dd>
            </div>
          </dl>
        }
      />
      <TablePanel id="evaluation-synthetic-weights" title={`Weights of the synthetic ${s.name}`} table={syntheticWeightsTable(e)} source={source} csvNotes={csvNotes} />
    </>
  );
}

/** Evaluation: did a DBV in SEND or Safety Valve cohort move differently after its start from comparable authorities? */
export default function EvaluationPage({ state }: { state: UrlState }) {
  const request = evaluationPageRequest(state);
  const { data, fetching, error, retry } = usePageQuery(request.query, request.variables);
  const e = data?.evaluation;
  const last = useRef<EvaluationData | undefined>(undefined);
  if (e) last.current = e;
  const problem = problemOf(error, state.evaluation.starts.map((s) => s.id));
  usePageTitle(e ? `Evaluation: ${e.cohort.label}, ${e.metric.label}` : 'Programme evaluation');
  useEffect(() => {
    if (problem) document.getElementById('evaluation-error-summary')?.focus();
  }, [problem?.control, problem?.message]);

  const viewHref = (view: View) => `/evaluation${stateToSearch({ ...state, view })}`;
  const heading = (
    <>
      <span className="govuk-caption-xl">Programme evaluation</span>
      <h1 className="govuk-heading-xl">{e ? `${e.cohort.label}: ${lowerFirst(e.metric.label)}` : 'Did the programmes change authorities’ paths?'}</h1>
    </>
  );
  const intro = (
    <p className="govuk-body">
      Did the authorities in Delivering Better Value in SEND or a Safety Valve agreement move differently after they joined from comparable authorities? The figures are associations, not proof of
      what the programme did: read the caveats with them, and <a className="govuk-link" href="#method">how this is worked out</a>.
    </p>
  );
  const form = <EvaluationForm key={`${state.evaluation.cohort ?? ''}|${state.metric ?? ''}|${stateToSearch({ evaluation: state.evaluation })}`} state={state} last={e ?? last.current} problem={problem} />;

  if (error) {
    return (
      <>
        {heading}
        {intro}
        {problem ? (
          <div className="govuk-error-summary" id="evaluation-error-summary" tabIndex={-1} role="alert">
            <h2 className="govuk-error-summary__title">There is a problem</h2>
            <div className="govuk-error-summary__body">
              <ul className="govuk-list govuk-error-summary__list">
                <li>
                  <a href={`#${problem.control}`}>{problem.message}</a>
                </li>
              </ul>
            </div>
          </div>
        ) : (
          <ErrorState error={error} retry={retry} />
        )}
        {form}
      </>
    );
  }
  if (!e) {
    return (
      <>
        {heading}
        {intro}
        {form}
        {fetching && <LoadingState what={`the evaluation (${state.evaluation.draws ?? 999} resampling draws)`} />}
      </>
    );
  }

  const source = publicationsOf([e.metric.source]).join('; ');
  const csvNotes = evaluationCsvNotes(e);
  const f = (v: number) => formatEffect(v, e);
  const eventTable: TableSpec = eventStudyTable(e);

  return (
    <>
      {heading}
      {intro}
      <IncompleteListWarning group={{ label: e.cohort.label, listIncomplete: e.cohort.listIncomplete, note: e.cohort.note }} />
      {form}
      <Verdict e={e} />
      <Estimates e={e} />
      <MeansPanel e={e} scale="level" state={state} viewHref={viewHref} source={source} csvNotes={csvNotes} />
      <MeansPanel e={e} scale="indexed" state={state} viewHref={viewHref} source={source} csvNotes={csvNotes} />
      <ChartPanel
        id="evaluation-event-study"
        title={`Event study: the effect by periods since the start (${e.unitLabel})`}
        summary={eventStudySummary(e)}
        view={state.view}
        viewHref={viewHref}
        table={eventTable}
        source={source}
        notes={[
          'Before the start, each figure is a one-period change (it should be near 0 if the groups moved alike); from the start, the change since the last period before it. Bars are pointwise 95% bootstrap intervals: together they are not a joint band.',
        ]}
        csvNotes={csvNotes}
        chart={<EventStudyChart points={e.eventStudy.map((p) => ({ eventTime: p.eventTime, effect: p.estimate.effect, low: p.estimate.low, high: p.estimate.high }))} format={(v) => (e.transform === 'LEVEL' && e.metric.unit.startsWith('GBP') ? formatAxis(v, e.metric.unit as UnitCode) : f(v))} />}
      />
      <TablePanel
        id="evaluation-simple"
        title="The simple 2×2, to check by hand"
        summary={`Mean after minus mean before, cohort minus comparison: (cohort after − cohort before) − (comparison after − comparison before). Each mean is over every authority-period figure in its span. Overall ${f(e.simple.estimate)} ${e.unitLabel}${e.simple.cohorts.length > 1 ? ', the starts weighted by their authorities' : ''}.`}
        table={simpleTable(e)}
        source={source}
        csvNotes={csvNotes}
        after={e.simple.skipped.length > 0 && <p className="govuk-body">Not estimated: {e.simple.skipped.join('; ')}.</p>}
      />
      <SyntheticSection e={e} state={state} viewHref={viewHref} source={source} csvNotes={csvNotes} />
      <TablePanel id="evaluation-starts" title="When each start is taken to be" table={startsTable(e)} source={`${source}; programme start dates: packages/schema/src/programmes/programme-starts.ts`} csvNotes={csvNotes} summary={e.method.firstPostRule} />
      <TablePanel
        id="evaluation-authorities"
        title="Authorities used"
        collapsed={`Show the ${e.authorities.length} authorities`}
        summary={`${e.comparisonLabel}. ${e.cohort.listIncomplete ? 'The programme list is incomplete, so some comparison authorities may be unlisted members.' : ''}`}
        table={authoritiesTable(e)}
        source={source}
        csvNotes={csvNotes}
        after={
          e.successions.length > 0 && (
            <div className="govuk-inset-text" id="evaluation-successions">
              <h3 className="govuk-heading-s">Boundary changes</h3>
              <ul className="govuk-list govuk-list--bullet">
                {e.successions.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            </div>
          )
        }
      />
      {e.dropped.length > 0 ? (
        <TablePanel id="evaluation-dropped" title="Authorities left out, and why" table={droppedTable(e)} source={source} csvNotes={csvNotes} />
      ) : (
        <p className="govuk-body">No authority of the cohort or the comparison group was left out.</p>
      )}
      <section aria-labelledby="method" className="sb-panel sb-method">
        <h2 className="govuk-heading-m" id="method" tabIndex={-1}>
          How this is worked out
        </h2>
        <dl className="govuk-summary-list">
          {(
            [
              ['Estimator', e.method.estimator],
              ['Comparison', e.method.comparisonTiming],
              ['Intervals', e.method.bootstrap],
              ['Group means', e.method.groupMeans],
              ['Permutation test', e.method.permutation],
              ['Pre-trend checks', e.method.preTrends],
              ['Synthetic comparison', e.method.synthetic],
              ['First post period', e.method.firstPostRule],
              ['Seed and draws', `Seed ${e.method.seed}, ${e.method.draws} draws, ${e.method.confidenceLevel * 100}% intervals. Data version ${e.dataVersion}.`],
            ] as const
          ).map(([key, value]) => (
            <div className="govuk-summary-list__row" key={key}>
              <dt className="govuk-summary-list__key">{key}</dt>
              <dd className="govuk-summary-list__value">{value}</dd>
            </div>
          ))}
        </dl>
        <p className="govuk-body">
          References: Callaway, B. and Sant’Anna, P. H. C. (2021), “Difference-in-Differences with multiple time periods”, <i>Journal of Econometrics</i> 225(2); Abadie, A., Diamond, A. and Hainmueller, J.
          (2010), “Synthetic Control Methods for Comparative Case Studies”, <i>Journal of the American Statistical Association</i> 105(490); Goodman-Bacon, A. (2021), “Difference-in-differences
          with variation in treatment timing”, <i>Journal of Econometrics</i> 225(2), on why a two-way fixed-effects regression is not used. The outcome is{' '}
          <Link href={metricHref(e.metric.id)}>{lowerFirst(e.metric.label)}</Link> ({e.metric.description.replace(/\.$/, '')}).
        </p>
      </section>
    </>
  );
}

