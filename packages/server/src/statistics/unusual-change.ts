import { quantile } from './descriptive';

/**
 * The automatic data-quality rule: a year-on-year change is marked "check" when it lies far outside
 * both the authority's own changes and every authority's changes in the same year. Changes are
 * compared on the log scale (a halving and a doubling are equally far from no change) by a robust
 * z-score: the distance from the median over the scaled median absolute deviation, so one wild
 * value cannot hide itself by widening the spread it is judged against (as a standard deviation
 * would). A flag never alters or hides a value: it only says "check this one".
 *
 * Kept at import by derived/quality-flag.repository.ts in SQL; this is the same rule in JS, for
 * tests and for anyone checking the kept flags.
 */
export const UNUSUAL_CHANGE_RULE = {
  /** |z| at or above which a change is far outside a distribution (Iglewicz and Hoaglin's 3.5). */
  threshold: 3.5,
  /** 1.4826 × MAD estimates a standard deviation for normally distributed changes. */
  madScale: 1.4826,
  /**
   * The smallest spread a distribution is given (in log units, ~2%): a series that grows by
   * exactly the same amount each year has a MAD of 0, and any wobble would otherwise be infinitely
   * far from it.
   */
  minScale: 0.02,
  /** The authority's own changes needed (this one included) before its own distribution is judged. */
  minOwnChanges: 4,
  /** Authorities with a change in the year needed before England's distribution is judged. */
  minEnglandChanges: 20,
} as const;

/** One value of one area with the value before it (the previous period of the same type). */
export interface ChangeInput {
  area: string;
  period: number;
  previousPeriod: number;
  value: number;
  previous: number;
}

/** A change with where it stands against the area's own changes and every area's changes that period. */
export interface JudgedChange extends ChangeInput {
  /** ln(value ÷ previous). */
  logChange: number;
  ownMedian: number;
  ownScale: number;
  ownChanges: number;
  englandMedian: number;
  englandScale: number;
  englandChanges: number;
  zOwn: number;
  zEngland: number;
}

interface Spread {
  median: number;
  scale: number;
  count: number;
}

/** Median and scaled MAD (floored at `minScale`) of some log changes. */
export function robustSpread(changes: readonly number[]): Spread {
  const median = quantile(changes, 0.5)!;
  const mad = quantile(
    changes.map((d) => Math.abs(d - median)),
    0.5,
  )!;
  return { median, scale: Math.max(UNUSUAL_CHANGE_RULE.madScale * mad, UNUSUAL_CHANGE_RULE.minScale), count: changes.length };
}

/** Log changes grouped by a key. */
const logChangesBy = <K>(items: readonly ChangeInput[], key: (c: ChangeInput) => K): Map<K, number[]> => {
  const groups = new Map<K, number[]>();
  for (const c of items) {
    const d = Math.log(c.value / c.previous);
    const list = groups.get(key(c));
    if (list) list.push(d);
    else groups.set(key(c), [d]);
  }
  return groups;
};

/**
 * Judges every change of one metric (values and previous values must be positive; the caller
 * leaves out changes into a series break). Returns each change that can be judged against both
 * distributions, with its z-scores.
 *
 * @example judgeChanges([{ area: '316', period: 202425, previousPeriod: 202324, value: 1199, previous: 2705 }, …])
 */
export function judgeChanges(changes: readonly ChangeInput[]): JudgedChange[] {
  const own = new Map([...logChangesBy(changes, (c) => c.area)].map(([area, ds]) => [area, robustSpread(ds)]));
  const england = new Map([...logChangesBy(changes, (c) => c.period)].map(([period, ds]) => [period, robustSpread(ds)]));
  const judged: JudgedChange[] = [];
  for (const c of changes) {
    const o = own.get(c.area)!;
    const e = england.get(c.period)!;
    if (o.count < UNUSUAL_CHANGE_RULE.minOwnChanges || e.count < UNUSUAL_CHANGE_RULE.minEnglandChanges) continue;
    const logChange = Math.log(c.value / c.previous);
    judged.push({
      ...c,
      logChange,
      ownMedian: o.median,
      ownScale: o.scale,
      ownChanges: o.count,
      englandMedian: e.median,
      englandScale: e.scale,
      englandChanges: e.count,
      zOwn: (logChange - o.median) / o.scale,
      zEngland: (logChange - e.median) / e.scale,
    });
  }
  return judged;
}

/** True when a judged change is far outside both distributions, on the same side of each. */
export function isUnusual(c: Pick<JudgedChange, 'zOwn' | 'zEngland'>): boolean {
  const t = UNUSUAL_CHANGE_RULE.threshold;
  return (c.zOwn >= t && c.zEngland >= t) || (c.zOwn <= -t && c.zEngland <= -t);
}

/** The changes of one metric the rule marks "check". */
export function flagUnusualChanges(changes: readonly ChangeInput[]): JudgedChange[] {
  return judgeChanges(changes).filter(isUnusual);
}
