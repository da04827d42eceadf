import type { Unit } from '@sendbench/schema';
import type { OutcomeTransform } from './evaluation-panel';

/** What the verdict is written from: the estimates and what is known about the data behind them. */
export interface VerdictInput {
  readonly cohortLabel: string;
  readonly programme: 'dbv' | 'safety_valve';
  readonly metricLabel: string;
  readonly unit: Unit;
  readonly transform: OutcomeTransform;
  /** The effects' unit in words (see {@link effectUnitLabel}). */
  readonly unitLabel: string;
  readonly comparisonLabel: string;
  readonly cohortAuthorities: number;
  readonly comparisonAuthorities: number;
  readonly overall: { readonly effect: number; readonly low: number | null; readonly high: number | null };
  readonly simple: number;
  readonly permutationP: number;
  readonly jointPreTrendP: number | null;
  readonly placebo: { readonly effect: number; readonly low: number | null; readonly high: number | null } | null;
  /** Notes on the incomplete programme lists (one per list). */
  readonly incompleteLists: readonly string[];
  /** How a series break was handled, if the window met one. */
  readonly seriesBreakHandling: string | null;
  readonly seriesStraddled: boolean;
  /** The metric's series breaks outside the window, in words. */
  readonly breaksOutsideWindow: readonly string[];
  /** Starts whose month is not published (label and what is known), or overridden. */
  readonly uncertainStarts: readonly string[];
  readonly successionsUsed: readonly string[];
  /** Cohort authorities also in the other programme. */
  readonly alsoInOtherProgramme: readonly string[];
  readonly nonPositiveValues: number;
  readonly droppedCohortAuthorities: number;
}

export type Finding = 'higher_after' | 'lower_after' | 'no_clear_difference';

export interface Verdict {
  readonly finding: Finding;
  readonly preTrendsPass: boolean;
  readonly headline: string;
  readonly details: readonly string[];
  readonly caveats: readonly string[];
}

/** Significance level of the verdict's tests. */
export const VERDICT_ALPHA = 0.05;

/**
 * The unit of the effects in words, by transform and the metric's unit.
 *
 * @example effectUnitLabel('level', 'percent', 'January 2022'); // 'percentage points'
 */
export function effectUnitLabel(transform: OutcomeTransform, unit: Unit, indexBaseLabel: string): string {
  if (transform === 'log') return 'log points (0.01 ≈ 1%)';
  if (transform === 'indexed') return `index points (${indexBaseLabel} = 100)`;
  switch (unit) {
    case 'percent':
      return 'percentage points';
    case 'count':
      return 'count';
    case 'rate_per_1000':
      return 'per 1,000';
    case 'gbp':
      return '£';
    case 'gbp_per_plan':
      return 'per plan (£)';
    case 'gbp_per_head':
      return 'per head (£)';
  }
}

const NUMBER_FORMATS = new Map<number, Intl.NumberFormat>();

