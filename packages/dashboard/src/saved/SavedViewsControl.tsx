import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { DeleteSavedViewMutation, SavedViewsQuery, SaveViewMutation, SignedInUserQuery, UpdateSavedViewMutation } from '../api/operations';
import { Link } from '../routing/router';
import { hrefFor } from '../routing/url-state';
import { NameField } from './NameField';
import { RenameControl } from './RenameControl';
import { absolute, canSave, copyText, viewHref } from './saved-links';
import { SignInNote } from './SignInNote';

/** Only the views list is asked for, and only once the panel is open: a page's first load sends nothing more. */
export function SavedViewList({ onMessage }: { onMessage: (text: string) => void }) {
  const [{ data, error }, refetch] = useQuery({ query: SavedViewsQuery.toString(), requestPolicy: 'cache-and-network' });
  const [, remove] = useMutation(DeleteSavedViewMutation.toString());
  const [, update] = useMutation(UpdateSavedViewMutation.toString());
  if (error) return <p className="govuk-body-s">Your saved views could not be loaded: {error.graphQLErrors[0]?.message ?? error.message}</p>;
  const views = data?.savedViews ?? [];
  if (!data) return <p className="govuk-body-s">Loading your saved views…</p>;
  if (views.length === 0) return <p className="govuk-body-s">You have no saved views yet.</p>;
  const share = async (id: string, name: string, shared: boolean) => {
    if (!shared) await update({ id, changes: { shared: true } });
    const link = absolute(viewHref(id));
    onMessage(`${(await copyText(link)) ? 'Link copied' : 'Share link'} for “${name}”: ${link} (anyone signed in who has it can open the view).`);
    refetch({ requestPolicy: 'network-only' });
  };
  return (
    <ul className="govuk-list sb-saved-list">
      {views.map((view) => (
        <li key={view.id}>
          <Link href={`${view.path}${view.search}`}>{view.name}</Link>
          {view.shared ? <strong className="govuk-tag govuk-tag--grey sb-saved-tag">Shared</strong> : null}{' '}
          <RenameControl
            name={view.name}
            onRename={async (name) => {
              const result = await update({ id: view.id, changes: { name } });
              if (result.error) return result.error.graphQLErrors[0]?.message ?? result.error.message;
              onMessage(`Renamed “${view.name}” to “${name}”.`);
              refetch({ requestPolicy: 'network-only' });
              return undefined;
            }}
          />{' '}
          <button type="button" className="govuk-button govuk-button--secondary sb-button--small" onClick={() => void share(view.id, view.name, view.shared)}>
            Copy share link<span className="govuk-visually-hidden"> for {view.name}</span>
          </button>{' '}
          <button
            type="button"
            className="govuk-button govuk-button--warning sb-button--small"
            onClick={async () => {
              await remove({ id: view.id });
              onMessage(`Deleted “${view.name}”.`);
              refetch({ requestPolicy: 'network-only' });
            }}
          >
            Delete<span className="govuk-visually-hidden"> {view.name}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/**
 * "Saved views" in the page header: save the page as it is now (its address) with a name, open,
 * share or delete saved views. Signed-out users see that saving needs sign-in.
 */
export default function SavedViewsControl() {
  const [{ data }] = useQuery({ query: SignedInUserQuery.toString() });
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [message, setMessage] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [, save] = useMutation(SaveViewMutation.toString());
  const me = data?.me;
  if (!me) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setProblem('Enter a name for this view');
      return;
    }
    const result = await save({ view: { name: name.trim(), path: window.location.pathname, search: window.location.search } });
    if (result.error) {
      setProblem(result.error.graphQLErrors[0]?.message ?? result.error.message);
      return;
    }
    setProblem(undefined);
    setName('');
    setMessage(`Saved “${result.data?.saveView.name}”.`);
  };

  return (
    <details className="govuk-details sb-saved-views" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Saved views</span>
      </summary>
      <div className="govuk-details__text">
        {!canSave(me) ? (
          <SignInNote what="views" />
        ) : (
          <>
            <form onSubmit={(event) => void submit(event)} noValidate>
              <NameField id="saved-view-name" label="Save this view as" value={name} onChange={setName} problem={problem} />
              <button type="submit" className="govuk-button govuk-button--secondary sb-button--small">
                Save this view
              </button>
            </form>
            {message && (
              <p className="govuk-body-s" role="status">
                {message}
              </p>
            )}
            {open && <SavedViewList onMessage={setMessage} />}
            <p className="govuk-body">
              <Link href={hrefFor('saved')}>Manage saved views and comparator sets</Link>
            </p>
          </>
        )}
      </div>
    </details>
  );
}
