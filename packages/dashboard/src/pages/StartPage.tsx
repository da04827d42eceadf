import { type FormEvent, lazy, Suspense, useEffect, useState } from 'react';
import { usePageQuery } from '../api/hooks';
import { StartPageQuery } from '../api/operations';
import { AuthorityAutocomplete, type AuthorityOption } from '../components/AuthorityAutocomplete';
import { IncompleteListWarning } from '../components/ContextBar';
import { ErrorState, LoadingState } from '../components/QueryStatus';
import { usePageTitle } from '../components/use-page-title';
import { formatValue, type UnitCode } from '../format/format-value';
import { publicationsOf } from '../format/sources';
import type { HeadlineFragment } from '../gql/graphql';
import { Link, navigate } from '../routing/router';
import { hrefFor, MAX_CUSTOM_PEERS, type PeerChoice, peerGroupId, sharedState, stateToSearch, type UrlState } from '../routing/url-state';
import { START_HEADLINES } from './chart-sets';

// Saved sets need the user's list and forms: loaded only when chosen (the start page's code is in the first load's budget).
const SavedSetPicker = lazy(() => import('../saved/SavedSetPicker'));

interface PeerGroupOption {
  id: string;
  label: string;
  size: number;
  listIncomplete: boolean;
  note?: string | null;
  members: readonly { code: string; name: string }[];
}

interface EnglandFromSet {
  statistics: { count: number; aggregate: { value?: number | null; members: number } };
}

function Headline({ data, englandSet }: { data: HeadlineFragment; englandSet?: EnglandFromSet }) {
  const format = { unit: data.metric.unit as UnitCode, decimals: data.metric.decimals };
  const cohort = data.statistics.aggregate.value ?? data.statistics.median;
  const summed = data.england.status !== 'value' && englandSet?.statistics.aggregate.value !== null && englandSet?.statistics.aggregate.value !== undefined;
  return (
    <div className="sb-headline">
      <h3 className="govuk-heading-s govuk-!-margin-bottom-2">
        {data.metric.label}
        <span className="govuk-caption-s">{data.period.label}</span>
      </h3>
      <dl className="sb-headline__figures">
        <div>
          <dt>England{summed ? ` (sum of ${englandSet!.statistics.aggregate.members} authorities)` : ''}</dt>
          <dd>{summed ? formatValue(englandSet!.statistics.aggregate.value, 'value', format) : formatValue(data.england.value, data.england.status, format)}</dd>
        </div>
        <div>
          <dt>DBV in SEND cohort{data.peerGroup.listIncomplete ? ' (list incomplete)' : ''}</dt>
          <dd>{cohort === null || cohort === undefined ? 'x' : formatValue(cohort, 'value', format)}</dd>
        </div>
      </dl>
      <p className="govuk-body-s govuk-!-margin-bottom-0">
        Cohort figure: {data.metric.unit === 'COUNT' ? 'sum over' : 'sum of numerators over sum of denominators for'} the {data.statistics.aggregate.members} of {data.statistics.count}{' '}
        authorities with published counts. Source: {publicationsOf([data.metric.source]).join('; ')}.
      </p>
    </div>
  );
}

