import { usePageTitle } from '../components/use-page-title';
import { Link } from '../routing/router';

export default function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <>
      <h1 className="govuk-heading-xl">Page not found</h1>
      <p className="govuk-body">If you typed the web address, check it is correct.</p>
      <p className="govuk-body">
        <Link href="/">Go to the start page</Link>.
      </p>
    </>
  );
}