/** One formatter per number of decimals (toLocaleString builds a new one at every call, ~0.1 ms). */
function numberFormat(decimals: number): Intl.NumberFormat {
  let format = NUMBER_FORMATS.get(decimals);
  if (!format) NUMBER_FORMATS.set(decimals, (format = new Intl.NumberFormat('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })));
  return format;
}

/**
 * A number as the verdict writes it: enough decimals for the scale (3 for logs, 2 for percentage
 * points, 1 for index points, whole pounds and counts), with a true minus sign.
 *
 * @example formatEffect(-1.2345, 'level', 'percent'); // '−1.23'
 */
export function formatEffect(value: number, transform: OutcomeTransform, unit: Unit): string {
  const decimals = transform === 'log' ? 3 : transform === 'indexed' ? 1 : unit === 'percent' || unit === 'rate_per_1000' ? 2 : 0;
  const text = numberFormat(decimals).format(Math.abs(value));
  const sign = value < 0 && Number(text.replace(/,/g, '')) !== 0 ? '−' : '';
  return transform === 'level' && unit.startsWith('gbp') ? `${sign}£${text}` : `${sign}${text}`;
}

/** "% of EHC plans …" stays as it is; "Authorities in no programme" becomes "authorities in no programme" inside a sentence. */
const inSentence = (label: string) => (/^[A-Z][a-z]/.test(label) ? `${label[0].toLowerCase()}${label.slice(1)}` : label);

const formatP = (p: number) => (p < 0.001 ? 'below 0.001' : p.toFixed(3));

const excludesZero = (low: number | null, high: number | null) => low !== null && high !== null && (low > 0 || high < 0);

/**
 * The plain-English verdict: a finding only when the bootstrap interval excludes 0 and the
 * permutation test agrees (p < 0.05); a warning instead of a finding when the pre-trend checks
 * fail; and every caveat that applies (selection, incomplete lists, series breaks, small numbers,
 * uncertain starts, joined series, associations not causes).
 */
export function writeVerdict(input: VerdictInput): Verdict {
  const f = (value: number) => formatEffect(value, input.transform, input.unit);
  // "by 1.20 percentage points", "by 120" (a count), "by £1,200" (the sign carries the unit).
  const units = input.transform === 'level' && (input.unit === 'count' || input.unit === 'gbp') ? '' : ` ${input.unitLabel}`;
  const { effect, low, high } = input.overall;
  const interval = low !== null && high !== null ? `95% interval ${f(low)} to ${f(high)}` : 'no interval could be computed';
  const significant = excludesZero(low, high) && input.permutationP < VERDICT_ALPHA;
  const finding: Finding = significant ? (effect > 0 ? 'higher_after' : 'lower_after') : 'no_clear_difference';
  const jointFails = input.jointPreTrendP !== null && input.jointPreTrendP < VERDICT_ALPHA;
  const placeboFails = input.placebo !== null && excludesZero(input.placebo.low, input.placebo.high);
  const preTrendsPass = !jointFails && !placeboFails;
  const who = `the ${input.cohortAuthorities} authorities of ${input.cohortLabel}`;

  let headline: string;
  if (significant) {
    headline = `After their start, ${who} ended up ${f(Math.abs(effect))}${units} ${effect > 0 ? 'higher' : 'lower'} on ${inSentence(input.metricLabel)} than the comparison authorities' path would suggest (${interval}; permutation p = ${formatP(input.permutationP)}).`;
  } else {
    const disagree = excludesZero(low, high) ? ' The bootstrap interval excludes no change but the permutation test does not support it, so the difference is not clear.' : '';
    headline = `No clear difference: after their start, ${who} moved by ${f(effect)}${units} on ${inSentence(input.metricLabel)} relative to the comparison authorities (${interval}; permutation p = ${formatP(input.permutationP)}).${disagree}`;
  }
  if (!preTrendsPass) {
    headline += ' But before their start they were already moving differently from the comparison authorities, so the comparison is not like for like and this should not be read as an effect of the programme.';
  }

  const details = [
    `Overall difference in differences (group-time effects in the manner of Callaway and Sant'Anna, against ${inSentence(input.comparisonLabel)}): ${f(effect)}${units}, ${interval}.`,
    `The simple 2×2 (mean after minus mean before, cohort minus comparison) is ${f(input.simple)}; it ignores how the effect changes over time and which authorities have figures when, so it can differ from the headline.`,
    `Permutation test: reassigning the cohort label at random among the ${input.cohortAuthorities + input.comparisonAuthorities} authorities gives an effect at least as large ${input.permutationP < VERDICT_ALPHA ? 'rarely' : 'often'} (p = ${formatP(input.permutationP)}).`,
    input.jointPreTrendP === null
      ? 'The joint pre-trend test could not be computed.'
      : `Pre-trends: the joint test that every pre-start effect is 0 gives p = ${formatP(input.jointPreTrendP)}${jointFails ? ' — the cohort was already moving differently before its start' : ' (no sign that it was moving differently before its start)'}.`,
    input.placebo === null
      ? 'The placebo start (two periods early) could not be computed.'
      : `Placebo start two periods early: ${f(input.placebo.effect)}${input.placebo.low !== null && input.placebo.high !== null ? ` (95% interval ${f(input.placebo.low)} to ${f(input.placebo.high)})` : ''}${placeboFails ? ' — not 0, a warning that the paths were not parallel' : ', consistent with 0'}.`,
  ];

  const caveats: string[] = [
    input.programme === 'dbv'
      ? 'Selection: authorities were invited to DBV in SEND because they had large high-needs deficits (the largest after the Safety Valve authorities). They differ from the comparison authorities in ways that can change their paths anyway; the method removes fixed differences and shared trends, not that.'
      : 'Selection: Safety Valve agreements went to the authorities with the very largest high-needs deficits, and came with conditions and funding. They differ from the comparison authorities in ways that can change their paths anyway (including a return towards the average after an extreme year); the method removes fixed differences and shared trends, not that.',
    `Incomplete programme lists: ${input.incompleteLists.length ? input.incompleteLists.join(' ') : 'the lists are believed complete for this cohort.'} Members missing from the lists are counted as comparison authorities, which pulls an estimate towards 0.`,
    'Associations, not causes: the programmes ran alongside other changes (COVID-19 in 2020–21, the 2023 SEND and AP improvement plan, rising national high-needs funding), which the method cannot separate from the programme.',
  ];
  if (input.seriesBreakHandling) caveats.push(`Series break: ${input.seriesBreakHandling}`);
  else if (input.breaksOutsideWindow.length) caveats.push(`Series break: ${input.breaksOutsideWindow.join(' ')} The periods used lie on one side of it.`);
  if (input.cohortAuthorities < 10 || input.comparisonAuthorities < 10) {
    caveats.push(`Small numbers: ${input.cohortAuthorities} cohort and ${input.comparisonAuthorities} comparison authorities. With so few, one authority can move the answer, the intervals are wide and the bootstrap is a rough guide.`);
  }
  if (input.uncertainStarts.length) {
    caveats.push(`Start dates: ${input.uncertainStarts.join(' ')} A start a few months out can move the first post period by a year: try other starts to see whether the answer holds.`);
  }
  if (input.transform === 'level' && (input.unit === 'count' || input.unit.startsWith('gbp'))) {
    caveats.push('Levels of counts and spend: large authorities dominate the means and the effect. LOG or INDEXED compares proportional change instead.');
  }
  if (input.successionsUsed.length) caveats.push(`Boundary changes: ${input.successionsUsed.map((s) => s.replace(/^Joined across a boundary change: /, '')).join(' ')}`);
  if (input.alsoInOtherProgramme.length) {
    const names = input.alsoInOtherProgramme;
    caveats.push(`Both programmes: ${names.length === 1 ? names[0] : `${names.slice(0, -1).join('; ')} and ${names.at(-1)}`} ${names.length === 1 ? 'is' : 'are'} also in the other programme, so ${names.length === 1 ? 'its' : 'their'} later figures mix the two.`);
  }
  if (input.droppedCohortAuthorities > 0) caveats.push(`${input.droppedCohortAuthorities} cohort ${input.droppedCohortAuthorities === 1 ? 'authority was' : 'authorities were'} left out for want of figures (listed with the reasons).`);
  if (input.nonPositiveValues > 0) caveats.push(`${input.nonPositiveValues} values of 0 or below have no logarithm and were left out of the LOG scale.`);
  return { finding, preTrendsPass, headline, details, caveats };
}
