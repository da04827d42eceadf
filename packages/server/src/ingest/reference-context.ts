import type { Db } from '../db/database';

export interface KnownAuthority {
  laCode: string;
  name: string;
  regionCode: string;
  isCurrent: boolean;
  firstPeriod: number | null;
}

/**
 * What validation needs to know about places: the LAs (by DfE number), every code alias, the
 * regions. Read once per import from the database.
 */
export class ReferenceContext {
  constructor(
    readonly authorities: ReadonlyMap<string, KnownAuthority>,
    /** Any code (DfE number, E-code) → DfE number. */
    readonly aliases: ReadonlyMap<string, string>,
    readonly regions: ReadonlySet<string>,
  ) {}

  static async load(db: Db): Promise<ReferenceContext> {
    const [las, aliases, regions] = await Promise.all([
      db.selectFrom('local_authority').select(['la_code', 'name', 'region_code', 'is_current', 'first_period']).execute(),
      db.selectFrom('la_code_alias').select(['code', 'la_code']).execute(),
      db.selectFrom('area').select('code').where('level', '=', 'regional').execute(),
    ]);
    return new ReferenceContext(
      new Map(
        las.map((la) => [
          la.la_code,
          { laCode: la.la_code, name: la.name, regionCode: la.region_code, isCurrent: la.is_current, firstPeriod: la.first_period },
        ]),
      ),
      new Map(aliases.map((a) => [a.code, a.la_code])),
      new Set(regions.map((r) => r.code)),
    );
  }
}

/**
 * A name reduced to letters for matching across publications: "Bristol, City of" ~ "Bristol",
 * "St. Helens" ~ "St Helens", "Durham" ~ "County Durham", footnote digits dropped ("Cumbria8").
 */
export function normaliseLaName(name: string): string {
  let s = name.trim().replace(/[\d,]+$/, '').toLowerCase().replace(/&/g, 'and').replace(/\./g, '');
  s = s.replace(/,?\s+(city|county) of$/, '');
  if (s !== 'city of london') s = s.replace(/^(city of|county)\s+/, '');
  return s.replace(/[^a-z]/g, '');
}

/** Finds an LA by name, preferring a current LA over a predecessor of the same name (Dorset). */
export function findLaByName(context: ReferenceContext, name: string, options: { preferCurrent: boolean } = { preferCurrent: true }): KnownAuthority | undefined {
  const wanted = normaliseLaName(name);
  const matches = [...context.authorities.values()].filter((la) => normaliseLaName(la.name) === wanted);
  if (matches.length <= 1) return matches[0];
  return matches.find((la) => la.isCurrent === options.preferCurrent) ?? matches[0];
}
