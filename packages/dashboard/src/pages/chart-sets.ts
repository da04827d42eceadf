/**
 * The charts each page shows, as data (adding a chart or a section is adding a line here).
 * Each chart names the lines it draws; the page components only render what is declared.
 */
import type { SeriesRole } from '../charts/palette';

export type ThemeCode = 'PLANS' | 'INCLUSION' | 'PROCESS' | 'NEEDS' | 'SPEND';

export interface ProfileSection {
  theme: ThemeCode;
  heading: string;
  /** The metric the section's plain-English sentence is about, and how the sentence names it. */
  headline: { metric: string; phrase: string };
}

/** Authority profile: one section per theme, each showing every catalogue metric of that theme. */
export const PROFILE_SECTIONS: readonly ProfileSection[] = [
  { theme: 'PLANS', heading: 'EHC plans', headline: { metric: 'pct_pupils_ehc_plan', phrase: 'share of pupils with an EHC plan' } },
  { theme: 'INCLUSION', heading: 'Where children with plans are educated', headline: { metric: 'pct_plans_mainstream', phrase: 'share of plans in mainstream' } },
  { theme: 'PROCESS', heading: 'Requests, assessments and timeliness', headline: { metric: 'pct_issued_within_20_weeks', phrase: 'share of new plans issued within 20 weeks' } },
  { theme: 'NEEDS', heading: 'Primary needs', headline: { metric: 'pct_plans_need_asd', phrase: 'share of plans for autism as the primary need' } },
  { theme: 'SPEND', heading: 'High-needs spending', headline: { metric: 'hn_spend_per_plan', phrase: 'high-needs top-up and services spend per EHC plan' } },
];

/** Compare: ranked bars for one metric over the set, with these reference lines. */
export const COMPARE_CHART = {
  defaultMetric: 'pct_plans_mainstream',
  referenceLines: ['england', 'peerMedian'] as const,
};

/** Trends: the lines drawn, in legend order (each comes from the trend query's series). */
export const TRENDS_CHART: { defaultMetric: string; lines: readonly SeriesRole[] } = {
  defaultMetric: 'pct_plans_mainstream',
  lines: ['focus', 'peerAggregate', 'peerMedian', 'region', 'england'],
};

/** Relationships: the scatter's default axes, and the fitted line. */
export const RELATIONSHIP_CHART = {
  defaultX: 'hn_spend_per_plan',
  defaultY: 'pct_plans_mainstream',
  fittedLine: true,
};

/**
 * Start page: headline figures for England and the DBV cohort (aliases of the start query). Where
 * England has no published figure (S251 spend has no England row), `englandFromSet` names the
 * all-England comparison whose aggregate (sum over sum of the LAs with figures) stands in, labelled as such.
 */
export const START_HEADLINES: readonly { key: 'plans' | 'mainstream' | 'spendPerPlan'; englandFromSet?: 'spendPerPlanEngland' }[] = [
  { key: 'plans' },
  { key: 'mainstream' },
  { key: 'spendPerPlan', englandFromSet: 'spendPerPlanEngland' },
];

export const THEME_LABELS: Readonly<Record<ThemeCode, string>> = {
  PLANS: 'EHC plans',
  INCLUSION: 'Inclusion',
  PROCESS: 'Process',
  NEEDS: 'Needs',
  SPEND: 'Spend',
};

/** Region codes: the trend query draws the focus LA's region, so it asks for all nine. */
export const REGION_CODES = ['E12000001', 'E12000002', 'E12000003', 'E12000004', 'E12000005', 'E12000006', 'E12000007', 'E12000008', 'E12000009'] as const;
export const ENGLAND_AREA = 'E92000001';

/** The report pack: the key figures it shows with spine charts (its trends and map are in ReportPageQuery). */
export const REPORT_PACK = {
  keyFigures: [
    'ehc_plans',
    'ehc_plans_growth',
    'pct_pupils_ehc_plan',
    'new_ehc_plans',
    'pct_plans_mainstream',
    'pct_plans_state_funded_special',
    'pct_plans_independent_or_nm_special',
    'pct_issued_within_20_weeks',
    'hn_spend_top_up_and_services',
    'hn_spend_per_plan',
  ],
} as const;
