/**
 * The forecast page's part of the URL: the area, every lever and every assumption the user can set,
 * each left out when it is the default. Levers and rates are whole or one-decimal percentages in
 * the URL (`divert=20` is 20%), as the page's form shows them.
 */

export const FORECAST_AREAS = ['la', 'set', 'england'] as const;
export type ForecastAreaChoice = (typeof FORECAST_AREAS)[number];
export const FORECAST_METHODS = ['trend', 'cohort'] as const;
export type ForecastMethodChoice = (typeof FORECAST_METHODS)[number];

/** Each setting's URL name, range (as the API accepts it, in the form's unit) and default. */
export const FORECAST_SETTINGS = {
  divert: { param: 'divert', min: 0, max: 65, default: 0 },
  move: { param: 'move', min: 0, max: 100, default: 0 },
  cease: { param: 'cease', min: -50, max: 50, default: 0 },
  cap: { param: 'cap', min: 0, max: 100, default: undefined },
  uprate: { param: 'uprate', min: -50, max: 50, default: 3 },
  growth: { param: 'growth', min: -50, max: 50, default: 0 },
  senCost: { param: 'sscost', min: 0, max: 50_000, default: 6_000 },
} as const;
export type ForecastSetting = keyof typeof FORECAST_SETTINGS;

export interface ForecastState {
  /** What is forecast: the chosen LA, the comparator set, or England (the default without an LA). */
  area?: ForecastAreaChoice;
  /** Levers, in %: new plans met at SEN support; new special placements met in mainstream; change in the cease rate; cap on annual growth (none when absent). */
  divert: number;
  move: number;
  cease: number;
  cap?: number;
  /** Assumptions: annual uprating of unit costs (%), annual growth of new plans in the cohort model (%), SEN support cost (£ a child a year, 2021-22 prices). */
  uprate: number;
  growth: number;
  senCost: number;
  /** A method asked for instead of the backtest's choice. */
  method?: ForecastMethodChoice;
}

export const DEFAULT_FORECAST_STATE: Readonly<ForecastState> = Object.freeze({ divert: 0, move: 0, cease: 0, uprate: 3, growth: 0, senCost: 6_000 });

const NUMBER = /^-?\d{1,5}(\.\d{1,2})?$/;

/** A setting's value from its text, or undefined when it is malformed or out of range. */
export function settingValue(setting: ForecastSetting, text: string | null): number | undefined {
  if (text === null || !NUMBER.test(text.trim())) return undefined;
  const value = Number(text);
  const { min, max } = FORECAST_SETTINGS[setting];
  return value >= min && value <= max ? value : undefined;
}

/** The forecast part of a query string, ignoring anything malformed or out of range. */
export function parseForecastState(params: URLSearchParams): ForecastState {
  const area = params.get('area') as ForecastAreaChoice | null;
  const method = params.get('method') as ForecastMethodChoice | null;
  const read = (setting: Exclude<ForecastSetting, 'cap'>) => settingValue(setting, params.get(FORECAST_SETTINGS[setting].param)) ?? DEFAULT_FORECAST_STATE[setting];
  return {
    area: area && (FORECAST_AREAS as readonly string[]).includes(area) ? area : undefined,
    divert: read('divert'),
    move: read('move'),
    cease: read('cease'),
    cap: settingValue('cap', params.get('cap')),
    uprate: read('uprate'),
    growth: read('growth'),
    senCost: read('senCost'),
    method: method && (FORECAST_METHODS as readonly string[]).includes(method) ? method : undefined,
  };
}

/** Writes the forecast part, leaving out defaults. */
export function writeForecastState(params: URLSearchParams, state: Partial<ForecastState>): void {
  if (state.area) params.set('area', state.area);
  for (const setting of ['divert', 'move', 'cease', 'uprate', 'growth', 'senCost'] as const) {
    const value = state[setting];
    if (value !== undefined && value !== DEFAULT_FORECAST_STATE[setting]) params.set(FORECAST_SETTINGS[setting].param, String(value));
  }
  if (state.cap !== undefined) params.set('cap', String(state.cap));
  if (state.method) params.set('method', state.method);
}
