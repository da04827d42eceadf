import type { CombinedError } from 'urql';
import { describeError } from '../api/hooks';

/** Says that figures are being fetched (announced politely to screen readers). */
export function LoadingState({ what }: { what: string }) {
  return (
    <p className="govuk-body sb-loading" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

/** Says what failed and offers to try again. */
export function ErrorState({ error, retry }: { error: CombinedError; retry?: () => void }) {
  const { title, detail, code } = describeError(error);
  return (
    <div className="govuk-error-summary" role="alert" data-module="govuk-error-summary">
      <h2 className="govuk-error-summary__title">{title}</h2>
      <div className="govuk-error-summary__body">
        <p className="govuk-body">{detail}</p>
        {code && <p className="govuk-body-s">Error code: {code}</p>}
        {retry && (
          <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={retry}>
            Try again
          </button>
        )}
      </div>
    </div>
  );
}

/** Says that there is nothing to show, and why. */
export function EmptyState({ children }: { children: React.ReactNode }) {
  return <div className="govuk-inset-text sb-empty">{children}</div>;
}
