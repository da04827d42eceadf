import { type ComponentType, lazy } from 'react';

/**
 * A chart loaded only when a page draws it (recharts is most of the chart code's weight), with
 * `preload()` so a page can start fetching it while its data is still on the way.
 */
function lazyChart<P>(load: () => Promise<{ default: ComponentType<P> }>) {
  return Object.assign(lazy(load), { preload: () => void load() });
}

export const RankedBarChart = lazyChart(() => import('./RankedBarChart'));
export const TrendLineChart = lazyChart(() => import('./TrendLineChart'));
export const RelationshipScatter = lazyChart(() => import('./RelationshipScatter'));
export const IntervalLineChart = lazyChart(() => import('./IntervalLineChart'));
export const EventStudyChart = lazyChart(() => import('./EventStudyChart'));
export const ForecastChart = lazyChart(() => import('./ForecastChart'));
export const GroupBarChart = lazyChart(() => import('./GroupBarChart'));
