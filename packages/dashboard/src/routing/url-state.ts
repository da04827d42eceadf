/**
 * The whole state of a view lives in the URL, so a copied link reopens the same view and back and
 * forward work. This module is the one place that reads and writes it.
 */

export const PAGES = ['start', 'profile', 'compare', 'trends', 'relationships', 'metrics', 'data'] as const;
export type Page = (typeof PAGES)[number];

export const PAGE_PATHS: Readonly<Record<Page, string>> = {
  start: '/',
  profile: '/profile',
  compare: '/compare',
  trends: '/trends',
  relationships: '/relationships',
  // The server owns /metrics (Prometheus), so the catalogue lives at /catalogue.
  metrics: '/catalogue',
  data: '/data',
};

/** Comparator sets as the URL names them. */
export const PEER_CHOICES = ['sn', 'region', 'dbv', 'dbv-1', 'dbv-2', 'dbv-3', 'safety-valve', 'england', 'custom'] as const;
export type PeerChoice = (typeof PEER_CHOICES)[number];

export type View = 'chart' | 'table';

export interface UrlState {
  /** Focus LA (DfE number). */
  la?: string;
  peers: PeerChoice;
  /** Members of a custom set (DfE numbers), when peers is "custom". */
  custom: string[];
  metric?: string;
  period?: number;
  /** Relationships: horizontal and vertical metrics. */
  x?: string;
  y?: string;
  /** Profile and relationships: reporting year. */
  year?: number;
  view: View;
}

export const MAX_CUSTOM_PEERS = 30;

const LA_CODE = /^(\d{3}|E\d{8})$/;
const METRIC_ID = /^[a-z][a-z0-9_]{0,80}$/;

function intParam(value: string | null): number | undefined {
  if (value === null || !/^\d{4,6}$/.test(value)) return undefined;
  return Number(value);
}

function metricParam(value: string | null): string | undefined {
  return value !== null && METRIC_ID.test(value) ? value : undefined;
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
  return {
    la: la && LA_CODE.test(la) ? la : undefined,
    peers: peers && (PEER_CHOICES as readonly string[]).includes(peers) ? peers : 'sn',
    custom: [...new Set(custom)].slice(0, MAX_CUSTOM_PEERS),
    metric: metricParam(params.get('metric')),
    period: intParam(params.get('period')),
    x: metricParam(params.get('x')),
    y: metricParam(params.get('y')),
    year: intParam(params.get('year')),
    view: params.get('view') === 'table' ? 'table' : 'chart',
  };
}

/** Writes state as a query string, in a fixed order and without defaults ("?la=886&peers=region"). */
export function stateToSearch(state: Partial<UrlState>): string {
  const params = new URLSearchParams();
  if (state.la) params.set('la', state.la);
  if (state.peers && state.peers !== 'sn') params.set('peers', state.peers);
  if (state.peers === 'custom' && state.custom?.length) params.set('custom', state.custom.join(','));
  if (state.metric) params.set('metric', state.metric);
  if (state.period) params.set('period', String(state.period));
  if (state.x) params.set('x', state.x);
  if (state.y) params.set('y', state.y);
  if (state.year) params.set('year', String(state.year));
  if (state.view === 'table') params.set('view', 'table');
  const text = params.toString().replace(/%2C/g, ',');
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
  return { la: state.la, peers: state.peers, custom: state.custom };
}

/** The API's PeerSelector for a choice (undefined when the choice needs an authority that is missing). */
export interface PeerSelectorInput {
  kind: 'STATISTICAL_NEIGHBOURS' | 'REGION' | 'DBV' | 'SAFETY_VALVE' | 'ENGLAND' | 'CUSTOM';
  tranche?: number;
  codes?: string[];
  of?: string;
}

export function peerSelector(state: Pick<UrlState, 'la' | 'peers' | 'custom'>): PeerSelectorInput | undefined {
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
  }
}

/** The choice a selector came from when the chosen set cannot be used (no authority, empty custom list). */
export function effectivePeers(state: Pick<UrlState, 'la' | 'peers' | 'custom'>): PeerSelectorInput {
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
      return undefined;
  }
}
