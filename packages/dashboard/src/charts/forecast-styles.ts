import type { MarkerShape } from './palette';

/**
 * The forecast charts' marks: GOV.UK colours, each at least 3:1 against white, with a dash and a
 * marker so no line is told apart by colour alone; the interval bands are the projection's colour
 * at two strengths (95% lighter, 80% darker) and are also in the table view.
 */
export const FORECAST_LINES = {
  observed: { colour: '#0b0c0c', dash: undefined, marker: 'circle', label: 'Published' },
  projected: { colour: '#1d70b8', dash: '8 4', marker: 'square', label: 'Projected' },
  mitigated: { colour: '#00703c', dash: '12 4 2 4', marker: 'triangle', label: 'With the levers' },
  check: { colour: '#d4351c', dash: undefined, marker: 'diamond', label: 'Published after the base, not fitted' },
} as const satisfies Record<string, { colour: string; dash: string | undefined; marker: MarkerShape; label: string }>;

export type ForecastLineRole = keyof typeof FORECAST_LINES;

export const FORECAST_BANDS = {
  band95: { colour: '#1d70b8', opacity: 0.15, label: '95% prediction interval' },
  band80: { colour: '#1d70b8', opacity: 0.35, label: '80% prediction interval' },
} as const;

/** Placement groups, bottom of the stack first; white borders between the segments. */
export const GROUP_COLOURS = ['#1d70b8', '#4c2c92', '#d4351c', '#00703c', '#505a5f'] as const;
