/**
 * The whole state of a view lives in the URL, so a copied link reopens the same view and back and
 * forward work. This module is the one place that reads and writes it.
 */
import { type ForecastState, parseForecastState, writeForecastState } from './forecast-state';

export const PAGES = ['start', 'profile', 'compare', 'trends', 'relationships', 'evaluation', 'forecast', 'metrics', 'data', 'data-quality', 'map', 'report', 'saved', 'provisional'] as const;
export type Page = (typeof PAGES)[number];

export const PAGE_PATHS: Readonly<Record<Page, string>> = {
  start: '/',
  profile: '/profile',
  compare: '/compare',
  trends: '/trends',
  relationships: '/relationships',
  evaluation: '/evaluation',
  forecast: '/forecast',
  // The server owns /metrics (Prometheus), so the catalogue lives at /catalogue.
  metrics: '/catalogue',
  data: '/data',
  'data-quality': '/data-quality',
  map: '/map',
  report: '/report',
  saved: '/saved',
  provisional: '/provisional',
};

/** Comparator sets as the URL names them. */
export const PEER_CHOICES = ['sn', 'region', 'dbv', 'dbv-1', 'dbv-2', 'dbv-3', 'safety-valve', 'england', 'custom', 'saved'] as const;
export type PeerChoice = (typeof PEER_CHOICES)[number];

export type View = 'chart' | 'table';

/** Evaluation: the scale effects are estimated on, and the comparison group, as the URL names them. */
export const EVALUATION_TRANSFORMS = ['level', 'log', 'indexed'] as const;
export type EvaluationTransformChoice = (typeof EVALUATION_TRANSFORMS)[number];
export const EVALUATION_COMPARISONS = ['no-programme', 'all-others', 'neighbours'] as const;
export type EvaluationComparisonChoice = (typeof EVALUATION_COMPARISONS)[number];

/** A cohort start the user moved ("dbv:1@2022-09" in the URL). */
export interface StartOverride {
  id: string;
  year: number;
  month: number;
}

/** Evaluation draws the URL accepts (the API's range). */
export const EVALUATION_DRAWS = { min: 999, max: 4999, default: 999 } as const;
/** The seed when the URL gives none (the API's default). */
export const DEFAULT_EVALUATION_SEED = 18;
const MAX_SEED = 2_147_483_647;

/** Everything the evaluation page asks, each part left out when it is the default. */
export interface EvaluationState {
  /** Cohort id ("dbv:1" when absent). */
  cohort?: string;
  transform: EvaluationTransformChoice;
  comparison: EvaluationComparisonChoice;
  /** Compare with not-yet-treated cohort members too. */
  notYetTreated: boolean;
  starts: StartOverride[];
  from?: number;
  to?: number;
  /** Index base period. */
  base?: number;
  /** Straddle a series break. */
  straddle: boolean;
  draws?: number;
  seed?: number;
  /** The cohort authority of the synthetic comparison. */
  focus?: string;
  /** Build the synthetic comparison from the focus authority's statistical neighbours only. */
  neighbourDonors: boolean;
}

export interface UrlState {
  /** Focus LA (DfE number). */
  la?: string;
  peers: PeerChoice;
  /** Members of a custom set (DfE numbers), when peers is "custom". */
  custom: string[];
  /** A saved comparator set's link id, when peers is "saved". */
  savedSet?: string;
  metric?: string;
  period?: number;
  /** Relationships: horizontal and vertical metrics. */
  x?: string;
  y?: string;
  /** Profile and relationships: reporting year. */
  year?: number;
  view: View;
  /** Map: colour by quartile band (default) or on a continuous scale. */
  scale: 'quartile' | 'continuous';
  /** Evaluation page. */
  evaluation: EvaluationState;
  /** Forecast page. */
  forecast: ForecastState;
}

export const MAX_CUSTOM_PEERS = 30;

const LA_CODE = /^(\d{3}|E\d{8})$/;
const METRIC_ID = /^[a-z][a-z0-9_]{0,80}$/;
/** A saved comparator set's or view's link id (the API's 16 characters). */
export const LINK_ID = /^[A-Za-z0-9_-]{16}$/;

function intParam(value: string | null): number | undefined {
  if (value === null || !/^\d{4,6}$/.test(value)) return undefined;
  return Number(value);
}

function metricParam(value: string | null): string | undefined {
  return value !== null && METRIC_ID.test(value) ? value : undefined;
}

