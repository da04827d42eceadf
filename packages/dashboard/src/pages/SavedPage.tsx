import { type FormEvent, useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  ComparatorSetsQuery,
  CreateComparatorSetMutation,
  DeleteComparatorSetMutation,
  SavedViewQuery,
  SignedInUserQuery,
  UpdateComparatorSetMutation,
} from '../api/operations';
import { LoadingState } from '../components/QueryStatus';
import { usePageTitle } from '../components/use-page-title';
import { Link, navigate } from '../routing/router';
import { LINK_ID, MAX_CUSTOM_PEERS } from '../routing/url-state';
import { RenameControl } from '../saved/RenameControl';
import { absolute, canSave, copyText, setHref } from '../saved/saved-links';
import { SavedViewList } from '../saved/SavedViewsControl';
import { SignInNote } from '../saved/SignInNote';

const errorText = (error: { graphQLErrors: { message: string }[]; message: string } | undefined) => error?.graphQLErrors[0]?.message ?? error?.message;

/** A shared view's link (/saved?view=…): looks the view up and goes to its page. */
function OpenSharedView({ id }: { id: string }) {
  const [{ data, error }] = useQuery({ query: SavedViewQuery.toString(), variables: { id } });
  useEffect(() => {
    const view = data?.savedView;
    if (view) navigate(`${view.path}${view.search}`, { replace: true, focusHeading: true });
  }, [data]);
  if (error) {
    return (
      <div className="govuk-error-summary" role="alert">
        <h2 className="govuk-error-summary__title">That saved view cannot be opened</h2>
        <div className="govuk-error-summary__body">
          <p className="govuk-body">{errorText(error)}</p>
        </div>
      </div>
    );
  }
  return <LoadingState what="the saved view" />;
}

