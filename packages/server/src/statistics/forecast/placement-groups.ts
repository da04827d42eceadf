import { ForecastInputError, requireCount } from './forecast-input-error';

/**
 * The five placement groups of the forecast, in display order: mainstream (including resourced
 * provision and SEN units), state-funded special, independent and non-maintained special, post-16
 * and FE, and other or none. Which SEN2 columns fall in each is data in mapping.ts.
 */
export const PLACEMENT_GROUPS = ['mainstream', 'stateSpecial', 'independentSpecial', 'post16', 'other'] as const;

export type PlacementGroup = (typeof PLACEMENT_GROUPS)[number];

/** A number per placement group. */
export type ByGroup = Record<PlacementGroup, number>;

/** The groups other than `other`, which takes the remainder so that groups always add up to their total. */
const NAMED_GROUPS = PLACEMENT_GROUPS.filter((g) => g !== 'other');

/**
 * Each group's share of the total plans at one January. The shares of the named groups are
 * count / total; `other` is 1 minus their sum, so it absorbs placements SEN2 does not list (before
 * 2023 the published columns fall short of the total by about 1%).
 * @example groupShares({ mainstream: 50, stateSpecial: 30, independentSpecial: 5, post16: 10, other: 5 }, 100)
 * // { mainstream: 0.5, stateSpecial: 0.3, independentSpecial: 0.05, post16: 0.1, other: 0.05 }
 */
export function groupShares(counts: ByGroup, total: number, field = 'groups'): ByGroup {
  requireCount(total, `${field}.total`);
  if (!(total > 0)) throw new ForecastInputError(`${field}.total`, 'must be > 0 to give shares');
  const shares = {} as ByGroup;
  let named = 0;
  for (const group of NAMED_GROUPS) {
    shares[group] = requireCount(counts[group], `${field}.${group}`) / total;
    named += shares[group];
  }
  if (named > 1 + 1e-9) throw new ForecastInputError(field, `the placement groups add up to more than the total (${named * total} > ${total})`);
  shares.other = Math.max(0, 1 - named);
  return shares;
}

/**
 * Splits `total` by `shares`: each named group gets share × total and `other` the remainder, so the
 * groups add up to `total` to within one rounding step (no integer rounding is done; round only for
 * display). The remainder is never below 0.
 * @example splitByShares(200, { mainstream: 0.5, stateSpecial: 0.3, independentSpecial: 0.05, post16: 0.1, other: 0.05 })
 * // { mainstream: 100, stateSpecial: 60, independentSpecial: 10, post16: 20, other: 10 }
 */
export function splitByShares(total: number, shares: ByGroup): ByGroup {
  const split = {} as ByGroup;
  let named = 0;
  for (const group of NAMED_GROUPS) {
    split[group] = shares[group] * total;
    named += split[group];
  }
  split.other = Math.max(0, total - named);
  return split;
}

/**
 * Adds the groups up in display order.
 * @example sumGroups({ mainstream: 1, stateSpecial: 2, independentSpecial: 3, post16: 4, other: 5 }) // 15
 */
export function sumGroups(values: ByGroup): number {
  return PLACEMENT_GROUPS.reduce((total, group) => total + values[group], 0);
}

/**
 * The same number for every group.
 * @example fillGroups(0).post16 // 0
 */
export function fillGroups(value: number): ByGroup {
  return { mainstream: value, stateSpecial: value, independentSpecial: value, post16: value, other: value };
}
