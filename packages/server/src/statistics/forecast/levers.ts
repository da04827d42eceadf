import { ForecastInputError, requireCount, requireInRange } from './forecast-input-error';
import { type ByGroup, fillGroups, PLACEMENT_GROUPS, type PlacementGroup } from './placement-groups';

/**
 * The mitigated case's assumptions. All at their neutral values (NEUTRAL_LEVERS) give the
 * unmitigated forecast exactly: the mitigated path is the same computation with zero effects.
 */
export interface Levers {
  /** Share of new plans whose needs are instead met at SEN support (no plan is made), 0–0.65. */
  diversionToSenSupport: number;
  /** Share of new state-funded special and independent/non-maintained special placements met in mainstream (incl. resourced provision and SEN units) instead, 0–1. */
  specialToMainstream: number;
  /** Relative change in the rate at which plans cease, −0.5–0.5 (0.2: 20% more plans cease each year). */
  ceaseRateChange: number;
  /** Highest annual growth of the total, 0–1 (0.05: at most 5% a year), or null for no cap. */
  growthCap: number | null;
}

/** The range each lever accepts; the upper 0.65 is the DBV insight report's "65% could have their needs met more effectively". */
export const LEVER_LIMITS = {
  diversionToSenSupport: { min: 0, max: 0.65 },
  specialToMainstream: { min: 0, max: 1 },
  ceaseRateChange: { min: -0.5, max: 0.5 },
  growthCap: { min: 0, max: 1 },
} as const;

/** Levers that change nothing. */
export const NEUTRAL_LEVERS: Readonly<Levers> = Object.freeze({ diversionToSenSupport: 0, specialToMainstream: 0, ceaseRateChange: 0, growthCap: null });

/**
 * The levers, checked: each within LEVER_LIMITS, else a ForecastInputError naming it
 * (`levers.diversionToSenSupport`, …).
 * @example validateLevers({ ...NEUTRAL_LEVERS, diversionToSenSupport: 0.8 }) // throws "levers.diversionToSenSupport: must be a number from 0 to 0.65 (got 0.8)"
 */
export function validateLevers(levers: Levers, field = 'levers'): Levers {
  const checked: Levers = {
    diversionToSenSupport: requireInRange(levers.diversionToSenSupport, LEVER_LIMITS.diversionToSenSupport.min, LEVER_LIMITS.diversionToSenSupport.max, `${field}.diversionToSenSupport`),
    specialToMainstream: requireInRange(levers.specialToMainstream, LEVER_LIMITS.specialToMainstream.min, LEVER_LIMITS.specialToMainstream.max, `${field}.specialToMainstream`),
    ceaseRateChange: requireInRange(levers.ceaseRateChange, LEVER_LIMITS.ceaseRateChange.min, LEVER_LIMITS.ceaseRateChange.max, `${field}.ceaseRateChange`),
    growthCap: levers.growthCap === null ? null : requireInRange(levers.growthCap, LEVER_LIMITS.growthCap.min, LEVER_LIMITS.growthCap.max, `${field}.growthCap`),
  };
  return checked;
}

/** Plans at one January, in total and by group (the groups add up to the total). */
export interface PlansYear {
  year: number;
  total: number;
  groups: ByGroup;
}

/** A projected January of the unmitigated forecast, with the flows the levers act on. */
export interface UnmitigatedYear extends PlansYear {
  /** New plans made in the calendar year before this January. */
  newPlans: number;
  /** Plans ceasing in that year as a share of the previous January's plans. */
  ceaseRate: number;
}

/** What a method projects, in the form the levers need. */
export interface UnmitigatedPath {
  /** The last observed January. */
  base: PlansYear;
  years: readonly UnmitigatedYear[];
  /** How new plans are placed, by group (shares adding up to 1; SEN2 new plans by placement). */
  newPlacementShares: ByGroup;
}

/** A January of the mitigated forecast. */
export interface MitigatedYear extends PlansYear {
  /** New plans in the year before this January met at SEN support instead (the lever, and the cap when it binds). */
  divertedNewPlans: number;
  /** Children at this January whose needs are met at SEN support instead of a plan: every year's diverted new plans, ceasing at the plans' rate (V_y). */
  divertedStock: number;
  /** New special placements in that year met in mainstream instead. */
  movedToMainstream: number;
  /** The growth cap held the total down this year. */
  capBinding: boolean;
  /** The total is within the cap (always true without one; false only if meeting it would take a group below 0). */
  capMet: boolean;
}

const SPECIAL_GROUPS = ['stateSpecial', 'independentSpecial'] as const satisfies readonly PlacementGroup[];

