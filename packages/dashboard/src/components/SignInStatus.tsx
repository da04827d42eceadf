import { useState } from 'react';
import { useQuery } from 'urql';
import { fetchCsrfToken } from '../api/client';
import { SignedInUserQuery } from '../api/operations';
import type { Role } from '../gql/graphql';

const ROLE_LABELS: Record<Role, string> = {
  ANONYMOUS: 'no role: published data only',
  LA_USER: 'LA user',
  DFE_ANALYST: 'DfE analyst',
  ADMIN: 'admin',
};

/** Ends the session (POST /auth/sign-out with the CSRF token), then leaves through the provider's logout page if it has one. */
async function signOut(): Promise<void> {
  const token = await fetchCsrfToken();
  const response = await fetch('/auth/sign-out', { method: 'POST', credentials: 'same-origin', headers: { 'x-csrf-token': token } });
  const body = (await response.json().catch(() => ({}))) as { providerLogout?: string };
  window.location.assign(body.providerLogout ?? '/');
}

/**
 * Who is signed in, in the page header: the name and role (an LA user's authority), how to sign in
 * or out, and in embedded mode that there is one local user and no sign-in.
 */
export function SignInStatus() {
  const [result] = useQuery({ query: SignedInUserQuery.toString() });
  const [leaving, setLeaving] = useState(false);
  const me = result.data?.me;
  if (!me) return null;
  const returnTo = `${window.location.pathname}${window.location.search}`;
  if (me.method === 'LOCAL') {
    return (
      <p className="govuk-body-s sb-sign-in" data-testid="sign-in-status">
        Local user (embedded mode: no sign-in), {ROLE_LABELS[me.role]}
      </p>
    );
  }
  if (!me.signedIn) {
    return (
      <p className="govuk-body-s sb-sign-in" data-testid="sign-in-status">
        <a className="govuk-link" href={`/auth/sign-in?returnTo=${encodeURIComponent(returnTo)}`}>
          Sign in
        </a>
      </p>
    );
  }
  return (
    <p className="govuk-body-s sb-sign-in" data-testid="sign-in-status">
      Signed in as <strong>{me.name ?? me.email ?? 'unnamed user'}</strong>, {ROLE_LABELS[me.role]}
      {me.laCode ? ` (LA ${me.laCode})` : ''}{' '}
      {me.role !== 'ANONYMOUS' && (
        <>
          <a className="govuk-link" href="/provisional">
            Provisional data
          </a>{' '}
        </>
      )}
      <button
        type="button"
        className="govuk-button govuk-button--secondary sb-sign-out"
        disabled={leaving}
        onClick={() => {
          setLeaving(true);
          void signOut();
        }}
      >
        Sign out
      </button>
    </p>
  );
}
