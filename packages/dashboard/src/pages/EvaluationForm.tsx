import { METRICS, PROGRAMME_COHORTS, programmeCohortById, programmeStartById } from '@sendbench/schema';
import { type ReactNode, useState } from 'react';
import { MetricSelect } from '../components/MetricSelect';
import { navigate } from '../routing/router';
import { DEFAULT_EVALUATION_SEED, EVALUATION_COMPARISONS, EVALUATION_DRAWS, EVALUATION_TRANSFORMS, sharedState, stateToSearch, type UrlState } from '../routing/url-state';
import { COMPARISON_LABELS, EVALUATION_DEFAULTS, type EvaluationData, MONTH_NAMES, stateFromForm, SUGGESTED_METRICS, TRANSFORM_LABELS } from './evaluation-view';

/** A problem with one control, from the API's `extensions.field`. */
export interface ControlProblem {
  control: string;
  message: string;
}

/** The catalogue's metrics for the select: the outcomes the issue names first, then the rest by theme. */
const METRIC_OPTIONS = [
  ...SUGGESTED_METRICS.flatMap((id) => METRICS.filter((m) => m.id === id)).map((m) => ({ id: m.id, label: m.label, theme: 'SUGGESTED' })),
  ...METRICS.filter((m) => !(SUGGESTED_METRICS as readonly string[]).includes(m.id)).map((m) => ({ id: m.id, label: m.label, theme: m.theme.toUpperCase() })),
];

/** The id of a start's control ("dbv:1" → "evaluation-start-dbv-1-month"). */
export const startControl = (id: string, part: 'month' | 'year') => `evaluation-start-${id.replace(/[^\w-]/g, '-')}-${part}`;

function FormGroup({ id, problem, children }: { id: string; problem?: ControlProblem; children: ReactNode }) {
  const mine = problem?.control === id;
  return (
    <div className={`govuk-form-group${mine ? ' govuk-form-group--error' : ''}`}>
      {mine && (
        <p className="govuk-error-message" id={`${id}-error`}>
          <span className="govuk-visually-hidden">Error:</span> {problem.message}
        </p>
      )}
      {children}
    </div>
  );
}

