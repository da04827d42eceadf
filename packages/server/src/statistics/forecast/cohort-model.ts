import { ForecastInputError, requireCount, requireInRange } from './forecast-input-error';

/** An age band as SEN2 publishes it, youngest first; `width` is the number of single years of age it spans. */
export interface AgeBand {
  label: string;
  width: number;
}

/**
 * Caseload by age band at two consecutive Januaries, and the flows of the calendar year between
 * them (for SEN2 2025: January 2024 and January 2025, new and ceased plans in calendar 2024).
 */
export interface CohortInputs {
  bands: readonly AgeBand[];
  /** The first January (2024); the second is startYear + 1. */
  startYear: number;
  caseloadStart: readonly number[];
  caseloadEnd: readonly number[];
  /** New plans by the band of the age when the plan started. */
  newPlans: readonly number[];
  /** Ceased plans by the band of the age when the plan ceased. */
  ceased: readonly number[];
}

/**
 * The rates of the roll-forward, per band, estimated from one transition year:
 * - ageOutShare s_b = 1 / width_b: the share of a band that has a birthday taking it into the
 *   next band within a year, assuming ages spread evenly within the band (1 for single years);
 *   from the oldest band the share ages out of the system (past 25).
 * - aged-on stock A_b = (1 − s_b) C_b + s_{b−1} C_{b−1} (no inflow into the youngest band);
 * - transitionRatio r_b = (C'_b − N_b + X_b) / A_b, with C and C' the two Januaries, N new plans
 *   and X ceased plans: the plans of the band at t+1 that were already held, before ceasing,
 *   relative to the plans that aged into or stayed in the band. For single-year bands this is plans
 *   at age a+1 at t+1 over plans at age a at t, net of flows; it is 1 when the flows account for
 *   the change exactly, and differs by net moves between areas, transfers and recording;
 * - ceaseRate q_b = X_b / C_b: ceased plans in the year as a share of the band's January caseload.
 * One transition year reproduces the second January exactly by construction (see rollForward).
 */
export interface CohortRates {
  bands: readonly AgeBand[];
  ageOutShare: number[];
  transitionRatio: number[];
  ceaseRate: number[];
  /** New plans by band in the observed year. */
  newPlans: number[];
  /** Bands where a rate could not be estimated and took a neutral value, and why. */
  notes: string[];
}

/** A projected January of the cohort model. */
export interface CohortYear {
  year: number;
  byBand: number[];
  total: number;
  /** New plans in the calendar year before this January. */
  newPlans: number;
  /** Plans ceased in that year. */
  ceased: number;
  /** ceased / total of the previous January: the aggregate cease rate the levers adjust. */
  ceaseRate: number;
}

export interface CohortProjection {
  /** The last observed January (startYear + 1) and its caseload, the projection's base. */
  baseYear: number;
  base: { byBand: number[]; total: number };
  rates: CohortRates;
  years: CohortYear[];
}

export interface CohortOptions {
  /** How many Januaries after the base to project (default 5). */
  years?: number;
  /**
   * Annual growth of new plans in every band (default 0: new plans stay at the observed year's
   * number). New plans in the calendar year k years after the observed one are N_b × (1 + g)^k.
   */
  newPlansGrowth?: number;
}

function requireBandCounts(values: readonly number[], bands: readonly AgeBand[], field: string): void {
  if (values.length !== bands.length) throw new ForecastInputError(field, `needs one value per age band (${bands.length}), got ${values.length}`);
  values.forEach((v, i) => requireCount(v, `${field}[${i}]`));
}

function validateCohortInputs(inputs: CohortInputs, field: string): void {
  if (inputs.bands.length === 0) throw new ForecastInputError(`${field}.bands`, 'needs at least one age band');
  inputs.bands.forEach((band, i) => {
    if (!Number.isInteger(band.width) || band.width < 1) throw new ForecastInputError(`${field}.bands[${i}].width`, `must be a whole number of years ≥ 1 (got ${band.width})`);
  });
  if (!Number.isInteger(inputs.startYear)) throw new ForecastInputError(`${field}.startYear`, `must be a whole year (got ${inputs.startYear})`);
  requireBandCounts(inputs.caseloadStart, inputs.bands, `${field}.caseloadStart`);
  requireBandCounts(inputs.caseloadEnd, inputs.bands, `${field}.caseloadEnd`);
  requireBandCounts(inputs.newPlans, inputs.bands, `${field}.newPlans`);
  requireBandCounts(inputs.ceased, inputs.bands, `${field}.ceased`);
}

/**
 * Why the cohort model cannot run on these inputs (missing age data), or undefined when it can.
 * @example cohortDataProblem(undefined) // 'no caseload by age for two consecutive Januaries'
 */
export function cohortDataProblem(inputs: CohortInputs | undefined): string | undefined {
  if (!inputs) return 'no caseload by age for two consecutive Januaries';
  const total = inputs.caseloadStart.reduce((a, b) => a + b, 0);
  if (!(total > 0)) return `no plans by age at January ${inputs.startYear}`;
  return undefined;
}

