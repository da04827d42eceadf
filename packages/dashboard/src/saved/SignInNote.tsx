import { signInHref } from './saved-links';

/** The plain note signed-out users see where saving would be. */
export function SignInNote({ what }: { what: string }) {
  return (
    <p className="govuk-body-s" data-testid="saved-sign-in-note">
      Saving {what} needs sign-in.{' '}
      <a className="govuk-link" href={signInHref()}>
        Sign in
      </a>{' '}
      to save and share them.
    </p>
  );
}