const COHORT_ID = /^(dbv|safety_valve)(:[0-9a-z-]{1,10})?$/;
const START_OVERRIDE = /^((?:dbv|safety_valve):[0-9a-z-]{1,10})@(\d{4})-(\d{2})$/;

function boundedInt(value: string | null, min: number, max: number): number | undefined {
  if (value === null || !/^\d{1,10}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= min && n <= max ? n : undefined;
}

/** The evaluation part of a query string, ignoring anything malformed. */
export function parseEvaluationState(params: URLSearchParams): EvaluationState {
  const cohort = params.get('cohort');
  const transform = params.get('transform') as EvaluationTransformChoice | null;
  const comparison = params.get('comparison') as EvaluationComparisonChoice | null;
  const starts: StartOverride[] = [];
  for (const part of (params.get('starts') ?? '').split(',')) {
    const match = START_OVERRIDE.exec(part.trim());
    if (!match) continue;
    const [year, month] = [Number(match[2]), Number(match[3])];
    if (month >= 1 && month <= 12 && !starts.some((s) => s.id === match[1])) starts.push({ id: match[1], year, month });
  }
  const focus = params.get('focus');
  return {
    cohort: cohort && COHORT_ID.test(cohort) ? cohort : undefined,
    transform: transform && (EVALUATION_TRANSFORMS as readonly string[]).includes(transform) ? transform : 'level',
    comparison: comparison && (EVALUATION_COMPARISONS as readonly string[]).includes(comparison) ? comparison : 'no-programme',
    notYetTreated: params.get('timing') === 'not-yet-treated',
    starts,
    from: intParam(params.get('from')),
    to: intParam(params.get('to')),
    base: intParam(params.get('base')),
    straddle: params.get('straddle') === 'yes',
    draws: boundedInt(params.get('draws'), EVALUATION_DRAWS.min, EVALUATION_DRAWS.max),
    seed: boundedInt(params.get('seed'), 0, MAX_SEED),
    focus: focus && LA_CODE.test(focus) ? focus : undefined,
    neighbourDonors: params.get('donors') === 'neighbours',
  };
}

function writeEvaluationState(params: URLSearchParams, state: Partial<EvaluationState>): void {
  if (state.cohort) params.set('cohort', state.cohort);
  if (state.transform && state.transform !== 'level') params.set('transform', state.transform);
  if (state.comparison && state.comparison !== 'no-programme') params.set('comparison', state.comparison);
  if (state.notYetTreated) params.set('timing', 'not-yet-treated');
  if (state.starts?.length) params.set('starts', state.starts.map((s) => `${s.id}@${s.year}-${String(s.month).padStart(2, '0')}`).join(','));
  if (state.from) params.set('from', String(state.from));
  if (state.to) params.set('to', String(state.to));
  if (state.base) params.set('base', String(state.base));
  if (state.straddle) params.set('straddle', 'yes');
  if (state.draws !== undefined && state.draws !== EVALUATION_DRAWS.default) params.set('draws', String(state.draws));
  if (state.seed !== undefined && state.seed !== DEFAULT_EVALUATION_SEED) params.set('seed', String(state.seed));
  if (state.focus) params.set('focus', state.focus);
  if (state.focus && state.neighbourDonors) params.set('donors', 'neighbours');
}

/** The page a path shows ('/' is start; unknown paths are undefined). */
export function pageOfPath(pathname: string): Page | undefined {
  const clean = pathname.replace(/\/+$/, '') || '/';
  return PAGES.find((page) => PAGE_PATHS[page] === clean);
}

/** Reads state from a query string, ignoring anything malformed. */
export function parseState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const la = params.get('la') ?? undefined;
  const peers = params.get('peers') as PeerChoice | null;
  const custom = (params.get('custom') ?? '')
    .split(',')
    .map((code) => code.trim())
    .filter((code) => LA_CODE.test(code));
  const savedSet = params.get('set');
  return {
    la: la && LA_CODE.test(la) ? la : undefined,
    peers: peers && (PEER_CHOICES as readonly string[]).includes(peers) ? peers : 'sn',
    custom: [...new Set(custom)].slice(0, MAX_CUSTOM_PEERS),
    savedSet: savedSet && LINK_ID.test(savedSet) ? savedSet : undefined,
    metric: metricParam(params.get('metric')),
    period: intParam(params.get('period')),
    x: metricParam(params.get('x')),
    y: metricParam(params.get('y')),
    year: intParam(params.get('year')),
    view: params.get('view') === 'table' ? 'table' : 'chart',
    scale: params.get('scale') === 'continuous' ? 'continuous' : 'quartile',
    evaluation: parseEvaluationState(params),
    forecast: parseForecastState(params),
  };
}

