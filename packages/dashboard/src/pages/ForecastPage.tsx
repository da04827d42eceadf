import { useEffect, useMemo, useRef, useState } from 'react';
import { usePageQuery } from '../api/hooks';
import { ForecastPageQuery } from '../api/operations';
import { ForecastLegend, GroupLegend } from '../charts/ForecastLegend';
import type { ForecastLineRole } from '../charts/forecast-styles';
import { ForecastChart, GroupBarChart } from '../charts/lazy';
import { ChartPanel } from '../components/ChartPanel';
import { IncompleteListWarning } from '../components/ContextBar';
import { DataTable } from '../components/DataTable';
import { ErrorState, LoadingState } from '../components/QueryStatus';
import { usePageTitle } from '../components/use-page-title';
import { OGL_ATTRIBUTION, slug } from '../format/csv';
import { lowerFirst } from '../format/format-value';
import { downloadBlob } from '../format/export-image';
import { Link, navigate, useLocation } from '../routing/router';
import { DEFAULT_FORECAST_STATE, FORECAST_SETTINGS, type ForecastSetting, type ForecastState } from '../routing/forecast-state';
import { hrefFor, sharedState, stateToSearch, type UrlState, type View } from '../routing/url-state';
import {
  assumptionsTable,
  backtestTable,
  cohortTable,
  controlOfField,
  FORECAST_CONTROLS,
  FORECAST_SOURCES,
  type ForecastData,
  forecastArea,
  forecastCsv,
  forecastJson,
  forecastSummary,
  forecastVariables,
  financialYear,
  type FormError,
  GROUPS,
  groupsTable,
  methodLabel,
  millions,
  plans,
  plansTable,
  readForecastForm,
  SET_NAMES,
  spendTable,
  unitCostTable,
} from './forecast-view';

// Fetch the chart code while the page's figures are on the way.
ForecastChart.preload();
GroupBarChart.preload();

const SETTINGS_ORDER = { levers: ['divert', 'move', 'cease', 'cap'], assumptions: ['uprate', 'growth', 'senCost'] } as const satisfies Record<string, readonly ForecastSetting[]>;

/** The form's text for each setting, from the URL's state. */
const textsOf = (f: ForecastState): Record<ForecastSetting, string> => ({
  divert: String(f.divert),
  move: String(f.move),
  cease: String(f.cease),
  cap: f.cap === undefined ? '' : String(f.cap),
  uprate: String(f.uprate),
  growth: String(f.growth),
  senCost: String(f.senCost),
});

