import { lazy, Suspense, useEffect, useRef } from 'react';
import { useClient } from 'urql';
import { pageRequestFor } from './api/page-requests';
import { LoadingState } from './components/QueryStatus';
import { Layout } from './components/Layout';
import { StartPage } from './pages/StartPage';
import { takePendingFocus, useLocation } from './routing/router';
import { type Page, pageOfPath, parseState } from './routing/url-state';

const ProfilePage = lazy(() => import('./pages/ProfilePage'));
const ComparePage = lazy(() => import('./pages/ComparePage'));
const TrendsPage = lazy(() => import('./pages/TrendsPage'));
const RelationshipsPage = lazy(() => import('./pages/RelationshipsPage'));
const EvaluationPage = lazy(() => import('./pages/EvaluationPage'));
const ForecastPage = lazy(() => import('./pages/ForecastPage'));
const MetricsPage = lazy(() => import('./pages/MetricsPage'));
const DataPage = lazy(() => import('./pages/DataPage'));
const DataQualityPage = lazy(() => import('./pages/DataQualityPage'));
const MapPage = lazy(() => import('./pages/MapPage'));
const ReportPage = lazy(() => import('./pages/ReportPage'));
const SavedPage = lazy(() => import('./pages/SavedPage'));
const ProvisionalPage = lazy(() => import('./pages/ProvisionalPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));

function PageFor({ page, search }: { page: Page | undefined; search: string }) {
  const state = parseState(search);
  switch (page) {
    case 'start':
      return <StartPage state={state} />;
    case 'profile':
      return <ProfilePage state={state} />;
    case 'compare':
      return <ComparePage state={state} />;
    case 'trends':
      return <TrendsPage state={state} />;
    case 'relationships':
      return <RelationshipsPage state={state} />;
    case 'evaluation':
      return <EvaluationPage state={state} />;
    case 'forecast':
      return <ForecastPage state={state} />;
    case 'metrics':
      return <MetricsPage />;
    case 'data':
      return <DataPage />;
    case 'data-quality':
      return <DataQualityPage state={state} />;
    case 'map':
      return <MapPage state={state} />;
    case 'report':
      return <ReportPage state={state} />;
    case 'saved':
      return <SavedPage search={search} />;
    case 'provisional':
      return <ProvisionalPage />;
    default:
      return <NotFoundPage />;
  }
}

export function App() {
  const { pathname, search } = useLocation();
  const page = pageOfPath(pathname);
  const previousPath = useRef(pathname);
  const client = useClient();

  // Start the page's request now, while its lazily loaded code is on the way (on a cold load the
  // chunk took ~350 ms, and the query used to wait for it). The page asks for the same request
  // and gets this one, in flight or from urql's cache.
  useEffect(() => {
    const request = pageRequestFor(page, parseState(search));
    if (request && !request.pause) void client.query(request.document, request.variables).toPromise();
  }, [client, page, search]);

  // After moving to another page, put focus on the new page's main heading (as a full page load
  // would), so screen reader and keyboard users start at the top of the new content.
  useEffect(() => {
    const pending = takePendingFocus();
    if (previousPath.current === pathname && !pending) return;
    previousPath.current = pathname;
    if (!window.location.hash) window.scrollTo(0, 0);
    // While a lazily loaded page arrives, React keeps the old page hidden in the tree: only a
    // visible heading will do.
    const focusHeading = () => {
      const heading = [...document.querySelectorAll<HTMLElement>('main h1')].find((h) => h.getClientRects().length > 0);
      if (!heading) return false;
      heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
      return document.activeElement === heading;
    };
    // A link to a place on a page (/catalogue#pct_plans_mainstream) goes there once it is drawn.
    const focusTarget = () => {
      const id = decodeURIComponent(window.location.hash.slice(1));
      const target = id ? document.getElementById(id) : null;
      if (!id) return focusHeading();
      if (!target || !target.getClientRects().length) return false;
      target.setAttribute('tabindex', '-1');
      target.focus({ preventScroll: true });
      target.scrollIntoView();
      return true;
    };
    if (!focusTarget()) {
      const timer = window.setInterval(() => focusTarget() && window.clearInterval(timer), 50);
      window.setTimeout(() => window.clearInterval(timer), 3000);
      return () => window.clearInterval(timer);
    }
  }, [pathname, search]);

  return (
    <Layout page={page} state={parseState(search)}>
      <Suspense fallback={<LoadingState what="the page" />}>
        <PageFor page={page} search={search} />
      </Suspense>
    </Layout>
  );
}
