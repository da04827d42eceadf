import { ForecastInputError, requireCount, requireInRange } from './forecast-input-error';
import type { PlansYear } from './levers';
import { type ByGroup, PLACEMENT_GROUPS, type PlacementGroup } from './placement-groups';

/** S251 outturn by line (column name → £); null where the line is suppressed or missing. */
export type OutturnLines = Readonly<Record<string, number | null>>;

/** Which S251 lines make up each group's spend (mapping.ts has the proposed set and its sources). */
export type GroupLines = Readonly<Record<PlacementGroup, readonly string[]>>;

/** The January whose plans the 2021-22 outturn is divided by (it falls in financial year 2021-22). */
export const COST_BASE_JANUARY = 2022;

export interface UnitCostInputs {
  lines: GroupLines;
  /** The area's 2021-22 outturn and its plans by group at January 2022; null when not available. */
  area: { outturn: OutturnLines | null; plans: Readonly<Record<PlacementGroup, number | null>> | null };
  /** England's (the sum of LA outturns; plans from the national row): the fallback. */
  england: { outturn: OutturnLines; plans: ByGroup };
}

/** A group's cost per plan in 2021-22 £, and whose figures it came from. */
export interface UnitCost {
  group: PlacementGroup;
  perPlan: number;
  source: 'area' | 'england';
  /** The outturn (£) and plans divided. */
  outturn: number;
  plans: number;
  /** Why England's figure was used; null when the area's own was. */
  reason: string | null;
}

/** Why a group's own figures cannot give a unit cost, or the outturn total when they can. */
function groupOutturn(outturn: OutturnLines | null, lines: readonly string[], field: string): number | string {
  if (outturn === null) return 'no S251 2021-22 outturn for the area';
  let total = 0;
  for (const line of lines) {
    const value = outturn[line];
    if (value === null || value === undefined) return `S251 line ${line} is suppressed or missing`;
    if (!Number.isFinite(value)) throw new ForecastInputError(`${field}.${line}`, `must be a finite amount or null (got ${value})`);
    total += value;
  }
  if (!(total > 0)) return 'the outturn on these lines is zero or negative';
  return total;
}

/**
 * Each group's unit cost: S251 2021-22 outturn on the group's lines ÷ plans in the group at
 * January 2022. The area's own when all its lines are present, their sum is > 0 and it had plans in
 * the group; England's otherwise, with the reason. An unusable England figure is an error.
 * @example
 * unitCosts({ lines, area: { outturn: { topup_special: 2_000_000 }, plans: { stateSpecial: 100, … } }, england })
 *   .stateSpecial // { perPlan: 20000, source: 'area', reason: null, … }
 */
export function unitCosts(inputs: UnitCostInputs): Record<PlacementGroup, UnitCost> {
  const costs = {} as Record<PlacementGroup, UnitCost>;
  for (const group of PLACEMENT_GROUPS) {
    const lines = inputs.lines[group];
    if (lines.length === 0) throw new ForecastInputError(`lines.${group}`, 'needs at least one S251 line');
    const own = groupOutturn(inputs.area.outturn, lines, 'area.outturn');
    const ownPlans = inputs.area.plans === null ? null : inputs.area.plans[group];
    if (ownPlans !== null) requireCount(ownPlans, `area.plans.${group}`);
    if (typeof own === 'number' && ownPlans !== null && ownPlans > 0) {
      costs[group] = { group, perPlan: own / ownPlans, source: 'area', outturn: own, plans: ownPlans, reason: null };
      continue;
    }
    const england = groupOutturn(inputs.england.outturn, lines, 'england.outturn');
    if (typeof england === 'string') throw new ForecastInputError(`england.outturn`, `${group}: ${england}`);
    const englandPlans = requireCount(inputs.england.plans[group], `england.plans.${group}`);
    if (!(englandPlans > 0)) throw new ForecastInputError(`england.plans.${group}`, 'must be > 0');
    const reason = typeof own === 'string' ? own : ownPlans === null ? 'no plans by placement at January 2022 for the area' : 'the area had no plans in this group at January 2022';
    costs[group] = { group, perPlan: england / englandPlans, source: 'england', outturn: england, plans: englandPlans, reason };
  }
  return costs;
}

/**
 * A 2021-22 unit cost in the £ of the financial year holding January `year`: compounded at the
 * annual `rate` from 2021-22, perPlan × (1 + rate)^(year − 2022) (January 2026 is in 2025-26: 4 years).
 * @example upratedCost(10_000, 2026, 0.03) // 10000 × 1.03⁴ = 11255.0881
 */
