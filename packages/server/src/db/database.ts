import type { ColumnType, Generated, Kysely } from 'kysely';

/** Row types of every table, as Kysely sees them. Migrations in ./migrations define them. */

export interface AreaTable {
  /** DfE 3-digit number for LAs (e.g. '886'), ONS code for regions and England. */
  code: string;
  level: 'national' | 'regional' | 'local_authority';
  name: string;
  /** The region an LA belongs to; the parent region of Inner/Outer London. */
  region_code: string | null;
}

export interface LocalAuthorityTable {
  la_code: string;
  name: string;
  ons_code: string;
  region_code: string;
  is_current: boolean;
  first_period: number | null;
  last_period: number | null;
  notes: string | null;
  release_id: number;
}

export interface LaCodeAliasTable {
  code: string;
  la_code: string;
  /** 'dfe' (the 3-digit number), 'ons_current', 'sen2' (E-code used in SEN2), 'seen' (found in a release). */
  kind: string;
  release_id: number | null;
}

export interface LaPredecessorTable {
  predecessor_code: string;
  successor_code: string;
  /** First period (academic-year code) in which the successor reports. */
  from_period: number;
  note: string;
}

export interface ProgrammeMembershipTable {
  programme: 'dbv' | 'safety_valve';
  /** DBV tranche ('1', '2', '3') or Safety Valve agreement year ('2022-23'). */
  cohort: string;
  la_code: string;
  source: string;
  list_incomplete: boolean;
  note: string | null;
  release_id: number;
}

export interface StatisticalNeighbourTable {
  model: string;
  la_code: string;
  rank: number;
  neighbour_code: string;
  proximity: string;
  release_id: number;
}

export interface ReleaseTable {
  id: Generated<number>;
  dataset: string;
  publication: string;
  file_name: string;
  sha256: string;
  /** Latest period in the file: a newer edition of the same dataset replaces older figures. */
  edition: number;
  rows_read: number;
  rows_loaded: number;
  observations: number;
  warnings: ColumnType<string[], string[] | undefined, string[]>;
  imported_at: ColumnType<Date, Date | string | undefined, never>;
  duration_ms: number;
  status: 'loaded' | 'superseded';
  superseded_by: number | null;
}

export interface SeriesTable {
  id: Generated<number>;
  dataset: string;
  measure: string;
  breakdown: string;
}

export interface ObservationTable {
  series_id: number;
  area_code: string;
  period: number;
  value: number | null;
  status: string;
  release_id: number;
}

export interface MetricValueTable {
  metric_id: string;
  area_code: string;
  period: number;
  value: number | null;
  status: string;
  numerator: number | null;
  denominator: number | null;
  /** True when a region or England value was summed from LA rows because none is published. */
  aggregated: boolean;
  release_ids: number[];
}

/** The periods in which a metric has a figure (la_value: an LA has one); kept with metric_value. */
export interface MetricPeriodTable {
  metric_id: string;
  period: number;
  la_value: boolean;
}

/** Each current LA's place in England's set, per metric period with a value (features/comparisons/england-set.repository.ts). */
export interface EnglandRankTable {
  metric_id: string;
  period: number;
  /** Competition rank, highest value first. */
  rank: number;
  area_code: string;
  /** 1 + the LAs with a lower value. */
  position: number;
}

/** A set's statistics as kept at import (england_statistics, neighbour_statistics). */
export interface KeptStatisticsColumns {
  with_value: number;
  quartiles: number[] | null;
  min: number | null;
  max: number | null;
  numerators: number;
  numerator_sum: number | null;
  pairs: number;
  pair_numerator: number | null;
  pair_denominator: number | null;
}

/** England's set's statistics per metric period, kept with england_rank. */
export interface EnglandStatisticsTable extends KeptStatisticsColumns {
  metric_id: string;
  period: number;
}

/** Each LA's neighbour set per metric period, with the LA's place in it (features/profiles/neighbour-set.repository.ts). */
export interface NeighbourStatisticsTable extends KeptStatisticsColumns {
  la_code: string;
  metric_id: string;
  period: number;
  /** The LA's competition rank, highest value first; null when it has no value. */
  rank: number | null;
  /** 1 + the members with a lower value; null when the LA has no value. */
  position: number | null;
}

/** The forecast's inputs by area (derived/forecast-inputs.repository.ts): published series copied, and England's S251 line sums. */
export interface ForecastInputTable {
  area_code: string;
  /** The data set the figure comes from. */
  source: string;
  measure: string;
  breakdown: string;
  period: number;
  value: number | null;
}

/** A year-on-year change the automatic rule marks "check" (derived/quality-flag.repository.ts); the value itself is unchanged. */
export interface QualityFlagTable {
  metric_id: string;
  area_code: string;
  period: number;
  previous_period: number;
  value: number;
  previous_value: number;
  /** ln(value ÷ previous_value). */
  log_change: number;
  own_median: number;
  own_scale: number;
  own_changes: number;
  england_median: number;
  england_scale: number;
  england_changes: number;
  z_own: number;
  z_england: number;
}