/** Start: choose an authority and a comparator set; headline figures for England and the DBV cohort. */
export function StartPage({ state }: { state: UrlState }) {
  usePageTitle('Compare SEND across local authorities');
  const { data, fetching, error, retry } = usePageQuery(StartPageQuery, { la: state.la ?? null }, { keepPrevious: true });
  const [problem, setProblem] = useState<string>();
  useEffect(() => {
    if (problem) document.getElementById('start-error-summary')?.focus();
  }, [problem]);

  const update = (patch: Partial<UrlState>) => navigate(`/${stateToSearch({ ...sharedState(state), ...patch })}`, { replace: true });

  const authorities: AuthorityOption[] = (data?.authorities.edges ?? []).map(({ node }) => ({
    code: node.code,
    name: node.name,
    codes: node.codes,
    detail: node.region.name,
  }));
  const focus = data?.authorities.edges.find((e) => e.node.code === state.la)?.node;
  const groups: PeerGroupOption[] = data?.peerGroups ?? [];
  const groupById = (id: string | undefined) => groups.find((g) => g.id === id);
  const neighbours = groupById(state.la ? `statistical_neighbours:${state.la}` : undefined);
  const neighbourCodes = (neighbours?.members ?? []).map((m) => m.code).filter((code) => code !== state.la);
  const chosenGroup = groupById(peerGroupId(state.peers, state.la, focus?.region.code));
  const nameOf = (code: string) => authorities.find((a) => a.code === code)?.name ?? code;

  const choices: { value: PeerChoice; label: string; hint: string; needsLa?: boolean }[] = [
    {
      value: 'sn',
      label: 'Statistical neighbours (recommended)',
      hint: focus ? `${focus.name} and its 10 most similar authorities (DfE children's services statistical neighbours, LAIT 2025 model).` : 'The 10 most similar authorities: choose an authority first.',
      needsLa: true,
    },
    { value: 'region', label: 'Region', hint: focus ? `The authorities in the ${focus.region.name}.` : 'The authorities in its region: choose an authority first.', needsLa: true },
    ...(['dbv', 'dbv-1', 'dbv-2', 'dbv-3'] as const).map((value) => {
      const group = groupById(peerGroupId(value, state.la, undefined));
      return {
        value,
        label: group?.label ?? (value === 'dbv' ? 'DBV in SEND cohort' : `DBV in SEND tranche ${value.slice(-1)}`),
        hint: `${group?.size ?? '…'} authorities${group?.listIncomplete ? ' — this list is known to be incomplete' : ''}.`,
      };
    }),
    {
      value: 'safety-valve',
      label: 'Safety Valve authorities',
      hint: `${groupById('safety_valve')?.size ?? '…'} authorities with a DSG deficit agreement${groupById('safety_valve')?.listIncomplete ? ' — this list is known to be incomplete' : ''}.`,
    },
    { value: 'england', label: 'All authorities in England', hint: `${groupById('england')?.size ?? 153} authorities.` },
    { value: 'custom', label: 'A set you choose', hint: `Up to ${MAX_CUSTOM_PEERS} authorities; starts from the statistical neighbours.` },
    { value: 'saved', label: 'One of your saved sets', hint: 'A set you (or a colleague, by link) saved with a name. Needs sign-in.' },
  ];

  const choosePeers = (value: PeerChoice) => {
    if (value === 'custom' && !state.custom.length) update({ peers: value, custom: neighbourCodes });
    else update({ peers: value });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!state.la) {
      setProblem('Choose a local authority');
      return;
    }
    if (state.peers === 'custom' && !state.custom.length) {
      setProblem('Add at least one authority to your comparison set');
      return;
    }
    if (state.peers === 'saved' && !state.savedSet) {
      setProblem('Choose one of your saved comparator sets');
      return;
    }
    setProblem(undefined);
    navigate(hrefFor('profile', sharedState(state)));
  };

  return (
    <>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-xl">Compare SEND across local authorities</h1>
          <p className="govuk-body-l">
            See how an authority’s education, health and care (EHC) plans, mainstream inclusion, timeliness and high-needs spending compare with its statistical neighbours,
            its region, the Delivering Better Value (DBV) in SEND cohort or England.
          </p>
        </div>
      </div>
      {error && <ErrorState error={error} retry={retry} />}
      {fetching && <LoadingState what={data ? 'comparator sets' : 'authorities and headline figures'} />}
      {problem && (
        <div className="govuk-error-summary" id="start-error-summary" tabIndex={-1} role="alert">
          <h2 className="govuk-error-summary__title">There is a problem</h2>
          <div className="govuk-error-summary__body">
            <ul className="govuk-list govuk-error-summary__list">
              <li>
                <a href="#authority">{problem}</a>
              </li>
            </ul>
          </div>
        </div>
      )}
      {data && (
        <form className="sb-start-form" onSubmit={submit} noValidate>
          <div id="authority">
            <AuthorityAutocomplete
              label="Local authority"
              hint="Type part of a name or a code, for example Kent or 886."
              options={authorities}
              value={state.la}
              onSelect={(code) => update({ la: code, custom: state.peers === 'custom' ? state.custom.filter((c) => c !== code) : state.custom })}
            />
          </div>
          <div className="govuk-form-group">
            <fieldset className="govuk-fieldset">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Compare with</legend>
              <div className="govuk-radios govuk-radios--small" data-module="govuk-radios">
                {choices.map((choice) => (
                  <div className="govuk-radios__item" key={choice.value}>
                    <input
                      className="govuk-radios__input"
                      id={`peers-${choice.value}`}
                      name="peers"
                      type="radio"
                      value={choice.value}
                      checked={state.peers === choice.value}
                      onChange={() => choosePeers(choice.value)}
                      aria-describedby={`peers-${choice.value}-hint`}
                    />
                    <label className="govuk-label govuk-radios__label" htmlFor={`peers-${choice.value}`}>
                      {choice.label}
                    </label>
                    <div id={`peers-${choice.value}-hint`} className="govuk-hint govuk-radios__hint">
                      {choice.hint}
                    </div>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
          {state.peers === 'custom' && (
            <div className="sb-custom-set govuk-inset-text">
              <h2 className="govuk-heading-s">
                Your comparison set ({state.custom.length} of {MAX_CUSTOM_PEERS})
              </h2>
              {state.custom.length ? (
                <ul className="govuk-list sb-custom-set__list">
                  {state.custom.map((code) => (
                    <li key={code}>
                      <span>{nameOf(code)}</span>
                      <button type="button" className="govuk-button govuk-button--secondary sb-button--small" onClick={() => update({ peers: 'custom', custom: state.custom.filter((c) => c !== code) })}>
                        Remove<span className="govuk-visually-hidden"> {nameOf(code)}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="govuk-body">No authorities yet: add at least one.</p>
              )}
              {state.custom.length < MAX_CUSTOM_PEERS ? (
                <AuthorityAutocomplete
                  label="Add an authority"
                  options={authorities}
                  clearOnSelect
                  exclude={[...state.custom, ...(state.la ? [state.la] : [])]}
                  onSelect={(code) => update({ peers: 'custom', custom: [...state.custom, code] })}
                />
              ) : (
                <p className="govuk-body">The set is full: remove an authority to add another.</p>
              )}
              <button type="button" className="govuk-button govuk-button--secondary" onClick={() => update({ peers: 'custom', custom: neighbourCodes })} disabled={!neighbourCodes.length}>
                Reset to statistical neighbours
              </button>
            </div>
          )}
          {(state.peers === 'saved' || state.peers === 'custom') && (
            <Suspense fallback={null}>
              <SavedSetPicker state={state} onChoose={(id) => update({ peers: 'saved', savedSet: id })} />
            </Suspense>
          )}
          {chosenGroup && <IncompleteListWarning group={chosenGroup} />}
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" data-module="govuk-button">
              Show profile
            </button>
            {state.la && (
              <>
                <Link href={hrefFor('compare', sharedState(state))}>Compare one metric</Link>
                <Link href={hrefFor('trends', sharedState(state))}>See trends</Link>
              </>
            )}
          </div>
        </form>
      )}
      {data && (
        <section aria-labelledby="headlines-title" className="sb-headlines">
          <h2 className="govuk-heading-l" id="headlines-title">
            England and the DBV in SEND cohort
          </h2>
          <IncompleteListWarning group={data.plans.peerGroup} />
          <div className="sb-headline-grid">
            {START_HEADLINES.map((h) => (
              <Headline key={h.key} data={data[h.key]} englandSet={h.englandFromSet ? data[h.englandFromSet] : undefined} />
            ))}
          </div>
          <p className="govuk-body">
            <Link href={hrefFor('compare', { peers: 'dbv', metric: 'pct_plans_mainstream' })}>Rank the DBV cohort on the share of plans in mainstream</Link>
          </p>
        </section>
      )}
    </>
  );
}