/** Aged-on stock: A_b = (1 − s_b) C_b + s_{b−1} C_{b−1}. */
function agedOn(byBand: readonly number[], ageOutShare: readonly number[]): number[] {
  return byBand.map((c, b) => (1 - ageOutShare[b]) * c + (b > 0 ? ageOutShare[b - 1] * byBand[b - 1] : 0));
}

/**
 * The roll-forward's rates from one transition year (definitions on CohortRates). A band with no
 * aged-on stock takes r = 1, a negative r (more new plans than the second January holds) is set to
 * 0, and a band with no plans at the first January takes q = 0; each such case is listed in `notes`.
 * @example
 * cohortRates({ bands: [{ label: '0–1', width: 2 }, { label: '2', width: 1 }], startYear: 2024,
 *   caseloadStart: [100, 50], caseloadEnd: [65, 40], newPlans: [20, 5], ceased: [5, 10] })
 * // ageOutShare [0.5, 1], transitionRatio [1, 0.9], ceaseRate [0.05, 0.2]
 */
export function cohortRates(inputs: CohortInputs, field = 'cohort'): CohortRates {
  validateCohortInputs(inputs, field);
  const { bands, caseloadStart, caseloadEnd, newPlans, ceased } = inputs;
  const ageOutShare = bands.map((band) => 1 / band.width);
  const stock = agedOn(caseloadStart, ageOutShare);
  const notes: string[] = [];
  const transitionRatio = bands.map((band, b) => {
    if (!(stock[b] > 0)) {
      notes.push(`${band.label}: no plans aged into or stayed in the band at January ${inputs.startYear}; transition ratio taken as 1`);
      return 1;
    }
    const ratio = (caseloadEnd[b] - newPlans[b] + ceased[b]) / stock[b];
    if (ratio < 0) {
      notes.push(`${band.label}: more new plans than the band held at January ${inputs.startYear + 1}; transition ratio set to 0`);
      return 0;
    }
    return ratio;
  });
  const ceaseRate = bands.map((band, b) => {
    if (!(caseloadStart[b] > 0)) {
      if (ceased[b] > 0) notes.push(`${band.label}: plans ceased from a band with none at January ${inputs.startYear}; cease rate taken as 0`);
      return 0;
    }
    if (ceased[b] > caseloadStart[b]) {
      notes.push(`${band.label}: more plans ceased than the band held at January ${inputs.startYear}; cease rate capped at 1`);
      return 1;
    }
    return ceased[b] / caseloadStart[b];
  });
  return { bands, ageOutShare, transitionRatio, ceaseRate, newPlans: [...newPlans], notes };
}

/**
 * One year of the roll-forward: C'_b = max(0, r_b A_b + N_b − q_b C_b), with A_b the aged-on stock
 * (CohortRates). Applied to the first January with the observed new plans it gives the second
 * January exactly (up to rounding).
 * @example rollForward([65, 40], rates, [20, 5]).byBand // [49.25, 26.25] for the rates in cohortRates' example
 */
export function rollForward(byBand: readonly number[], rates: CohortRates, newPlans: readonly number[]): { byBand: number[]; ceased: number[] } {
  const stock = agedOn(byBand, rates.ageOutShare);
  const ceased = byBand.map((c, b) => rates.ceaseRate[b] * c);
  return { byBand: stock.map((a, b) => Math.max(0, rates.transitionRatio[b] * a + newPlans[b] - ceased[b])), ceased };
}

/**
 * Projects the caseload by band for `years` Januaries after startYear + 1, rolling forward with
 * the rates of the observed transition year and new plans N_b (1 + g)^k.
 * @example
 * projectCohort({ bands: [{ label: '0–1', width: 2 }, { label: '2', width: 1 }], startYear: 2024,
 *   caseloadStart: [100, 50], caseloadEnd: [65, 40], newPlans: [20, 5], ceased: [5, 10] }, { years: 2 })
 *   .years.map((y) => y.byBand) // [[49.25, 26.25], [42.1625, 21.9125]]
 */
export function projectCohort(inputs: CohortInputs, options: CohortOptions = {}, field = 'cohort'): CohortProjection {
  const rates = cohortRates(inputs, field);
  const horizon = options.years ?? 5;
  if (!Number.isInteger(horizon) || horizon < 1) throw new ForecastInputError('years', `must be a whole number ≥ 1 (got ${horizon})`);
  const growth = requireInRange(options.newPlansGrowth ?? 0, -0.5, 0.5, 'newPlansGrowth');
  const baseYear = inputs.startYear + 1;
  let current = [...inputs.caseloadEnd];
  const years: CohortYear[] = [];
  for (let k = 1; k <= horizon; k++) {
    const factor = (1 + growth) ** k;
    const newPlans = rates.newPlans.map((n) => n * factor);
    const previousTotal = sum(current);
    const next = rollForward(current, rates, newPlans);
    const ceased = sum(next.ceased);
    years.push({
      year: baseYear + k,
      byBand: next.byBand,
      total: sum(next.byBand),
      newPlans: sum(newPlans),
      ceased,
      ceaseRate: previousTotal > 0 ? ceased / previousTotal : 0,
    });
    current = next.byBand;
  }
  return { baseYear, base: { byBand: [...inputs.caseloadEnd], total: sum(inputs.caseloadEnd) }, rates, years };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
