import type { AnyVariables } from 'urql';
import { COMPARE_CHART } from '../pages/chart-sets';
import { effectivePeers, type Page, peerSelector, type UrlState } from '../routing/url-state';
import { ComparePageQuery, ProfilePageQuery } from './operations';

/**
 * The one request a data page sends, built from its URL state. The page runs it, and the app
 * starts it as soon as the route is known (App.tsx), while the page's own code is
 * still loading: the same document and variables, so urql sends it once and the page finds it
 * in flight or in its cache.
 */
export function profilePageRequest(state: UrlState) {
  return {
    query: ProfilePageQuery,
    variables: { la: state.la ?? '', peers: peerSelector(state) ?? null, year: state.year ?? null },
    pause: !state.la,
  };
}

export function comparePageRequest(state: UrlState) {
  return {
    query: ComparePageQuery,
    variables: { la: state.la ?? null, peers: effectivePeers(state), metric: state.metric ?? COMPARE_CHART.defaultMetric, period: state.period ?? null },
    pause: false,
  };
}

/** The request to start early for a page, if it has one worth starting before its code arrives. */
export function pageRequestFor(page: Page | undefined, state: UrlState): { document: string; variables: AnyVariables; pause: boolean } | undefined {
  const request = page === 'profile' ? profilePageRequest(state) : page === 'compare' ? comparePageRequest(state) : undefined;
  return request && { document: request.query.toString(), variables: request.variables, pause: request.pause };
}