function validatePath(path: UnmitigatedPath, field: string): void {
  const checkYear = (year: PlansYear, at: string) => {
    requireCount(year.total, `${at}.total`);
    for (const group of PLACEMENT_GROUPS) requireCount(year.groups[group], `${at}.groups.${group}`);
  };
  checkYear(path.base, `${field}.base`);
  path.years.forEach((year, i) => {
    checkYear(year, `${field}.years[${i}]`);
    requireCount(year.newPlans, `${field}.years[${i}].newPlans`);
    requireInRange(year.ceaseRate, 0, 1, `${field}.years[${i}].ceaseRate`);
  });
  let shares = 0;
  for (const group of PLACEMENT_GROUPS) shares += requireCount(path.newPlacementShares[group], `${field}.newPlacementShares.${group}`);
  if (Math.abs(shares - 1) > 1e-9) throw new ForecastInputError(`${field}.newPlacementShares`, `must add up to 1 (got ${Number(shares.toPrecision(12))})`);
}

/**
 * The mitigated path: the unmitigated one minus the effects of the levers, year by year.
 *
 * With q the unmitigated cease rate, q' = min(1, q (1 + ceaseRateChange)), N the unmitigated new
 * plans, p_g the new-placement shares and U the unmitigated plans, three stocks carry the effects
 * forward (each ceasing at q' like every other plan):
 * - diverted plans V_y = V_{y−1} (1 − q') + δ_y N_y, taken from the groups as p_g V_y, where
 *   δ_y = diversionToSenSupport, raised just enough to keep the total within the growth cap
 *   (the cap is met by meeting more new needs at SEN support) and at most 1;
 * - extra ceased plans E_y[g] = E_{y−1}[g] (1 − q') + (q' − q) U_{y−1}[g] (negative when fewer cease);
 * - moved placements S_y[g] = S_{y−1}[g] (1 − q') + specialToMainstream (1 − δ_y) N_y p_g for the two
 *   special groups, taken from them and added to mainstream (total unchanged).
 * Then M_y[g] = max(0, U_y[g] − E_y[g] − p_g V_y), less what moved out (never more than the group
 * holds) or plus what moved in. The total is U_y − ΣE − V plus whatever the floor at 0 held back,
 * which equals the sum of the groups. With neutral levers every effect is exactly 0, so every number
 * equals the unmitigated one bit for bit; every group is non-increasing in diversionToSenSupport.
 * @example applyLevers(path, NEUTRAL_LEVERS).map((y) => y.total) // path.years.map((y) => y.total), exactly
 */
export function applyLevers(path: UnmitigatedPath, levers: Levers, field = 'path'): MitigatedYear[] {
  validatePath(path, field);
  const { diversionToSenSupport: diversion, specialToMainstream: move, ceaseRateChange, growthCap } = validateLevers(levers);
  const p = path.newPlacementShares;
  const extraCeased = fillGroups(0);
  const moved = { stateSpecial: 0, independentSpecial: 0 };
  let diverted = 0;
  let previous: PlansYear = path.base;
  let previousMitigatedTotal = path.base.total;
  const result: MitigatedYear[] = [];
  for (const year of path.years) {
    const q = year.ceaseRate;
    const qMitigated = Math.min(1, q * (1 + ceaseRateChange));
    const survive = 1 - qMitigated;
    let extraCeasedTotal = 0;
    for (const group of PLACEMENT_GROUPS) {
      extraCeased[group] = extraCeased[group] * survive + (qMitigated - q) * previous.groups[group];
      extraCeasedTotal += extraCeased[group];
    }
    const divertedCarried = diverted * survive;
    let share = diversion;
    let capBinding = false;
    if (growthCap !== null && year.newPlans > 0) {
      const cap = previousMitigatedTotal * (1 + growthCap);
      const beforeDiversion = year.total - extraCeasedTotal - divertedCarried;
      if (beforeDiversion - diversion * year.newPlans > cap) {
        share = Math.min(1, (beforeDiversion - cap) / year.newPlans);
        capBinding = true;
      }
    }
    diverted = divertedCarried + share * year.newPlans;
    for (const group of SPECIAL_GROUPS) moved[group] = moved[group] * survive + move * (1 - share) * year.newPlans * p[group];

    const groups = {} as ByGroup;
    let heldAtZero = 0;
    let movedIn = 0;
    for (const group of PLACEMENT_GROUPS) {
      const raw = year.groups[group] - extraCeased[group] - p[group] * diverted;
      heldAtZero += Math.max(0, -raw);
      groups[group] = Math.max(0, raw);
    }
    for (const group of SPECIAL_GROUPS) {
      const out = Math.min(moved[group], groups[group]);
      groups[group] = groups[group] - out;
      movedIn += out;
    }
    groups.mainstream = groups.mainstream + movedIn;
    const total = year.total - extraCeasedTotal - diverted + heldAtZero;
    const capMet = growthCap === null || total <= previousMitigatedTotal * (1 + growthCap) * (1 + 1e-12) + 1e-9;
    result.push({
      year: year.year,
      total,
      groups,
      divertedNewPlans: share * year.newPlans,
      divertedStock: diverted,
      movedToMainstream: move * (1 - share) * year.newPlans * (p.stateSpecial + p.independentSpecial),
      capBinding,
      capMet,
    });
    previous = year;
    previousMitigatedTotal = total;
  }
  return result;
}