/** aria-describedby for a control: its hint and, when it is the one at fault, its error. */
const describedBy = (id: string, problem: ControlProblem | undefined, hint = true) => [hint ? `${id}-hint` : '', problem?.control === id ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

function Radios({ name, legend, id, value, options, problem }: { name: string; legend: string; id: string; value: string; options: readonly { value: string; label: string; hint: string }[]; problem?: ControlProblem }) {
  return (
    <FormGroup id={id} problem={problem}>
      <fieldset className="govuk-fieldset" aria-describedby={problem?.control === id ? `${id}-error` : undefined}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <div className="govuk-radios govuk-radios--small" data-module="govuk-radios">
          {options.map((option, i) => {
            const optionId = i === 0 ? id : `${id}-${option.value}`;
            return (
              <div className="govuk-radios__item" key={option.value}>
                <input className="govuk-radios__input" id={optionId} name={name} type="radio" value={option.value} defaultChecked={value === option.value} aria-describedby={`${optionId}-hint`} />
                <label className="govuk-label govuk-radios__label" htmlFor={optionId}>
                  {option.label}
                </label>
                <div id={`${optionId}-hint`} className="govuk-hint govuk-radios__hint">
                  {option.hint}
                </div>
              </div>
            );
          })}
        </div>
      </fieldset>
    </FormGroup>
  );
}

/** A labelled control with a hint, marked when the API refused it. */
function LabelledControl({ id, label, hint, problem, children }: { id: string; label: string; hint: string; problem?: ControlProblem; children: ReactNode }) {
  return (
    <FormGroup id={id} problem={problem}>
      <label className="govuk-label govuk-label--s" htmlFor={id}>
        {label}
      </label>
      <div className="govuk-hint" id={`${id}-hint`}>
        {hint}
      </div>
      {children}
    </FormGroup>
  );
}

/** A box for a whole number (a period code, draws, a seed), as GOV.UK asks: text with a numeric keyboard. */
function NumberInput({ id, name, value, width, problem }: { id: string; name: string; value: number | undefined; width: 5 | 10; problem?: ControlProblem }) {
  return (
    <input
      className={`govuk-input govuk-input--width-${width}${problem?.control === id ? ' govuk-input--error' : ''}`}
      id={id}
      name={name}
      type="text"
      inputMode="numeric"
      spellCheck={false}
      defaultValue={value ?? ''}
      aria-describedby={describedBy(id, problem)}
    />
  );
}

/** A select of the metric's periods when they are known, else a box for a period code. */
function PeriodControl({ id, name, label, hint, value, periods, problem }: { id: string; name: string; label: string; hint: string; value?: number; periods?: readonly { code: number; label: string }[]; problem?: ControlProblem }) {
  return (
    <LabelledControl id={id} label={label} hint={hint} problem={problem}>
      {periods ? (
        <select className={`govuk-select sb-select${problem?.control === id ? ' govuk-select--error' : ''}`} id={id} name={name} defaultValue={value ?? ''} aria-describedby={describedBy(id, problem)}>
          <option value="">Default</option>
          {periods.map((p) => (
            <option key={p.code} value={p.code}>
              {p.label}
            </option>
          ))}
        </select>
      ) : (
        <NumberInput id={id} name={name} value={value} width={5} problem={problem} />
      )}
    </LabelledControl>
  );
}

function NumberControl({ id, name, label, hint, value, problem }: { id: string; name: string; label: string; hint: string; value: number; problem?: ControlProblem }) {
  return (
    <LabelledControl id={id} label={label} hint={hint} problem={problem}>
      <NumberInput id={id} name={name} value={value} width={10} problem={problem} />
    </LabelledControl>
  );
}

function Checkbox({ id, name, value, label, hint, checked }: { id: string; name: string; value: string; label: string; hint: string; checked: boolean }) {
  return (
    <div className="govuk-form-group">
      <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
        <div className="govuk-checkboxes__item">
          <input className="govuk-checkboxes__input" id={id} name={name} type="checkbox" value={value} defaultChecked={checked} aria-describedby={`${id}-hint`} />
          <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
            {label}
          </label>
          <div id={`${id}-hint`} className="govuk-hint govuk-checkboxes__hint">
            {hint}
          </div>
        </div>
      </div>
    </div>
  );
}

/**
 * Every input of the evaluation, as a GOV.UK form: submitting it writes them to the address (the
 * page's one source of state). Controls the API refused are marked with its message. `last` is the
 * last answer the page showed, for the metric's periods and the cohort's authorities.
 */
export function EvaluationForm({ state, last, problem }: { state: UrlState; last?: EvaluationData; problem?: ControlProblem }) {
  const e = state.evaluation;
  const metricId = state.metric ?? EVALUATION_DEFAULTS.metric;
  const [cohortId, setCohortId] = useState(e.cohort ?? EVALUATION_DEFAULTS.cohort);
  const cohort = programmeCohortById(cohortId) ?? programmeCohortById(EVALUATION_DEFAULTS.cohort)!;
  const periods = last && last.metric.id === metricId ? last.metric.periods : undefined;
  const members = last && last.cohort.id === cohortId ? last.authorities.filter((a) => a.role === 'COHORT') : [];
  const startsChanged = e.starts.length > 0;
  const windowChanged = e.from !== undefined || e.to !== undefined || e.base !== undefined || e.straddle || e.draws !== undefined || e.seed !== undefined;
  const problemIn = (prefix: string) => Boolean(problem?.control.startsWith(prefix));

  return (
    <form
      className="sb-controls sb-evaluation-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const { metric, evaluation } = stateFromForm(new FormData(event.currentTarget));
        navigate(`/evaluation${stateToSearch({ ...sharedState(state), view: state.view, metric, evaluation })}`, { focusHeading: true });
      }}
    >
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <FormGroup id="evaluation-cohort" problem={problem}>
            <label className="govuk-label govuk-label--s" htmlFor="evaluation-cohort">
              Programme cohort
            </label>
            <select
              className={`govuk-select sb-select${problem?.control === 'evaluation-cohort' ? ' govuk-select--error' : ''}`}
              id="evaluation-cohort"
              name="cohort"
              value={cohortId}
              onChange={(event) => setCohortId(event.target.value)}
              aria-describedby={describedBy('evaluation-cohort', problem, false)}
            >
              {PROGRAMME_COHORTS.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
          </FormGroup>
          <MetricSelect id="evaluation-metric" name="metric" label="Outcome" metrics={METRIC_OPTIONS} value={metricId} />
          {problem?.control === 'evaluation-metric' && (
            <p className="govuk-error-message" id="evaluation-metric-error">
              <span className="govuk-visually-hidden">Error:</span> {problem.message}
            </p>
          )}
        </div>
        <div className="govuk-grid-column-one-half">
          <Radios name="transform" legend="Scale" id="evaluation-transform" value={e.transform} options={EVALUATION_TRANSFORMS.map((value) => ({ value, ...TRANSFORM_LABELS[value] }))} problem={problem} />
        </div>
      </div>
      <Radios name="comparison" legend="Compare with" id="evaluation-comparison" value={e.comparison} options={EVALUATION_COMPARISONS.map((value) => ({ value, ...COMPARISON_LABELS[value] }))} problem={problem} />
      <Checkbox
        id="evaluation-timing"
        name="timing"
        value="not-yet-treated"
        checked={e.notYetTreated}
        label="Also compare with the cohort's later starters before they start"
        hint="Not-yet-treated comparison (Callaway and Sant'Anna): for a cohort with staggered starts, such as all DBV tranches."
      />

      <details className="govuk-details" open={startsChanged || problemIn('evaluation-start')}>
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Start dates{startsChanged ? ' (changed)' : ''}</span>
        </summary>
        <div className="govuk-details__text">
          <p className="govuk-body">
            Each start is taken from the programme's published timetable; where only the year is known the month is an assumption. The first figure after a start counts as its first post period.
          </p>
          {cohort.starts.map((id) => {
            const reference = programmeStartById(id);
            const override = e.starts.find((s) => s.id === id);
            const month = override?.month ?? reference?.month ?? 1;
            const year = override?.year ?? reference?.year ?? 2022;
            return (
              <fieldset className="govuk-fieldset sb-start" key={`${cohortId}-${id}`} role="group" aria-describedby={`${startControl(id, 'month')}-hint`}>
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{reference?.label ?? id}</legend>
                <div className="govuk-hint" id={`${startControl(id, 'month')}-hint`}>
                  Reference start: {MONTH_NAMES[(reference?.month ?? 1) - 1]} {reference?.year} ({reference?.precision === 'month' ? 'published' : 'assumed month'}).
                </div>
                <div className="sb-start__fields">
                  <FormGroup id={startControl(id, 'month')} problem={problem}>
                    <label className="govuk-label" htmlFor={startControl(id, 'month')}>
                      Month
                    </label>
                    <select className="govuk-select" id={startControl(id, 'month')} name={`start-${id}-month`} defaultValue={month}>
                      {MONTH_NAMES.map((name, i) => (
                        <option key={name} value={i + 1}>
                          {name}
                        </option>
                      ))}
                    </select>
                  </FormGroup>
                  <FormGroup id={startControl(id, 'year')} problem={problem}>
                    <label className="govuk-label" htmlFor={startControl(id, 'year')}>
                      Year
                    </label>
                    <input className="govuk-input govuk-input--width-4" id={startControl(id, 'year')} name={`start-${id}-year`} type="text" inputMode="numeric" spellCheck={false} defaultValue={year} />
                  </FormGroup>
                </div>
              </fieldset>
            );
          })}
        </div>
      </details>

      <details className="govuk-details" open={windowChanged || ['evaluation-from', 'evaluation-to', 'evaluation-base', 'evaluation-draws', 'evaluation-seed'].some(problemIn)}>
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Window, index base and resampling{windowChanged ? ' (changed)' : ''}</span>
        </summary>
        <div className="govuk-details__text">
          <div className="sb-field-row">
            <PeriodControl id="evaluation-from" name="from" label="From" hint="Default: January 2016 (or 2016, 2016-17) or the first period." value={e.from} periods={periods} problem={problem} />
            <PeriodControl id="evaluation-to" name="to" label="To" hint="Default: the latest period." value={e.to} periods={periods} problem={problem} />
            <PeriodControl id="evaluation-base" name="base" label="Index base (= 100)" hint="Default: the period before the first start." value={e.base} periods={periods} problem={problem} />
          </div>
          <Checkbox
            id="evaluation-straddle"
            name="straddle"
            value="yes"
            checked={e.straddle}
            label="Use periods on both sides of a series break"
            hint="Refused by default: the 2023 person-level SEN2 return changed process measures. Only safe if the break shifted every authority alike."
          />
          <div className="sb-field-row">
            <NumberControl id="evaluation-draws" name="draws" label="Resampling draws" hint={`${EVALUATION_DRAWS.min} to ${EVALUATION_DRAWS.max}, for the bootstrap and the permutation test.`} value={e.draws ?? EVALUATION_DRAWS.default} problem={problem} />
            <NumberControl id="evaluation-seed" name="seed" label="Seed" hint="The same seed gives the same answer to the last digit." value={e.seed ?? DEFAULT_EVALUATION_SEED} problem={problem} />
          </div>
        </div>
      </details>

      <details className="govuk-details" open={Boolean(e.focus) || problemIn('evaluation-focus') || problemIn('evaluation-donors')}>
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Synthetic comparison for one authority{e.focus ? ' (chosen)' : ''}</span>
        </summary>
        <div className="govuk-details__text">
          <FormGroup id="evaluation-focus" problem={problem}>
            <label className="govuk-label govuk-label--s" htmlFor="evaluation-focus">
              Authority
            </label>
            <div className="govuk-hint" id="evaluation-focus-hint">
              One of the cohort's authorities, compared with a weighted mix of comparison authorities fitted on its path before the start.
            </div>
            {/* Keyed by its options: an uncontrolled select whose chosen option is replaced would fall back to the first. */}
            <select
              key={members.map((m) => m.code).join()}
              className={`govuk-select sb-select${problem?.control === 'evaluation-focus' ? ' govuk-select--error' : ''}`}
              id="evaluation-focus"
              name="focus"
              defaultValue={e.focus ?? ''}
              aria-describedby={describedBy('evaluation-focus', problem)}
            >
              <option value="">None</option>
              {e.focus && !members.some((m) => m.codes.includes(e.focus!)) && <option value={e.focus}>{e.focus}</option>}
              {members.map((m) => (
                <option key={m.code} value={m.codes.includes(e.focus ?? '') ? e.focus : m.code}>
                  {m.name}
                </option>
              ))}
            </select>
          </FormGroup>
          <Radios
            name="donors"
            legend="Build it from"
            id="evaluation-donors"
            value={e.neighbourDonors ? 'neighbours' : 'comparison'}
            options={[
              { value: 'comparison', label: 'The whole comparison group', hint: 'Many donors: the fit before the start is near-exact, so its placebo p-value is unstable.' },
              { value: 'neighbours', label: "Its statistical neighbours in the comparison group", hint: 'Fewer donors than periods: a looser fit, and a placebo p-value that means more but cannot be small.' },
            ]}
            problem={problem}
          />
        </div>
      </details>

      <button type="submit" className="govuk-button">
        Show evaluation
      </button>
    </form>
  );
}