export function upratedCost(perPlan: number, year: number, rate: number): number {
  return perPlan * (1 + rate) ** (year - COST_BASE_JANUARY);
}

/** Spend implied by one January's plans: plans × uprated unit cost, by group and in total (£ a year). */
export interface SpendYear {
  year: number;
  byGroup: ByGroup;
  total: number;
}

/**
 * Projected spend = Σ_g plans_g × unit cost_g uprated to the year. `upratingRate` is checked to be
 * from −0.5 to 0.5 (field `upratingRate`).
 * @example projectSpend([{ year: 2026, total: 10, groups }], costs, 0.03)[0].total // Σ groups[g] × perPlan_g × 1.03⁴
 */
export function projectSpend(plans: readonly PlansYear[], costs: Record<PlacementGroup, UnitCost>, upratingRate: number): SpendYear[] {
  requireInRange(upratingRate, -0.5, 0.5, 'upratingRate');
  return plans.map((year) => {
    const byGroup = {} as ByGroup;
    let total = 0;
    for (const group of PLACEMENT_GROUPS) {
      byGroup[group] = year.groups[group] * upratedCost(costs[group].perPlan, year.year, upratingRate);
      total += byGroup[group];
    }
    return { year: year.year, byGroup, total };
  });
}

/**
 * The most the API accepts as the cost of meeting one child's needs at SEN support (2021-22 £ a
 * year): well above any plausible figure, so a larger one is a typing slip.
 */
export const MAX_SEN_SUPPORT_COST = 50_000;

/**
 * What meeting diverted needs at SEN support costs: the children met there instead of with a plan
 * at each January (MitigatedYear.divertedStock) × the cost per child, uprated as the unit costs are.
 * Without it the mitigated spend counts a diverted child as costing nothing, which overstates the
 * saving. The cost falls mostly on schools' notional SEN budgets, not on the 1.2.x lines.
 * `perChild` is checked to be from 0 to MAX_SEN_SUPPORT_COST (field `senSupportCost`).
 * @example senSupportSpend([{ year: 2026, divertedStock: 100 }], 6_000, 0.03) // [{ year: 2026, total: 100 × 6000 × 1.03⁴ }]
 */
export function senSupportSpend(years: readonly { year: number; divertedStock: number }[], perChild: number, upratingRate: number): { year: number; total: number }[] {
  requireInRange(perChild, 0, MAX_SEN_SUPPORT_COST, 'senSupportCost');
  requireInRange(upratingRate, -0.5, 0.5, 'upratingRate');
  return years.map((y) => ({ year: y.year, total: requireCount(y.divertedStock, 'divertedStock') * upratedCost(perChild, y.year, upratingRate) }));
}

/**
 * Unmitigated against mitigated spend in one year: difference = unmitigated − mitigated high-needs
 * spend (a saving when positive); net of what meeting the diverted needs at SEN support costs.
 */
export interface SpendComparison {
  year: number;
  unmitigated: number;
  mitigated: number;
  difference: number;
  cumulativeDifference: number;
  /** Cost of meeting diverted needs at SEN support this year (0 without diversion). */
  senSupport: number;
  /** difference − senSupport. */
  netDifference: number;
  cumulativeNetDifference: number;
}

/**
 * Year-by-year and cumulative difference between two spend paths over the same years, gross and net
 * of the cost of SEN support for diverted needs (`senSupport`, one figure a year; none: 0).
 * @example compareSpend([{ year: 2026, total: 10, … }], [{ year: 2026, total: 7, … }], [1])
 * // [{ year: 2026, unmitigated: 10, mitigated: 7, difference: 3, cumulativeDifference: 3, senSupport: 1, netDifference: 2, cumulativeNetDifference: 2 }]
 */
export function compareSpend(unmitigated: readonly SpendYear[], mitigated: readonly SpendYear[], senSupport: readonly number[] = []): SpendComparison[] {
  if (unmitigated.length !== mitigated.length) throw new ForecastInputError('mitigated', `needs the same years as the unmitigated spend (${unmitigated.length}), got ${mitigated.length}`);
  let cumulative = 0;
  let cumulativeNet = 0;
  return unmitigated.map((u, i) => {
    const m = mitigated[i];
    if (m.year !== u.year) throw new ForecastInputError(`mitigated[${i}].year`, `must be ${u.year} (got ${m.year})`);
    const difference = u.total - m.total;
    const support = senSupport[i] ?? 0;
    cumulative += difference;
    cumulativeNet += difference - support;
    return { year: u.year, unmitigated: u.total, mitigated: m.total, difference, cumulativeDifference: cumulative, senSupport: support, netDifference: difference - support, cumulativeNetDifference: cumulativeNet };
  });
}