/** Writes state as a query string, in a fixed order and without defaults ("?la=886&peers=region"). */
export function stateToSearch(state: Partial<UrlState>): string {
  const params = new URLSearchParams();
  if (state.la) params.set('la', state.la);
  if (state.peers && state.peers !== 'sn') params.set('peers', state.peers);
  if (state.peers === 'custom' && state.custom?.length) params.set('custom', state.custom.join(','));
  if (state.peers === 'saved' && state.savedSet) params.set('set', state.savedSet);
  if (state.metric) params.set('metric', state.metric);
  if (state.period) params.set('period', String(state.period));
  if (state.x) params.set('x', state.x);
  if (state.y) params.set('y', state.y);
  if (state.year) params.set('year', String(state.year));
  if (state.scale === 'continuous') params.set('scale', 'continuous');
  if (state.evaluation) writeEvaluationState(params, state.evaluation);
  if (state.forecast) writeForecastState(params, state.forecast);
  if (state.view === 'table') params.set('view', 'table');
  const text = params.toString().replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%40/g, '@');
  return text ? `?${text}` : '';
}

/** A link to a page carrying the state that is shared between pages (authority and comparator set). */
export function hrefFor(page: Page, state: Partial<UrlState> = {}): string {
  return `${PAGE_PATHS[page]}${stateToSearch(state)}`;
}

/** The catalogue entry of a metric. */
export function metricHref(id: string): string {
  return `${PAGE_PATHS.metrics}#${id}`;
}

/** The part of the state every page shares. */
export function sharedState(state: UrlState): Partial<UrlState> {
  return { la: state.la, peers: state.peers, custom: state.custom, savedSet: state.savedSet };
}

/** The API's PeerSelector for a choice (undefined when the choice needs an authority that is missing). */
export interface PeerSelectorInput {
  /** Absent for a saved set, which the API names by `savedSetId` alone. */
  kind?: 'STATISTICAL_NEIGHBOURS' | 'REGION' | 'DBV' | 'SAFETY_VALVE' | 'ENGLAND' | 'CUSTOM';
  tranche?: number;
  codes?: string[];
  of?: string;
  savedSetId?: string;
}

export function peerSelector(state: Pick<UrlState, 'la' | 'peers' | 'custom' | 'savedSet'>): PeerSelectorInput | undefined {
  switch (state.peers) {
    case 'sn':
      return state.la ? { kind: 'STATISTICAL_NEIGHBOURS' } : undefined;
    case 'region':
      return state.la ? { kind: 'REGION' } : undefined;
    case 'dbv':
      return { kind: 'DBV' };
    case 'dbv-1':
    case 'dbv-2':
    case 'dbv-3':
      return { kind: 'DBV', tranche: Number(state.peers.slice(-1)) };
    case 'safety-valve':
      return { kind: 'SAFETY_VALVE' };
    case 'england':
      return { kind: 'ENGLAND' };
    case 'custom':
      return state.custom.length ? { kind: 'CUSTOM', codes: state.custom } : undefined;
    case 'saved':
      return state.savedSet ? { savedSetId: state.savedSet } : undefined;
  }
}

/** The choice a selector came from when the chosen set cannot be used (no authority, empty custom list). */
export function effectivePeers(state: Pick<UrlState, 'la' | 'peers' | 'custom' | 'savedSet'>): PeerSelectorInput {
  return peerSelector(state) ?? { kind: 'ENGLAND' };
}

/** The API's peer group id for a choice ("statistical_neighbours:886", "dbv:2"); a region needs its code. */
export function peerGroupId(choice: PeerChoice, la: string | undefined, regionCode?: string): string | undefined {
  switch (choice) {
    case 'sn':
      return la ? `statistical_neighbours:${la}` : undefined;
    case 'region':
      return regionCode ? `region:${regionCode}` : undefined;
    case 'dbv':
      return 'dbv';
    case 'dbv-1':
    case 'dbv-2':
    case 'dbv-3':
      return `dbv:${choice.slice(-1)}`;
    case 'safety-valve':
      return 'safety_valve';
    case 'england':
      return 'england';
    case 'custom':
    case 'saved':
      return undefined;
  }
}