export interface DataStateTable {
  id: number;
  /** Incremented by every import that changes data: the key of response caches. */
  version: ColumnType<string, number | string, number | string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** A browser's server-side session (migration 0009): before sign-in it holds the PKCE verifier, after it the principal. */
export interface UserSessionTable {
  /** SHA-256 (base64url) of the cookie's random token: a stolen database copy holds no usable cookie. */
  id_hash: string;
  /** The signed-in principal, or null while the sign-in is under way. */
  subject: string | null;
  name: string | null;
  email: string | null;
  role: string | null;
  la_code: string | null;
  /** The sign-in under way: OAuth state, nonce, PKCE code verifier and where to return. */
  pending: ColumnType<{ state: string; nonce: string; codeVerifier: string; returnTo: string } | null, string | null, string | null>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  /** When the session last served a request (to the minute): idle past SESSION_IDLE_SECONDS, it has ended. */
  last_seen_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** The last role each subject signed in with, to notice role changes (migration 0009). */
export interface AccountTable {
  subject: string;
  role: string;
  la_code: string | null;
  last_sign_in_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** Append-only audit log (migration 0009): a trigger refuses UPDATE and DELETE. */
export interface AuditEventTable {
  id: Generated<string>;
  at: ColumnType<Date, Date | string | undefined, never>;
  event: string;
  subject: string | null;
  role: string | null;
  la_code: string | null;
  request_id: string | null;
  detail: ColumnType<Record<string, unknown>, string, never>;
}

/** Who may read a saved set or view besides its owner: no one, or any signed-in user with its link id. */
export type SavedVisibility = 'private' | 'link';

/** A named comparator set of 1–30 LAs (migration 0011). */
export interface ComparatorSetTable {
  /** The link id (random, unguessable). */
  id: string;
  /** The owner's subject. */
  owner: string;
  name: string;
  /** 3-digit DfE LA codes, in the owner's order. */
  codes: string[];
  visibility: SavedVisibility;
  /** 1 when created, +1 on every edit. */
  version: ColumnType<number, number | undefined, number>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** A page's URL state with a name (migration 0011). */
export interface SavedViewTable {
  id: string;
  owner: string;
  name: string;
  /** The page's path, e.g. "/compare". */
  path: string;
  /** The query string, "" or starting with "?". */
  search: string;
  visibility: SavedVisibility;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** One row: bumped by every change to any comparator set (the response cache keys saved-set answers on it). */
export interface SavedSetRevisionTable {
  id: number;
  revision: ColumnType<string, number | string, number | string>;
}

/** One provisional upload (migration 0010): an LA's own figures for one data set, before publication. */
export interface ProvisionalUploadTable {
  id: Generated<string>;
  la_code: string;
  dataset: string;
  /** 1, 2, … per LA and data set. */
  version: number;
  uploader_subject: string;
  uploaded_at: ColumnType<Date, Date | string | undefined, never>;
  sha256: string;
  status: 'active' | 'superseded' | 'withdrawn';
  shared_with_dfe: ColumnType<boolean, boolean | undefined, boolean>;
  shared_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  withdrawn_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  file_name: string;
  row_count: number;
}

/** An uploaded figure as read (migration 0010). */
export interface ProvisionalObservationTable {
  upload_id: string;
  dataset: string;
  measure: string;
  breakdown: string;
  period: number;
  value: number | null;
  status: string;
}

/** A metric value derived from an upload, published figures filling what it does not cover (migration 0010). */
export interface ProvisionalMetricValueTable {
  upload_id: string;
  metric_id: string;
  period: number;
  value: number | null;
  status: string;
  numerator: number | null;
  denominator: number | null;
}

/** Bumped by every upload, share and withdrawal: signed-in callers' cached answers key on it. */
export interface ProvisionalStateTable {
  id: number;
  version: ColumnType<string, number | string, number | string>;
}

export interface Database {
  area: AreaTable;
  local_authority: LocalAuthorityTable;
  la_code_alias: LaCodeAliasTable;
  la_predecessor: LaPredecessorTable;
  programme_membership: ProgrammeMembershipTable;
  statistical_neighbour: StatisticalNeighbourTable;
  release: ReleaseTable;
  series: SeriesTable;
  observation: ObservationTable;
  metric_value: MetricValueTable;
  metric_period: MetricPeriodTable;
  england_rank: EnglandRankTable;
  england_statistics: EnglandStatisticsTable;
  neighbour_statistics: NeighbourStatisticsTable;
  forecast_input: ForecastInputTable;
  quality_flag: QualityFlagTable;
  data_state: DataStateTable;
  user_session: UserSessionTable;
  account: AccountTable;
  audit_event: AuditEventTable;
  comparator_set: ComparatorSetTable;
  saved_view: SavedViewTable;
  saved_set_revision: SavedSetRevisionTable;
  provisional_upload: ProvisionalUploadTable;
  provisional_observation: ProvisionalObservationTable;
  provisional_metric_value: ProvisionalMetricValueTable;
  provisional_state: ProvisionalStateTable;
}

export type Db = Kysely<Database>;
