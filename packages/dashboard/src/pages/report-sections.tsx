import { useCallback, useEffect, useState } from 'react';
import { usePageQuery } from '../api/hooks';
import { ReportEvaluationQuery, ReportForecastQuery } from '../api/operations';
import { formatCount } from '../format/format-value';

/**
 * The report's evaluation and forecast summaries, each with its own small query (the evaluation
 * and forecast pages own those features; these only quote them). Each says when it has settled
 * (answered, failed or not applicable), so the print waits for both.
 */
export function useSettled(): [boolean, () => void] {
  const [settled, setSettled] = useState(false);
  return [settled, useCallback(() => setSettled(true), [])];
}

const round = (value: number, digits = 1) => value.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export function ReportEvaluation({ programmes, laName, onSettled }: { programmes: readonly { programme: string; cohort: string }[]; laName: string; onSettled: () => void }) {
  const programme = programmes[0];
  const cohort = programme ? `${programme.programme === 'DBV' ? 'dbv' : 'safety_valve'}:${programme.cohort}` : '';
  const { data, error, fetching } = usePageQuery(ReportEvaluationQuery, { cohort }, { pause: !programme });
  const done = !programme || Boolean(data) || Boolean(error);
  useEffect(() => {
    if (done && !fetching) onSettled();
  }, [done, fetching, onSettled]);
  const e = data?.evaluation;
  return (
    <section className="sb-report__section" aria-labelledby="report-evaluation">
      <h2 className="govuk-heading-m" id="report-evaluation">
        Evaluation
      </h2>
      {!programme && <p className="govuk-body">{laName} is in no evaluated programme (DBV in SEND or Safety Valve), so the report has no evaluation summary.</p>}
      {error && <p className="govuk-body">The evaluation could not be computed: {error.graphQLErrors[0]?.message ?? error.message}</p>}
      {e && (
        <>
          <p className="govuk-body">
            {e.cohort.label} against {e.comparisonLabel}, on the share of plans in mainstream. {e.verdict.headline}
          </p>
          <p className="govuk-body-s">
            Overall difference in differences {round(e.overall.effect, 2)} {e.unitLabel}
            {e.overall.low !== null && e.overall.low !== undefined && e.overall.high !== null && e.overall.high !== undefined ? ` (95% interval ${round(e.overall.low, 2)} to ${round(e.overall.high, 2)})` : ''}.
            {e.cohort.listIncomplete ? ' The programme list is known to be incomplete.' : ''}
          </p>
        </>
      )}
      {programme && !e && !error && <p className="govuk-body sb-loading">Computing the evaluation…</p>}
    </section>
  );
}

export function ReportForecast({ la, onSettled }: { la: string; onSettled: () => void }) {
  const { data, error, fetching } = usePageQuery(ReportForecastQuery, { la });
  useEffect(() => {
    if ((data || error) && !fetching) onSettled();
  }, [data, error, fetching, onSettled]);
  const f = data?.forecast;
  const last = f?.years.at(-1);
  return (
    <section className="sb-report__section" aria-labelledby="report-forecast">
      <h2 className="govuk-heading-m" id="report-forecast">
        Forecast
      </h2>
      {error && <p className="govuk-body">No forecast: {error.graphQLErrors[0]?.message ?? error.message}</p>}
      {f && last && (
        <p className="govuk-body">
          {f.label} had {formatCount(Math.round(f.baseTotal))} EHC plans in January {f.baseYear}. Without change, January {last.year} would have about {formatCount(Math.round(last.unmitigated.point))} (80% interval{' '}
          {formatCount(Math.round(last.unmitigated.lower80))} to {formatCount(Math.round(last.unmitigated.upper80))})
          {last.unmitigated.spend !== null && last.unmitigated.spend !== undefined ? `, implying about £${round(last.unmitigated.spend / 1e6, 0)} million of high-needs spend` : ''}. {f.methodReason}
        </p>
      )}
      {!f && !error && <p className="govuk-body sb-loading">Computing the forecast…</p>}
    </section>
  );
}