function SettingInput({ setting, value, error, onChange }: { setting: ForecastSetting; value: string; error?: string; onChange: (value: string) => void }) {
  const control = FORECAST_CONTROLS[setting];
  const describedBy = `${control.id}-hint${error ? ` ${control.id}-error` : ''}`;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label" htmlFor={control.id}>
        {control.label}
      </label>
      <div id={`${control.id}-hint`} className="govuk-hint">
        {control.hint}
      </div>
      {error && (
        <p id={`${control.id}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
      <div className="govuk-input__wrapper">
        {control.prefix && (
          <div className="govuk-input__prefix" aria-hidden="true">
            {control.prefix}
          </div>
        )}
        <input
          className={`govuk-input govuk-input--width-5${error ? ' govuk-input--error' : ''}`}
          id={control.id}
          name={FORECAST_SETTINGS[setting].param}
          type="text"
          inputMode="decimal"
          spellCheck={false}
          autoComplete="off"
          value={value}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        />
        {control.suffix && (
          <div className="govuk-input__suffix" aria-hidden="true">
            {control.suffix}
          </div>
        )}
      </div>
    </div>
  );
}

/** The chart lines and bands of plans by January: published, projected with intervals, with the levers. */
function plansChart(f: ForecastData) {
  const observed = f.observedPlans;
  const years = [...observed.map((p) => p.period), ...f.years.map((y) => y.year)];
  const baseIndex = observed.length - 1;
  const later = new Map(f.laterObservedPlans.map((p) => [p.period, p.value]));
  const projected = (pick: (y: ForecastData['years'][number]) => number) => years.map((_, i) => (i < baseIndex ? null : i === baseIndex ? f.baseTotal : pick(f.years[i - observed.length])));
  const band = (low: (y: ForecastData['years'][number]) => number, high: (y: ForecastData['years'][number]) => number) =>
    years.map((_, i): [number, number] | null => (i < baseIndex ? null : i === baseIndex ? [f.baseTotal, f.baseTotal] : [low(f.years[i - observed.length]), high(f.years[i - observed.length])]));
  return {
    periods: years.map(String),
    lines: {
      observed: [...observed.map((p) => p.value), ...f.years.map(() => null)],
      projected: projected((y) => y.unmitigated.point),
      mitigated: projected((y) => y.mitigated.point),
      ...(later.size ? { check: years.map((y) => later.get(y) ?? null) } : {}),
    },
    bands: { band95: band((y) => y.unmitigated.lower95, (y) => y.unmitigated.upper95), band80: band((y) => y.unmitigated.lower80, (y) => y.unmitigated.upper80) },
  };
}

/** The chart lines of spend by financial year: actual 1.2.x, and the spend the plans imply. */
function spendChart(f: ForecastData) {
  const baseFinancialYear = (f.baseYear - 1) * 100 + (f.baseYear % 100);
  const periods = [...new Set([...f.actualSpend.map((p) => p.period), baseFinancialYear, ...f.years.map((y) => y.financialYear)])].sort((a, b) => a - b);
  const actual = new Map(f.actualSpend.map((p) => [p.period, p.value]));
  const byYear = new Map(f.years.map((y) => [y.financialYear, y]));
  const implied = (pick: (y: ForecastData['years'][number]) => number | null) => periods.map((p) => (p === baseFinancialYear ? f.baseSpend : byYear.has(p) ? pick(byYear.get(p)!) : null));
  return {
    periods: periods.map(financialYear),
    lines: { observed: periods.map((p) => actual.get(p) ?? null), projected: implied((y) => y.unmitigated.spend), mitigated: implied((y) => y.mitigated.spend) },
  };
}

function download(text: string, type: string, fileName: string) {
  downloadBlob(new Blob([text], { type }), fileName);
}

/** Forecast: EHC plans and high-needs spend five Januaries ahead, without and with the levers. */
export default function ForecastPage({ state }: { state: UrlState }) {
  const { search } = useLocation();
  const variables = useMemo(() => forecastVariables(state), [search]);
  const area = forecastArea(state);
  const { data, fetching, error, retry } = usePageQuery(ForecastPageQuery, variables, { keepPrevious: true });
  const forecast = data?.forecast;
  usePageTitle(forecast ? `Forecast: ${forecast.label}` : 'Forecast');

  const forecastKey = stateToSearch({ forecast: state.forecast });
  const [texts, setTexts] = useState(() => textsOf(state.forecast));
  const [areaChoice, setAreaChoice] = useState(area.choice);
  const [method, setMethod] = useState(state.forecast.method ?? '');
  const [errors, setErrors] = useState<FormError[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    setTexts(textsOf(state.forecast));
    setAreaChoice(forecastArea(state).choice);
    setMethod(state.forecast.method ?? '');
    setErrors([]);
  }, [forecastKey, state.la, state.peers]);
  useEffect(() => {
    if (errors.length) summaryRef.current?.focus();
  }, [errors]);

  const apiField = error?.graphQLErrors[0]?.extensions?.field;
  const apiControl = controlOfField(typeof apiField === 'string' ? apiField : undefined);
  const errorOf = (setting: ForecastSetting) => errors.find((e) => e.id === FORECAST_CONTROLS[setting].id)?.message ?? (apiControl === FORECAST_CONTROLS[setting].id ? error?.graphQLErrors[0]?.message : undefined);
  const laName = data?.authority?.name;
  // Open when an assumption is not its default or has an error, so nothing set is hidden.
  const assumptionsOpen = SETTINGS_ORDER.assumptions.some((setting) => errorOf(setting) || state.forecast[setting] !== DEFAULT_FORECAST_STATE[setting]) || Boolean(state.forecast.method);
  const viewHref = (view: View) => `/forecast${stateToSearch({ ...state, view })}`;
  const address = `${window.location.origin}/forecast${search}`;

  const heading = (
    <>
      <span className="govuk-caption-xl">Forecast{forecast ? `: ${forecast.label}` : ''}</span>
      <h1 className="govuk-heading-xl">EHC plans and high-needs spend, five years ahead</h1>
    </>
  );

  const form = (
    <form
      className="sb-controls sb-forecast-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const read = readForecastForm(new FormData(event.currentTarget));
        setErrors(read.errors);
        // The area that needs no parameter (the chosen authority, or England without one) stays out of the address.
        const byDefault = state.la ? 'la' : 'england';
        if (read.forecast) navigate(`/forecast${stateToSearch({ ...state, forecast: { ...read.forecast, area: read.forecast.area === byDefault ? undefined : read.forecast.area } })}`);
      }}
    >
      {errors.length > 0 && (
        <div className="govuk-error-summary" data-module="govuk-error-summary" ref={summaryRef} tabIndex={-1}>
          <div role="alert">
            <h2 className="govuk-error-summary__title">There is a problem</h2>
            <div className="govuk-error-summary__body">
              <ul className="govuk-list govuk-error-summary__list">
                {errors.map((e) => (
                  <li key={e.id}>
                    <a href={`#${e.id}`}>{e.message}</a>
                  </li>
                ))}
              </ul>
            </div>
          </div>
        </div>
      )}
      <div className="govuk-form-group">
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
            <h2 className="govuk-fieldset__heading">What to forecast</h2>
          </legend>
          <div className="govuk-radios govuk-radios--small" data-module="govuk-radios">
            {(
              [
                ['la', state.la ? (laName ?? `Authority ${state.la}`) : 'The chosen authority', state.la ? 'The authority chosen on the start page.' : 'No authority is chosen yet.'],
                ['set', `${state.la && ['sn', 'region'].includes(state.peers) ? `${laName ?? state.la} and ` : ''}${SET_NAMES[state.peers]}`, 'The members’ figures summed: the comparator set chosen on the start page.'],
                ['england', 'England', 'The national figures.'],
              ] as const
            ).map(([value, label, hint]) => (
              <div className="govuk-radios__item" key={value}>
                <input className="govuk-radios__input" id={`forecast-area-${value}`} name="area" type="radio" value={value} checked={areaChoice === value} disabled={value === 'la' && !state.la} onChange={() => setAreaChoice(value)} aria-describedby={`forecast-area-${value}-hint`} />
                <label className="govuk-label govuk-radios__label" htmlFor={`forecast-area-${value}`}>
                  {label}
                </label>
                <div id={`forecast-area-${value}-hint`} className="govuk-hint govuk-radios__hint">
                  {hint}
                </div>
              </div>
            ))}
          </div>
          <p className="govuk-body govuk-!-margin-top-2">
            <Link href={hrefFor('start', sharedState(state))}>
              Choose another authority or comparator set<span className="govuk-visually-hidden"> on the start page</span>
            </Link>
          </p>
        </fieldset>
      </div>
      <fieldset className="govuk-fieldset">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
          <h2 className="govuk-fieldset__heading">Levers: the mitigated case</h2>
        </legend>
        <p className="govuk-body">What if more needs were met early and in mainstream? All at 0 and no cap give the unmitigated forecast exactly.</p>
        <div className="sb-forecast-settings">
          {SETTINGS_ORDER.levers.map((setting) => (
            <SettingInput key={setting} setting={setting} value={texts[setting]} error={errorOf(setting)} onChange={(value) => setTexts((t) => ({ ...t, [setting]: value }))} />
          ))}
        </div>
      </fieldset>
      <details className="govuk-details" open={assumptionsOpen || undefined}>
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Assumptions you can change</span>
        </summary>
        <div className="govuk-details__text">
      <fieldset className="govuk-fieldset">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Rates, costs and method</legend>
        <div className="sb-forecast-settings">
        {SETTINGS_ORDER.assumptions.map((setting) => (
          <SettingInput key={setting} setting={setting} value={texts[setting]} error={errorOf(setting)} onChange={(value) => setTexts((t) => ({ ...t, [setting]: value }))} />
        ))}
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="forecast-method">
            Method
          </label>
          <div id="forecast-method-hint" className="govuk-hint">
            By default the method with the better backtest. A method that cannot run for the area falls back to the other, and the page says so.
          </div>
          <select className="govuk-select" id="forecast-method" name="method" value={method} aria-describedby="forecast-method-hint" onChange={(event) => setMethod(event.target.value)}>
            <option value="">Chosen by the backtest</option>
            <option value="trend">Trend model</option>
            <option value="cohort">Cohort model</option>
          </select>
        </div>
        </div>
      </fieldset>
        </div>
      </details>
      <button type="submit" className="govuk-button">
        Update forecast
      </button>
    </form>
  );

  if (!forecast || !data) {
    return (
      <>
        {heading}
        {form}
        {error ? <ErrorState error={error} retry={retry} /> : fetching && <LoadingState what="the forecast" />}
      </>
    );
  }

  const last = forecast.years[forecast.years.length - 1];
  const plansLines = plansChart(forecast);
  const spendLines = spendChart(forecast);
  const plansRoles: ForecastLineRole[] = ['observed', 'projected', 'mitigated', ...(forecast.laterObservedPlans.length ? (['check'] as const) : [])];
  const notes = [`Method: ${methodLabel(forecast.method)} — ${forecast.methodReason}.`, `Intervals: ${forecast.intervalSource}.`, `Data version: ${data.dataVersion}.`];
  const backtest = backtestTable(forecast);

  return (
    <>
      {heading}
      <p className="govuk-body-l">A transparent projection from official data only: how many children and young people would hold EHC plans, where they would be placed and what that would cost, if recent patterns held — and what changes if more needs were met early and in mainstream.</p>
      {area.fellBack && <p className="govuk-inset-text">{state.forecast.area === 'la' ? 'No authority is chosen' : 'That comparator set needs an authority or members'}, so England is shown.</p>}
      <IncompleteListWarning group={{ label: forecast.label, listIncomplete: forecast.listIncomplete, note: forecast.listNote }} />
      <div className="govuk-inset-text sb-forecast-summary" aria-live="polite">
        <p className="govuk-body">{forecastSummary(forecast)}</p>
        <p className="govuk-body govuk-!-margin-bottom-0">
          Method: <strong>{methodLabel(forecast.method)}</strong> — {forecast.methodReason}.
        </p>
      </div>
      {form}
      {error && <ErrorState error={error} retry={retry} />}
      {fetching && <LoadingState what="the new forecast" />}

      <ChartPanel
        id="forecast-plans"
        title={`EHC plans at January: ${forecast.label}`}
        summary={`Published plans to January ${forecast.baseYear} (${plans(forecast.baseTotal)}), then projected to January ${last.year}: ${plans(last.unmitigated.point)}, 95% interval ${plans(last.unmitigated.lower95)} to ${plans(last.unmitigated.upper95)}; with the levers ${plans(last.mitigated.point)}.${
          forecast.laterObservedPlans.length ? ` Published after the base and not fitted: ${forecast.laterObservedPlans.map((p) => `January ${p.period} ${plans(p.value)}`).join(', ')}.` : ''
        }`}
        view={state.view}
        viewHref={viewHref}
        table={plansTable(forecast)}
        source={FORECAST_SOURCES}
        notes={notes}
        csvNotes={forecast.caveats}
        legend={<ForecastLegend roles={plansRoles} bands />}
        chart={<ForecastChart periods={plansLines.periods} lines={plansLines.lines} bands={plansLines.bands} unit="COUNT" />}
      />

      <ChartPanel
        id="forecast-groups"
        title={`EHC plans by placement group: ${forecast.label}`}
        summary={`January ${forecast.baseYear}: ${GROUPS.map((g) => `${lowerFirst(g.short)} ${plans(forecast.base[g.key])}`).join(', ')}. Projected January ${last.year} without the levers: ${GROUPS.map((g) => `${lowerFirst(g.short)} ${plans(last.unmitigated.groups[g.key])}`).join(', ')}; with them: ${GROUPS.map((g) => `${lowerFirst(g.short)} ${plans(last.mitigated.groups[g.key])}`).join(', ')}.`}
        view={state.view}
        viewHref={viewHref}
        table={groupsTable(forecast)}
        source={FORECAST_SOURCES}
        notes={[`Groups are held at January ${forecast.baseYear}’s shares; the chart shows the projection without the levers, the table both.`, ...notes]}
        legend={<GroupLegend groups={GROUPS} />}
        chart={<GroupBarChart bars={[{ label: String(forecast.baseYear), values: GROUPS.map((g) => forecast.base[g.key]) }, ...forecast.years.map((y) => ({ label: String(y.year), values: GROUPS.map((g) => y.unmitigated.groups[g.key]) }))]} groups={GROUPS.map((g) => ({ key: g.key, label: g.label }))} />}
      />

      <ChartPanel
        id="forecast-spend"
        title={`High-needs spend: actual and implied by the projected plans, ${forecast.label}`}
        summary={`Actual S251 1.2.x spend ${forecast.actualSpend.length ? `from ${financialYear(forecast.actualSpend[0].period)} to ${financialYear(forecast.actualSpend[forecast.actualSpend.length - 1].period)}` : 'is not available'}; the plans at January ${forecast.baseYear} imply ${millions(forecast.baseSpend)} at 2021-22 unit costs uprated; projected ${millions(last.unmitigated.spend)} in ${financialYear(last.financialYear)}, ${millions(last.mitigated.spend)} with the levers.${
          forecast.pricedShareOfActualSpend === null ? '' : ` The priced top-up lines were ${Math.round(forecast.pricedShareOfActualSpend * 100)}% of the area’s 1.2.x spend in 2021-22, so the implied spend sits below the actual line by about that much.`
        }`}
        view={state.view}
        viewHref={viewHref}
        table={spendTable(forecast)}
        source={FORECAST_SOURCES}
        notes={['Projected spend = plans in each group × the group’s unit cost (S251 2021-22 top-up outturn ÷ plans at January 2022), uprated a year at the rate you set; the SEN support cost of diverted needs is taken off the saving.', ...notes]}
        csvNotes={forecast.caveats}
        legend={<ForecastLegend roles={['observed', 'projected', 'mitigated']} />}
        chart={<ForecastChart periods={spendLines.periods} lines={spendLines.lines} unit="GBP" />}
      />

      <section className="sb-panel" aria-labelledby="forecast-backtest-title">
        <h2 className="govuk-heading-m" id="forecast-backtest-title">
          How the method was chosen: the backtest
        </h2>
        <DataTable table={backtest} />
        <ul className="govuk-list govuk-list--bullet">
          {forecast.backtest.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      </section>

      <section className="sb-panel" aria-labelledby="forecast-costs-title">
        <h2 className="govuk-heading-m" id="forecast-costs-title">
          Unit costs
        </h2>
        <DataTable table={unitCostTable(forecast)} />
      </section>

      {forecast.cohortBands.length > 0 && (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">The cohort model’s rates by age</span>
          </summary>
          <div className="govuk-details__text">
            <DataTable table={cohortTable(forecast)} />
          </div>
        </details>
      )}

      <section className="sb-panel" aria-labelledby="forecast-assumptions-title">
        <h2 className="govuk-heading-m" id="forecast-assumptions-title">
          Every assumption, with its source
        </h2>
        <DataTable table={assumptionsTable(forecast)} />
      </section>

      <section className="sb-panel" aria-labelledby="forecast-limits-title">
        <h2 className="govuk-heading-m" id="forecast-limits-title">
          What this forecast can and cannot tell you
        </h2>
        <p className="govuk-body">It can show where the published figures lead if recent patterns hold, how far the series has strayed from its own trend (the intervals), how each method did against what happened in 2023–2025, and how much the levers would change plans and spend.</p>
        <p className="govuk-body">It cannot know what the figures do not show: local policy, sufficiency plans, new special school places or changes in practice. The SEN2 return changed to person-level data in 2023, so the series breaks there. The levers are what-ifs, not predictions of what a policy would achieve, and the intervals do not cover their uncertainty. Spend is an order of magnitude from 2021-22 unit costs, not a budget.</p>
        <ul className="govuk-list govuk-list--bullet">
          {forecast.caveats.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      </section>

      <div className="sb-downloads">
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => download(`\uFEFF${forecastCsv(forecast, data.dataVersion, address)}`, 'text/csv;charset=utf-8', `${slug(`forecast ${forecast.label}`)}.csv`)}>
          Download all figures and assumptions (CSV)
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => download(forecastJson(forecast, data.dataVersion, variables, address), 'application/json', `${slug(`forecast ${forecast.label}`)}.json`)}>
          Download all figures and assumptions (JSON)
        </button>
      </div>
      <p className="govuk-body-s sb-source">
        Sources: {FORECAST_SOURCES}. Data version {data.dataVersion}. {OGL_ATTRIBUTION}
      </p>
    </>
  );
}
