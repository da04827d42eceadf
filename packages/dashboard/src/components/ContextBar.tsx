import { Link } from '../routing/router';
import { hrefFor, sharedState, type UrlState } from '../routing/url-state';

export interface PeerGroupInfo {
  label: string;
  listIncomplete: boolean;
  note?: string | null;
}

/** Warns that a programme list is known to be incomplete (it must say so wherever it is shown). */
export function IncompleteListWarning({ group }: { group: PeerGroupInfo }) {
  if (!group.listIncomplete) return null;
  return (
    <div className="govuk-warning-text sb-incomplete">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        The list behind “{group.label}” is known to be incomplete{group.note ? `: ${group.note}` : '.'}
      </strong>
    </div>
  );
}

/** Which authority and comparator set the page shows, with a way to change them. */
export function ContextBar({ state, authorityName, group }: { state: UrlState; authorityName?: string; group?: PeerGroupInfo }) {
  return (
    <div className="sb-context">
      <p className="govuk-body govuk-!-margin-bottom-1">
        {authorityName ? (
          <>
            <strong>{authorityName}</strong> compared with <strong>{group?.label ?? 'its comparators'}</strong>.
          </>
        ) : (
          <>No authority chosen{group ? <> — showing <strong>{group.label}</strong></> : null}.</>
        )}{' '}
        <Link href={hrefFor('start', sharedState(state))}>
          Change<span className="govuk-visually-hidden"> authority or comparator set</span>
        </Link>
      </p>
      {group && <IncompleteListWarning group={group} />}
    </div>
  );
}
