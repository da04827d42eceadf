import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ComparatorSetsQuery, CreateComparatorSetMutation, SignedInUserQuery } from '../api/operations';
import { Link } from '../routing/router';
import { hrefFor, type UrlState } from '../routing/url-state';
import { NameField } from './NameField';
import { canSave } from './saved-links';
import { SignInNote } from './SignInNote';

export interface SavedSetPickerProps {
  state: UrlState;
  /** Chooses a saved set (or, with undefined, none yet) as the comparator set. */
  onChoose: (id: string | undefined) => void;
}

/**
 * The comparator-set control's saved part: when "One of your saved sets" is chosen, a list of the
 * user's sets; when "A set you choose" is, a form to save that list with a name. Signed-out users
 * see that saving needs sign-in.
 */
export default function SavedSetPicker({ state, onChoose }: SavedSetPickerProps) {
  const [{ data: who }] = useQuery({ query: SignedInUserQuery.toString() });
  const signedIn = canSave(who?.me);
  const [{ data, error }] = useQuery({ query: ComparatorSetsQuery.toString(), pause: !signedIn || state.peers !== 'saved', requestPolicy: 'cache-and-network' });
  if (!who?.me) return null;
  if (!signedIn) return <SignInNote what="comparator sets" />;
  if (state.peers === 'custom') return <SaveSetForm codes={state.custom} onSaved={onChoose} />;
  if (error) return <p className="govuk-body-s">Your saved sets could not be loaded: {error.graphQLErrors[0]?.message ?? error.message}</p>;
  if (!data) return <p className="govuk-body-s">Loading your saved comparator sets…</p>;
  const sets = data.comparatorSets;
  const chosen = state.savedSet;
  return (
    <div className="govuk-form-group sb-saved-sets">
      {sets.length === 0 && !chosen ? (
        <p className="govuk-body-s">You have no saved comparator sets yet: choose “A set you choose”, add authorities, then save the set with a name.</p>
      ) : (
        <>
          <label className="govuk-label govuk-label--s" htmlFor="saved-set">
            Saved comparator set
          </label>
          <select className="govuk-select" id="saved-set" value={chosen ?? ''} onChange={(event) => onChoose(event.target.value || undefined)}>
            <option value="">Choose a set</option>
            {chosen && !sets.some((s) => s.id === chosen) && <option value={chosen}>A set shared with you</option>}
            {sets.map((set) => (
              <option key={set.id} value={set.id}>
                {set.name} ({set.codes.length} authorities)
              </option>
            ))}
          </select>
        </>
      )}
      <p className="govuk-body">
        <Link href={hrefFor('saved')}>Manage your comparator sets</Link>
      </p>
    </div>
  );
}

/** Saves the custom list as a named set, then uses it. */
export function SaveSetForm({ codes, onSaved }: { codes: string[]; onSaved: (id: string) => void }) {
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string>();
  const [{ fetching }, create] = useMutation(CreateComparatorSetMutation.toString());
  if (codes.length === 0) return null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setProblem('Enter a name for the set');
      return;
    }
    const result = await create({ set: { name: name.trim(), codes, shared: false } });
    if (result.error || !result.data) {
      setProblem(result.error?.graphQLErrors[0]?.message ?? result.error?.message ?? 'The set was not saved');
      return;
    }
    onSaved(result.data.createComparatorSet.id);
  };
  return (
    <div className="sb-saved-sets">
      <NameField
        id="saved-set-name"
        label="Save this set as"
        value={name}
        onChange={setName}
        problem={problem}
        onKeyDown={(event) => {
          // Enter saves the set, not the start page's form around it.
          if (event.key === 'Enter') void submit(event);
        }}
      />
      <button type="button" className="govuk-button govuk-button--secondary sb-button--small" disabled={fetching} onClick={(event) => void submit(event)}>
        Save set
      </button>
    </div>
  );
}
