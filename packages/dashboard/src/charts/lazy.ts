import { lazy } from 'react';

/** recharts is loaded only when a page draws one of these (it is most of the chart code's weight). */
export const RankedBarChart = lazy(() => import('./RankedBarChart'));
export const TrendLineChart = lazy(() => import('./TrendLineChart'));
export const RelationshipScatter = lazy(() => import('./RelationshipScatter'));