/** Lists the user's comparator sets: use, share, rename, delete. */
function ComparatorSetList({ onMessage }: { onMessage: (text: string) => void }) {
  const [{ data, error }, refetch] = useQuery({ query: ComparatorSetsQuery.toString(), requestPolicy: 'cache-and-network' });
  const [, update] = useMutation(UpdateComparatorSetMutation.toString());
  const [, remove] = useMutation(DeleteComparatorSetMutation.toString());
  if (error) return <p className="govuk-body">Your comparator sets could not be loaded: {errorText(error)}</p>;
  if (!data) return <LoadingState what="your comparator sets" />;
  if (data.comparatorSets.length === 0) return <p className="govuk-body">You have no saved comparator sets yet.</p>;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--s">Your comparator sets</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Name</th>
          <th scope="col" className="govuk-table__header">Authorities</th>
          <th scope="col" className="govuk-table__header">Shared by link</th>
          <th scope="col" className="govuk-table__header">Actions</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {data.comparatorSets.map((set) => (
          <tr className="govuk-table__row" key={set.id}>
            <th scope="row" className="govuk-table__header">
              <Link href={setHref(set.id)}>{set.name}</Link>
            </th>
            <td className="govuk-table__cell">{set.codes.join(', ')}</td>
            <td className="govuk-table__cell">{set.shared ? 'Yes' : 'No'}</td>
            <td className="govuk-table__cell sb-saved-actions">
              <RenameControl
                name={set.name}
                onRename={async (name) => {
                  const result = await update({ id: set.id, changes: { name } });
                  if (result.error) return errorText(result.error) ?? 'The name was not saved';
                  onMessage(`Renamed “${set.name}” to “${name}”.`);
                  reload();
                  return undefined;
                }}
              />{' '}
              <button
                type="button"
                className="govuk-button govuk-button--secondary sb-button--small"
                onClick={async () => {
                  if (!set.shared) await update({ id: set.id, changes: { shared: true } });
                  const link = absolute(setHref(set.id));
                  onMessage(`${(await copyText(link)) ? 'Link copied' : 'Share link'} for “${set.name}”: ${link} (anyone signed in who has it can use the set).`);
                  reload();
                }}
              >
                Copy share link<span className="govuk-visually-hidden"> for {set.name}</span>
              </button>{' '}
              {set.shared && (
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary sb-button--small"
                  onClick={async () => {
                    await update({ id: set.id, changes: { shared: false } });
                    onMessage(`“${set.name}” is private again: its link no longer works for others.`);
                    reload();
                  }}
                >
                  Stop sharing<span className="govuk-visually-hidden"> {set.name}</span>
                </button>
              )}{' '}
              <button
                type="button"
                className="govuk-button govuk-button--warning sb-button--small"
                onClick={async () => {
                  await remove({ id: set.id });
                  onMessage(`Deleted “${set.name}”.`);
                  reload();
                }}
              >
                Delete<span className="govuk-visually-hidden"> {set.name}</span>
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A new comparator set from a list of codes. */
function ComparatorSetForm({ onMessage }: { onMessage: (text: string) => void }) {
  const [problem, setProblem] = useState<{ field: 'name' | 'codes'; text: string }>();
  const [, create] = useMutation(CreateComparatorSetMutation.toString());
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const fields = new FormData(form);
    const name = String(fields.get('name') ?? '').trim();
    const codes = String(fields.get('codes') ?? '').split(/[\s,]+/).filter(Boolean);
    if (!name) return setProblem({ field: 'name', text: 'Enter a name for the set' });
    if (codes.length === 0) return setProblem({ field: 'codes', text: 'Enter at least one authority code' });
    const result = await create({ set: { name, codes, shared: false } });
    if (result.error) return setProblem({ field: String(result.error.graphQLErrors[0]?.extensions?.field ?? '').endsWith('name') ? 'name' : 'codes', text: errorText(result.error) ?? 'The set was not saved' });
    setProblem(undefined);
    form.reset();
    onMessage(`Saved “${result.data?.createComparatorSet.name}”.`);
  };
  const group = (field: 'name' | 'codes') => `govuk-form-group${problem?.field === field ? ' govuk-form-group--error' : ''}`;
  const error = (field: 'name' | 'codes') =>
    problem?.field === field ? (
      <p id={`new-set-${field}-error`} className="govuk-error-message">
        <span className="govuk-visually-hidden">Error:</span> {problem.text}
      </p>
    ) : null;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <h3 className="govuk-heading-s">New comparator set</h3>
      <div className={group('name')}>
        <label className="govuk-label" htmlFor="new-set-name">
          Name
        </label>
        {error('name')}
        <input className="govuk-input govuk-input--width-20" id="new-set-name" name="name" type="text" maxLength={100} aria-describedby={problem?.field === 'name' ? 'new-set-name-error' : undefined} />
      </div>
      <div className={group('codes')}>
        <label className="govuk-label" htmlFor="new-set-codes">
          Authority codes
        </label>
        <div id="new-set-codes-hint" className="govuk-hint">
          1 to {MAX_CUSTOM_PEERS} DfE LA numbers or ONS codes, separated by commas or spaces, for example 886, 887, 888.
        </div>
        {error('codes')}
        <input className="govuk-input" id="new-set-codes" name="codes" type="text" aria-describedby={`new-set-codes-hint${problem?.field === 'codes' ? ' new-set-codes-error' : ''}`} />
      </div>
      <button type="submit" className="govuk-button govuk-button--secondary">
        Save set
      </button>
    </form>
  );
}

/** Saved views and comparator sets: list, open, share, delete; opens a shared view's link. */
export default function SavedPage({ search }: { search: string }) {
  usePageTitle('Saved views and comparator sets');
  const [{ data }] = useQuery({ query: SignedInUserQuery.toString() });
  const [message, setMessage] = useState<string>();
  const viewId = new URLSearchParams(search).get('view');
  const heading = <h1 className="govuk-heading-xl">Saved views and comparator sets</h1>;
  if (!data?.me) return (<>{heading}<LoadingState what="who you are" /></>);
  if (!canSave(data.me)) return (<>{heading}<SignInNote what="views and comparator sets" /></>);
  if (viewId && LINK_ID.test(viewId)) return (<>{heading}<OpenSharedView id={viewId} /></>);
  return (
    <>
      {heading}
      <p className="govuk-body">
        Only you see what you save, until you copy its share link: then anyone signed in who has the link can open the view or use the set. A set only names authorities, so
        sharing it shows no figures: each person sees the figures their own sign-in allows.
      </p>
      {message && (
        <div className="govuk-inset-text" role="status">
          {message}
        </div>
      )}
      <h2 className="govuk-heading-l">Saved views</h2>
      <p className="govuk-body">Save a view from any page with “Saved views” at the top of the page.</p>
      <SavedViewList onMessage={setMessage} />
      <h2 className="govuk-heading-l">Comparator sets</h2>
      <p className="govuk-body">Use a set from the start page (“One of your saved sets”) on every page with a comparator set.</p>
      <ComparatorSetList onMessage={setMessage} />
      <ComparatorSetForm onMessage={setMessage} />
    </>
  );
}
