import { ENGLAND_CODE } from '@sendbench/schema';
import type { Db } from '../../db/database';
import type { QualityFlagRow } from '../../derived/quality-flag.repository';
import { selectDataState, selectReferenceRows } from './reference.repository';

export interface AuthorityRecord {
  code: string;
  name: string;
  onsCode: string;
  regionCode: string;
  isCurrent: boolean;
  firstPeriod: number | null;
  lastPeriod: number | null;
  notes: string | null;
  /** Every code that names this LA: its DfE number and all E-codes seen. */
  codes: string[];
}

export interface AreaRecord {
  code: string;
  level: 'national' | 'regional' | 'local_authority';
  name: string;
  regionCode: string | null;
}

export interface ProgrammeRecord {
  programme: 'dbv' | 'safety_valve';
  cohort: string;
  laCode: string;
  source: string;
  listIncomplete: boolean;
  note: string | null;
}

export interface NeighbourRecord {
  model: string;
  rank: number;
  code: string;
  proximity: string;
}

type ReferenceRows = Awaited<ReturnType<typeof selectReferenceRows>>;

const collator = new Intl.Collator();

/** LAs by name, then code (one collator: String#localeCompare costs far more per call). */
export const byName = (a: AuthorityRecord, b: AuthorityRecord): number => collator.compare(a.name, b.name) || collator.compare(a.code, b.code);

/**
 * An immutable picture of the reference data (areas, LAs, codes, programmes, neighbours, periods
 * with data) for one data version. Small (a few hundred rows), so requests read it from memory;
 * it is rebuilt when an import changes the data version, which every request checks.
 */
export class ReferenceSnapshot {
  readonly authorities = new Map<string, AuthorityRecord>();
  readonly areas = new Map<string, AreaRecord>();
  private readonly aliases = new Map<string, string>();
  readonly programmes: ProgrammeRecord[] = [];
  readonly neighbours = new Map<string, NeighbourRecord[]>();
  readonly predecessors: { predecessor: string; successor: string; fromPeriod: number; note: string }[] = [];
  readonly metricPeriods = new Map<string, { all: number[]; localAuthority: number[] }>();
  readonly neighbourModel: string | null;
  /** The automatic data-quality flags (a few hundred), by `${metric}|${area}|${period}`. */
  readonly qualityFlags = new Map<string, QualityFlagRow>();

  constructor(
    readonly version: string,
    // Flags are optional so that a snapshot built by hand (tests) need not list any.
    rows: Omit<ReferenceRows, 'qualityFlags'> & Partial<Pick<ReferenceRows, 'qualityFlags'>>,
    /** The version with when it was set (selectDataState): what caches key on. */
    readonly stamp: string = version,
  ) {
    for (const a of rows.areas) this.areas.set(a.code, { code: a.code, level: a.level, name: a.name, regionCode: a.region_code });
    const aliasesOf = new Map<string, string[]>();
    for (const alias of rows.aliases) {
      this.aliases.set(alias.code.toUpperCase(), alias.la_code);
      const codes = aliasesOf.get(alias.la_code);
      if (codes) codes.push(alias.code);
      else aliasesOf.set(alias.la_code, [alias.code]);
    }
    for (const la of rows.authorities) {
      const codes = aliasesOf.get(la.la_code) ?? [];
      this.authorities.set(la.la_code, {
        code: la.la_code,
        name: la.name,
        onsCode: la.ons_code,
        regionCode: la.region_code,
        isCurrent: la.is_current,
        firstPeriod: la.first_period,
        lastPeriod: la.last_period,
        notes: la.notes,
        codes: [la.la_code, ...codes.filter((c) => c !== la.la_code).sort()],
      });
      this.aliases.set(la.la_code, la.la_code);
    }
    for (const p of rows.programmes) {
      this.programmes.push({ programme: p.programme, cohort: p.cohort, laCode: p.la_code, source: p.source, listIncomplete: p.list_incomplete, note: p.note });
    }
    for (const n of rows.neighbours) {
      const list = this.neighbours.get(n.la_code) ?? [];
      list.push({ model: n.model, rank: n.rank, code: n.neighbour_code, proximity: n.proximity });
      this.neighbours.set(n.la_code, list);
    }
    for (const p of rows.predecessors) this.predecessors.push({ predecessor: p.predecessor_code, successor: p.successor_code, fromPeriod: p.from_period, note: p.note });
    for (const p of rows.periods) this.metricPeriods.set(p.metric_id, { all: p.periods.map(Number), localAuthority: p.la_periods.map(Number) });
    this.neighbourModel = rows.neighbours.map((n) => n.model).sort().at(-1) ?? null;
    for (const f of rows.qualityFlags ?? []) this.qualityFlags.set(`${f.metric_id}|${f.area_code}|${f.period}`, f);
  }

  /** The automatic data-quality flag on a value, if it has one. */
  qualityFlag(metricId: string, areaCode: string, period: number): QualityFlagRow | undefined {
    return this.qualityFlags.get(`${metricId}|${areaCode}|${period}`);
  }

  /** An LA by DfE number or any E-code alias (case-insensitive), or undefined. */
  authority(code: string): AuthorityRecord | undefined {
    const laCode = this.aliases.get(code.trim().toUpperCase());
    return laCode ? this.authorities.get(laCode) : undefined;
  }

  /** Any area by code: LA (any alias), region or England. */
  area(code: string): AreaRecord | undefined {
    const la = this.authority(code);
    if (la) return this.areas.get(la.code);
    return this.areas.get(code.trim().toUpperCase());
  }

  currentAuthorities(): AuthorityRecord[] {
    return [...this.authorities.values()].filter((a) => a.isCurrent);
  }

  private currentByName?: readonly AuthorityRecord[];

  /** Current LAs by name (then code): sorted once per snapshot, not once per request (15,300 names at ×100 areas). */
  currentAuthoritiesByName(): readonly AuthorityRecord[] {
    return (this.currentByName ??= this.currentAuthorities().sort(byName));
  }

  neighboursOf(laCode: string): NeighbourRecord[] {
    return (this.neighbours.get(laCode) ?? []).filter((n) => n.model === this.neighbourModel);
  }

  programmesOf(laCode: string): ProgrammeRecord[] {
    return this.programmes.filter((p) => p.laCode === laCode);
  }

  periodsOf(metricId: string): number[] {
    return this.metricPeriods.get(metricId)?.all ?? [];
  }

  /** Periods in which at least one LA has a value (a comparison needs LAs). */
  laPeriodsOf(metricId: string): number[] {
    return this.metricPeriods.get(metricId)?.localAuthority ?? [];
  }

  get england(): AreaRecord {
    return this.areas.get(ENGLAND_CODE)!;
  }
}

/**
 * Holds the latest snapshot; `current(db)` costs one indexed read (the data version) per call and
 * rebuilds the snapshot only when the version moved, so a new import is visible at once on every
 * process reading the same database.
 */
export class ReferenceCache {
  private snapshot?: ReferenceSnapshot;
  private loading?: Promise<ReferenceSnapshot>;

  async current(db: Db): Promise<ReferenceSnapshot> {
    const { version, stamp } = await selectDataState(db);
    if (this.snapshot?.stamp === stamp) return this.snapshot;
    if (!this.loading) {
      this.loading = selectReferenceRows(db)
        .then((rows) => (this.snapshot = new ReferenceSnapshot(version, rows, stamp)))
        .finally(() => (this.loading = undefined));
    }
    return this.loading;
  }
}
