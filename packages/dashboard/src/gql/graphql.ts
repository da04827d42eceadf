/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** England, a region, or a local authority. */
export type AreaLevel =
  | 'LOCAL_AUTHORITY'
  | 'NATIONAL'
  | 'REGIONAL';

/** Changes to a comparator set: only the fields given change. */
export type ComparatorSetChanges = {
  codes?: Array<string> | null | undefined;
  name?: string | null | undefined;
  shared?: boolean | null | undefined;
};

/** A new comparator set. */
export type ComparatorSetInput = {
  /** 1 to 30 LA codes (3-digit DfE numbers or ONS E-codes); kept as DfE numbers, duplicates dropped. */
  codes: Array<string>;
  /** 1 to 100 characters. */
  name: string;
  /** Share by link with signed-in users. */
  shared?: boolean;
};

/** Change from the previous period. */
export type Direction =
  | 'DOWN'
  | 'SAME'
  | 'UP';

/** Who the cohort is compared with. NO_PROGRAMME: every current LA in neither DBV in SEND nor Safety Valve (default). ALL_OTHERS: every current LA not in the cohort, including other programmes' members. NEIGHBOURS_NO_PROGRAMME: the statistical neighbours of the cohort's members that are in no programme. */
export type EvaluationComparison =
  | 'ALL_OTHERS'
  | 'NEIGHBOURS_NO_PROGRAMME'
  | 'NO_PROGRAMME';

/** Which comparison authorities each group-time effect uses. NEVER_TREATED: the comparison group only (default). NOT_YET_TREATED: also the cohort's own later-starting members, until they start (for staggered cohorts: all DBV, all Safety Valve). */
export type EvaluationComparisonTiming =
  | 'NEVER_TREATED'
  | 'NOT_YET_TREATED';

/** Who the synthetic comparison is built from. COMPARISON: every authority of the comparison group with the pre-period figures (default). NEIGHBOURS: only the focus authority's statistical neighbours among them (with the default comparison group, its neighbours in no programme): fewer donors than pre-periods, so the fit is not near-exact and the placebo p-value means more, though with few donors it cannot be small. */
export type EvaluationDonorPool =
  | 'COMPARISON'
  | 'NEIGHBOURS';

/** Why an authority was left out. NO_DATA: too few figures in the window. BOUNDARY_CHANGE: its area was reorganised and its series cannot be joined across the change for this metric. SERIES_BREAK: its cohort's start lies on the other side of a series break the evaluation will not straddle. START_OUTSIDE_SERIES: the series has no period before and after its cohort's start. NO_INDEX_BASE: no value in the index base period (INDEXED transform). */
export type EvaluationDropReason =
  | 'BOUNDARY_CHANGE'
  | 'NO_DATA'
  | 'NO_INDEX_BASE'
  | 'SERIES_BREAK'
  | 'START_OUTSIDE_SERIES';

/** HIGHER_AFTER / LOWER_AFTER: after its start the cohort moved above / below the comparison group's path, with a 95% interval excluding 0 and a permutation p-value under 0.05. NO_CLEAR_DIFFERENCE otherwise. */
export type EvaluationFinding =
  | 'HIGHER_AFTER'
  | 'LOWER_AFTER'
  | 'NO_CLEAR_DIFFERENCE';

/** In the programme cohort, or in the comparison group. */
export type EvaluationRole =
  | 'COHORT'
  | 'COMPARISON';

/** A cohort start to use instead of the reference one (packages/schema/src/programmes/programme-starts.ts). */
export type EvaluationStartInput = {
  /** Start id: "dbv:1", "dbv:2", "dbv:3", "safety_valve:2020-21", … (one of the cohort's). */
  id: string;
  /** Month (1–12). */
  month: number;
  /** Year (2000–2035). */
  year: number;
};

/** The scale effects are estimated on. LEVEL: the metric's own unit. LOG: natural logarithm (an effect of 0.05 is about 5%; counts and spend, where authorities differ greatly in size). INDEXED: each authority's value ÷ its value in the index base period × 100. */
export type EvaluationTransform =
  | 'INDEXED'
  | 'LEVEL'
  | 'LOG';

/** The area to forecast: exactly one of an LA, a peer set (its members summed) or England. */
export type ForecastAreaInput = {
  /** True for England. */
  england?: boolean | null | undefined;
  /** An LA code (886 or E10000016). */
  laCode?: string | null | undefined;
  /** A set of LAs, forecast as the sum of its members. */
  peers?: PeerSelector | null | undefined;
};

/** The mitigated case. All at 0 (and no cap) give the unmitigated forecast exactly. */
export type ForecastLeversInput = {
  /** Relative change in the rate at which plans cease, −0.5–0.5. */
  ceaseRateChange?: number;
  /** Share of new plans instead met at SEN support, 0–0.65. */
  diversionToSenSupport?: number;
  /** Cap on the annual growth of plans, 0–1 (null: no cap). */
  growthCap?: number | null | undefined;
  /** Share of new special and independent placements met in mainstream or resourced provision instead, 0–1. */
  specialToMainstream?: number;
};

/** TREND: log-linear trend on the January caseload; COHORT: age-cohort roll-forward. */
export type ForecastMethod =
  | 'COHORT'
  | 'TREND';

/** NOTE: a curated note on a known problem (shipped with SENDbench, with its source). CHECK: the automatic rule found a year-on-year change far outside the authority's own and England's; the value is shown as published. */
export type NoteKind =
  | 'CHECK'
  | 'NOTE';

/** STATISTICAL_NEIGHBOURS: an LA and its 10 neighbours; REGION: current LAs of a region; DBV: the DBV in SEND cohort (or one tranche); SAFETY_VALVE: LAs with an agreement; ENGLAND: all current LAs; CUSTOM: a list of 1–30 LAs. */
export type PeerKind =
  | 'CUSTOM'
  | 'DBV'
  | 'ENGLAND'
  | 'REGION'
  | 'SAFETY_VALVE'
  | 'STATISTICAL_NEIGHBOURS';

/** A comparator set, as the URL and the API both carry it. */
export type PeerSelector = {
  /** For CUSTOM: 1 to 30 LA codes. */
  codes?: Array<string> | null | undefined;
  /** Which kind of set; leave out when giving savedSetId. */
  kind?: PeerKind | null | undefined;
  /** For STATISTICAL_NEIGHBOURS and REGION: whose neighbours or region (default: the focus LA). */
  of?: string | null | undefined;
  /** A saved comparator set (the caller's own, or one shared by link), instead of kind: answered exactly as the same list given as CUSTOM codes. Needs sign-in. */
  savedSetId?: string | number | null | undefined;
  /** For DBV: tranche 1, 2 or 3 (omit for the whole cohort). */
  tranche?: number | null | undefined;
};

/** JANUARY: a census count at January, coded by academic year (202425 = January 2025); CALENDAR_YEAR: activity in a year (2024); FINANCIAL_YEAR: April–March (202425 = 2024-25). */
export type PeriodType =
  | 'CALENDAR_YEAR'
  | 'FINANCIAL_YEAR'
  | 'JANUARY';

/** Whether a higher value is better, worse, or neither (most SEND measures are context, not targets). */
export type Polarity =
  | 'HIGHER_IS_BETTER'
  | 'LOWER_IS_BETTER'
  | 'NEUTRAL';

/** DBV: Delivering Better Value in SEND (three tranches). SAFETY_VALVE: DSG very-high-deficit intervention agreements. */
export type Programme =
  | 'DBV'
  | 'SAFETY_VALVE';

/** What a caller may see: published data (ANONYMOUS), one LA's own figures (LA_USER), every LA's (DFE_ANALYST), and the service's administration (ADMIN). */
export type Role =
  | 'ADMIN'
  | 'ANONYMOUS'
  | 'DFE_ANALYST'
  | 'LA_USER';

/** Changes to a saved view: only the fields given change. */
export type SavedViewChanges = {
  name?: string | null | undefined;
  shared?: boolean | null | undefined;
};

/** A view to save: a page path and its query string. */
export type SavedViewInput = {
  /** 1 to 100 characters. */
  name: string;
  /** The page, e.g. "/compare". */
  path: string;
  /** The query string, "" or starting with "?". */
  search?: string;
  /** Share by link with signed-in users. */
  shared?: boolean;
};

/** How the caller proved who they are: not at all, a browser session, a bearer token, or embedded mode's local user (no identity provider). */
export type SignInMethod =
  | 'BEARER'
  | 'LOCAL'
  | 'NONE'
  | 'SESSION';

/** Compared with England at 95% confidence: the interval lies wholly above (HIGHER), wholly below (LOWER), or around England's value (SIMILAR). */
export type Significance =
  | 'HIGHER'
  | 'LOWER'
  | 'SIMILAR';

/** The group a metric belongs to. */
export type Theme =
  | 'INCLUSION'
  | 'NEEDS'
  | 'PLANS'
  | 'PROCESS'
  | 'SPEND';

/** An area's own series, the peer set's aggregate (sum over sum), or the peer set's median. */
export type TrendSeriesKind =
  | 'AREA'
  | 'PEER_AGGREGATE'
  | 'PEER_MEDIAN';

/** What a value counts: a number, a percentage, a rate per 1,000, pounds, pounds per EHC plan, pounds per head. */
export type Unit =
  | 'COUNT'
  | 'GBP'
  | 'GBP_PER_HEAD'
  | 'GBP_PER_PLAN'
  | 'PERCENT'
  | 'RATE_PER_1000';

/** An upload is active until a newer one of the same data set supersedes it or its LA withdraws it; every upload is kept. */
export type UploadStatus =
  | 'ACTIVE'
  | 'SUPERSEDED'
  | 'WITHDRAWN';

export type StartPageQueryVariables = Exact<{
  la?: string | null | undefined;
}>;


export type StartPageQuery = { authorities: { totalCount: number, edges: Array<{ node: { code: string, name: string, codes: Array<string>, region: { code: string, name: string } } }> }, peerGroups: Array<{ id: string, kind: PeerKind, label: string, size: number, listIncomplete: boolean, note: string | null, members: Array<{ code: string, name: string }> }>, plans: { metric: { id: string, label: string, unit: Unit, decimals: number, source: string }, period: { code: number, label: string }, england: { value: number | null, status: string }, statistics: { median: number | null, withValue: number, count: number, aggregate: { value: number | null, members: number } }, peerGroup: { id: string, label: string, size: number, listIncomplete: boolean, note: string | null } }, mainstream: { metric: { id: string, label: string, unit: Unit, decimals: number, source: string }, period: { code: number, label: string }, england: { value: number | null, status: string }, statistics: { median: number | null, withValue: number, count: number, aggregate: { value: number | null, members: number } }, peerGroup: { id: string, label: string, size: number, listIncomplete: boolean, note: string | null } }, spendPerPlan: { metric: { id: string, label: string, unit: Unit, decimals: number, source: string }, period: { code: number, label: string }, england: { value: number | null, status: string }, statistics: { median: number | null, withValue: number, count: number, aggregate: { value: number | null, members: number } }, peerGroup: { id: string, label: string, size: number, listIncomplete: boolean, note: string | null } }, spendPerPlanEngland: { statistics: { count: number, aggregate: { value: number | null, members: number } } } };

export type HeadlineFragment = { metric: { id: string, label: string, unit: Unit, decimals: number, source: string }, period: { code: number, label: string }, england: { value: number | null, status: string }, statistics: { median: number | null, withValue: number, count: number, aggregate: { value: number | null, members: number } }, peerGroup: { id: string, label: string, size: number, listIncomplete: boolean, note: string | null } };

export type ProfilePageQueryVariables = Exact<{
  la: string;
  peers?: PeerSelector | null | undefined;
  year?: number | null | undefined;
}>;


export type ProfilePageQuery = { profile: { year: number, authority: { code: string, name: string, region: { code: string, name: string }, programmes: Array<{ programme: Programme, cohort: string, listIncomplete: boolean, note: string | null }> }, peerGroup: { id: string, kind: PeerKind, label: string, size: number, listIncomplete: boolean, note: string | null }, metrics: Array<{ rank: number | null, rankOutOf: number, peersAbove: number, peersBelow: number, quartileBand: number | null, direction: Direction | null, significance: Significance | null, metric: { id: string, label: string, theme: Theme, unit: Unit, decimals: number, polarity: Polarity, source: string }, period: { code: number, label: string }, value: { value: number | null, status: string, notes: Array<{ id: string, kind: NoteKind, text: string, source: string }> }, previous: { value: number | null, status: string }, england: { value: number | null, status: string }, region: { value: number | null, status: string }, peers: { median: number | null, lowerQuartile: number | null, upperQuartile: number | null, min: number | null, max: number | null, withValue: number }, series: Array<{ value: number | null, status: string, period: { code: number, label: string } }>, provisional: { value: number | null, status: string, wouldRank: number | null, rankOutOf: number, quartileBand: number | null, upload: { id: string, version: number, uploadedAt: string, sharedWithDfe: boolean } } | null }> } };

export type ProvisionalMarkFragment = { value: number | null, status: string, wouldRank: number | null, rankOutOf: number, quartileBand: number | null, upload: { id: string, version: number, uploadedAt: string, sharedWithDfe: boolean } };

export type ComparePageQueryVariables = Exact<{
  la?: string | null | undefined;
  peers: PeerSelector;
  metric: string;
  period?: number | null | undefined;
}>;


export type ComparePageQuery = { comparison: { metric: { id: string, label: string, description: string, unit: Unit, decimals: number, polarity: Polarity, source: string, caveats: Array<string>, periods: Array<{ code: number, label: string }> }, period: { code: number, label: string }, peerGroup: { id: string, kind: PeerKind, label: string, size: number, listIncomplete: boolean, note: string | null }, focus: { code: string, name: string } | null, members: Array<{ rank: number | null, quartileBand: number | null, isFocus: boolean, significance: Significance | null, authority: { code: string, name: string }, value: { value: number | null, status: string, notes: Array<{ id: string, kind: NoteKind, text: string, source: string }> } }>, focusMember: { rank: number | null, quartileBand: number | null, isFocus: boolean, significance: Significance | null, authority: { code: string, name: string }, value: { value: number | null, status: string, notes: Array<{ id: string, kind: NoteKind, text: string, source: string }> } } | null, statistics: { median: number | null, lowerQuartile: number | null, upperQuartile: number | null, min: number | null, max: number | null, count: number, withValue: number, aggregate: { value: number | null } }, england: { value: number | null, status: string }, region: { value: number | null, status: string } | null, provisional: { value: number | null, status: string, wouldRank: number | null, rankOutOf: number, quartileBand: number | null, upload: { id: string, version: number, uploadedAt: string, sharedWithDfe: boolean } } | null }, map: { members: Array<{ rank: number | null, quartileBand: number | null, authority: { code: string, name: string }, value: { value: number | null, status: string, notes: Array<{ id: string, kind: NoteKind, text: string, source: string }> } }> }, metrics: Array<{ id: string, label: string, theme: Theme }> };

export type CompareMemberFragment = { rank: number | null, quartileBand: number | null, isFocus: boolean, significance: Significance | null, authority: { code: string, name: string }, value: { value: number | null, status: string, notes: Array<{ id: string, kind: NoteKind, text: string, source: string }> } };

export type TrendsPageQueryVariables = Exact<{
  la: string;
  areas: Array<string> | string;
  peers?: PeerSelector | null | undefined;
  metric: string;
}>;


export type TrendsPageQuery = { authority: { code: string, name: string, region: { code: string, name: string } }, trend: { metric: { id: string, label: string, description: string, unit: Unit, decimals: number, source: string, caveats: Array<string> }, periods: Array<{ code: number, label: string }>, breaks: Array<{ period: number, note: string }>, notes: Array<{ areaCode: string, id: string, kind: NoteKind, text: string, source: string, period: { code: number } }>, series: Array<{ id: string, kind: TrendSeriesKind, label: string, area: { code: string, level: AreaLevel, name: string } | null, points: Array<{ value: number | null, status: string, period: { code: number, label: string } }> }>, provisional: Array<{ laCode: string, value: number | null, status: string, period: { code: number, label: string }, upload: { version: number, uploadedAt: string, sharedWithDfe: boolean } }> }, peerGroups: Array<{ id: string, label: string, listIncomplete: boolean, note: string | null }>, metrics: Array<{ id: string, label: string, theme: Theme }> };

export type RelationshipsPageQueryVariables = Exact<{
  la?: string | null | undefined;
  x: string;
  y: string;
  year?: number | null | undefined;
  highlight?: PeerSelector | null | undefined;
}>;


export type RelationshipsPageQuery = { relationship: { pairs: number, pearson: number | null, spearman: number | null, x: { id: string, label: string, unit: Unit, decimals: number, source: string }, y: { id: string, label: string, unit: Unit, decimals: number, source: string }, xPeriod: { code: number, label: string }, yPeriod: { code: number, label: string }, line: { slope: number, intercept: number, rSquared: number } | null, peerGroup: { id: string, label: string }, points: Array<{ isFocus: boolean, highlighted: boolean, authority: { code: string, name: string }, x: { value: number | null, status: string }, y: { value: number | null, status: string } }> }, peerGroups: Array<{ id: string, kind: PeerKind, label: string, listIncomplete: boolean, note: string | null }>, metrics: Array<{ id: string, label: string, theme: Theme, periodType: PeriodType, periods: Array<{ code: number }> }> };

export type MetricsPageQueryVariables = Exact<{ [key: string]: never; }>;


export type MetricsPageQuery = { metrics: Array<{ id: string, label: string, description: string, theme: Theme, unit: Unit, decimals: number, polarity: Polarity, periodType: PeriodType, formula: string, source: string, caveats: Array<string>, isProportion: boolean, aggregatable: boolean, latestPeriod: { label: string } | null, periods: Array<{ code: number, label: string }>, seriesBreaks: Array<{ period: number, note: string }> }> };

export type DataPageQueryVariables = Exact<{ [key: string]: never; }>;


export type DataPageQuery = { dataVersion: string, releases: Array<{ id: number, dataset: string, publication: string, fileName: string, sha256: string, rowsRead: number, rowsLoaded: number, observations: number, importedAt: string, status: string, supersededBy: number | null, warnings: Array<string> }>, peerGroups: Array<{ id: string, label: string, listIncomplete: boolean, note: string | null }> };

export type EvaluationPageQueryVariables = Exact<{
  cohort: string;
  metric: string;
  transform?: EvaluationTransform | null | undefined;
  comparison?: EvaluationComparison | null | undefined;
  comparisonTiming?: EvaluationComparisonTiming | null | undefined;
  starts?: Array<EvaluationStartInput> | EvaluationStartInput | null | undefined;
  from?: number | null | undefined;
  to?: number | null | undefined;
  indexBase?: number | null | undefined;
  straddleSeriesBreak?: boolean | null | undefined;
  draws?: number | null | undefined;
  seed?: number | null | undefined;
  focus?: string | null | undefined;
  donors?: EvaluationDonorPool | null | undefined;
}>;


export type EvaluationPageQuery = { evaluation: { transform: EvaluationTransform, unitLabel: string, comparison: EvaluationComparison, comparisonLabel: string, comparisonTiming: EvaluationComparisonTiming, successions: Array<string>, dataVersion: string, cohort: { id: string, label: string, programme: string, listIncomplete: boolean, note: string | null }, metric: { id: string, label: string, description: string, unit: Unit, decimals: number, source: string, caveats: Array<string>, periodType: PeriodType, periods: Array<{ code: number, label: string }>, latestPeriod: { code: number } | null, seriesBreaks: Array<{ period: number, note: string }> }, window: { straddled: boolean, handling: string | null, note: string | null, from: { code: number, label: string }, to: { code: number, label: string }, periods: Array<{ code: number, label: string }>, seriesBreaks: Array<{ note: string, period: { code: number, label: string } }> }, starts: Array<{ id: string, label: string, year: number, month: number, monthLabel: string, precision: string, known: string, source: string, uncertainty: string, overridden: boolean, authorities: number, note: string | null, firstPostPeriod: { code: number, label: string } | null }>, indexBase: { code: number, label: string }, groupMeans: Array<{ period: { code: number, label: string }, cohort: { authorities: number, level: { value: number, low: number | null, high: number | null } | null, indexed: { value: number, low: number | null, high: number | null } | null }, comparison: { authorities: number, level: { value: number, low: number | null, high: number | null } | null, indexed: { value: number, low: number | null, high: number | null } | null } }>, eventStudy: Array<{ eventTime: number, post: boolean, estimate: { effect: number, low: number | null, high: number | null, standardError: number | null, validDraws: number } }>, overall: { effect: number, low: number | null, high: number | null, standardError: number | null, validDraws: number }, simple: { estimate: number, skipped: Array<string>, cohorts: Array<{ startId: string, cohortBefore: number, cohortAfter: number, comparisonBefore: number, comparisonAfter: number, estimate: number, weight: number, cohortAuthorities: number, comparisonAuthorities: number, beforeFrom: { label: string }, beforeTo: { label: string }, afterFrom: { label: string }, afterTo: { label: string } }> }, permutation: { pValue: number, draws: number, validDraws: number, exceedances: number, eligibleAuthorities: number }, preTrends: { joint: { available: boolean, reason: string | null, statistic: number | null, degreesOfFreedom: number | null, pValue: number | null }, placebo: { available: boolean, reason: string | null, shift: number, estimate: { effect: number, low: number | null, high: number | null, standardError: number | null, validDraws: number } | null } }, synthetic: { available: boolean, reason: string | null, code: string, name: string, donorPool: EvaluationDonorPool, donors: number, preRmspe: number | null, postRmspe: number | null, rmspeRatio: number | null, placeboPValue: number | null, placeboRank: number | null, placebos: number, note: string | null, start: { code: number, label: string } | null, weights: Array<{ code: string, name: string, weight: number }>, path: Array<{ actual: number | null, synthetic: number | null, gap: number | null, period: { code: number, label: string } }>, fitPeriods: Array<{ code: number, label: string }> } | null, authorities: Array<{ code: string, name: string, codes: Array<string>, role: EvaluationRole, startId: string | null, observedPeriods: number, joined: string | null, firstPostPeriod: { label: string } | null }>, dropped: Array<{ code: string, name: string, role: EvaluationRole, reason: EvaluationDropReason, detail: string }>, verdict: { finding: EvaluationFinding, preTrendsPass: boolean, headline: string, details: Array<string>, caveats: Array<string> }, method: { estimator: string, comparisonTiming: string, bootstrap: string, permutation: string, preTrends: string, synthetic: string, groupMeans: string, firstPostRule: string, draws: number, seed: number, confidenceLevel: number, placeboShift: number } } };

export type EvaluationGroupFragment = { authorities: number, level: { value: number, low: number | null, high: number | null } | null, indexed: { value: number, low: number | null, high: number | null } | null };

export type EvaluationEffectFieldsFragment = { effect: number, low: number | null, high: number | null, standardError: number | null, validDraws: number };

export type ForecastPageQueryVariables = Exact<{
  area: ForecastAreaInput;
  levers?: ForecastLeversInput | null | undefined;
  upratingRate?: number | null | undefined;
  newPlansGrowth?: number | null | undefined;
  senSupportCost?: number | null | undefined;
  method?: ForecastMethod | null | undefined;
  laCode: string;
  hasLa: boolean;
}>;


export type ForecastPageQuery = { dataVersion: string, authority?: { name: string }, forecast: { label: string, areaCodes: Array<string>, listIncomplete: boolean, listNote: string | null, baseYear: number, baseTotal: number, method: ForecastMethod, methodReason: string, intervalSource: string, cohortStartYear: number | null, baseSpend: number | null, pricedShareOfActualSpend: number | null, caveats: Array<string>, base: { mainstream: number, stateSpecial: number, independentSpecial: number, post16: number, other: number }, years: Array<{ year: number, financialYear: number, plansDifference: number, cumulativePlansDifference: number, spendDifference: number | null, cumulativeSpendDifference: number | null, senSupportSpend: number | null, netSpendDifference: number | null, cumulativeNetSpendDifference: number | null, divertedNewPlans: number, divertedStock: number, movedToMainstream: number, capBinding: boolean, unmitigated: { point: number, lower80: number, upper80: number, lower95: number, upper95: number, spend: number | null, groups: { mainstream: number, stateSpecial: number, independentSpecial: number, post16: number, other: number } }, mitigated: { point: number, lower80: number, upper80: number, lower95: number, upper95: number, spend: number | null, groups: { mainstream: number, stateSpecial: number, independentSpecial: number, post16: number, other: number } } }>, backtest: { cutoffYear: number, scoredYears: Array<number>, maseScale: number | null, notes: Array<string>, scores: Array<{ method: string, mape: number | null, mase: number | null, notScored: string | null, points: Array<{ year: number, forecast: number, actual: number }> }> }, cohortBands: Array<{ label: string, transitionRatio: number, ceaseRate: number, newPlans: number }>, unitCosts: Array<{ group: string, label: string, perPlan: number, source: string, outturn: number, plans: number, reason: string | null }>, observedPlans: Array<{ period: number, value: number | null }>, laterObservedPlans: Array<{ period: number, value: number | null }>, actualSpend: Array<{ period: number, value: number | null }>, assumptions: Array<{ id: string, value: string | null, description: string, source: string }> } };

export type ForecastGroupFiguresFragment = { mainstream: number, stateSpecial: number, independentSpecial: number, post16: number, other: number };

export type ForecastProjectionFiguresFragment = { point: number, lower80: number, upper80: number, lower95: number, upper95: number, spend: number | null, groups: { mainstream: number, stateSpecial: number, independentSpecial: number, post16: number, other: number } };

export type FootnoteFragment = { id: string, kind: NoteKind, text: string, source: string };

export type DataQualityPageQueryVariables = Exact<{ [key: string]: never; }>;


export type DataQualityPageQuery = { dataQuality: { rule: string, curated: Array<{ id: string, selector: string, metricIds: Array<string>, text: string, source: string, authority: { code: string, name: string } | null, periods: Array<{ code: number, label: string }> }>, flags: Array<{ id: string, value: number, previousValue: number, changePercent: number, ownMedianChangePercent: number, englandMedianChangePercent: number, zOwn: number, zEngland: number, text: string, metric: { id: string, label: string, unit: Unit, decimals: number }, authority: { code: string, name: string }, period: { code: number, label: string }, previousPeriod: { label: string } }> } };

export type MapMemberFragment = { rank: number | null, quartileBand: number | null, authority: { code: string, name: string }, value: { value: number | null, status: string, notes: Array<{ id: string, kind: NoteKind, text: string, source: string }> } };

export type MapPageQueryVariables = Exact<{
  la?: string | null | undefined;
  metric: string;
  period?: number | null | undefined;
}>;


export type MapPageQuery = { comparison: { metric: { id: string, label: string, description: string, unit: Unit, decimals: number, polarity: Polarity, source: string, caveats: Array<string>, periods: Array<{ code: number, label: string }> }, period: { code: number, label: string }, members: Array<{ rank: number | null, quartileBand: number | null, authority: { code: string, name: string }, value: { value: number | null, status: string, notes: Array<{ id: string, kind: NoteKind, text: string, source: string }> } }>, focus: { code: string, name: string } | null, provisional: { value: number | null, status: string, wouldRank: number | null, rankOutOf: number, quartileBand: number | null, upload: { id: string, version: number, uploadedAt: string, sharedWithDfe: boolean } } | null }, peerGroups: Array<{ id: string, kind: PeerKind, label: string, members: Array<{ code: string }> }>, metrics: Array<{ id: string, label: string, theme: Theme }> };

export type ReportPageQueryVariables = Exact<{
  la: string;
  area: string;
  peers?: PeerSelector | null | undefined;
}>;


export type ReportPageQuery = { profile: { year: number, authority: { code: string, name: string, region: { code: string, name: string }, programmes: Array<{ programme: Programme, cohort: string, listIncomplete: boolean }> }, peerGroup: { id: string, kind: PeerKind, label: string, size: number, listIncomplete: boolean, members: Array<{ code: string }> }, metrics: Array<{ rank: number | null, rankOutOf: number, peersAbove: number, peersBelow: number, quartileBand: number | null, metric: { id: string, label: string, theme: Theme, unit: Unit, decimals: number, polarity: Polarity, source: string }, period: { code: number, label: string }, value: { value: number | null, status: string, notes: Array<{ id: string, kind: NoteKind, text: string, source: string }> }, england: { value: number | null, status: string }, peers: { median: number | null, lowerQuartile: number | null, upperQuartile: number | null, min: number | null, max: number | null }, provisional: { value: number | null, status: string, wouldRank: number | null, rankOutOf: number, quartileBand: number | null, upload: { id: string, version: number, uploadedAt: string, sharedWithDfe: boolean } } | null }> }, plans: { metric: { id: string, label: string, unit: Unit, decimals: number, source: string }, periods: Array<{ code: number, label: string }>, breaks: Array<{ period: number }>, series: Array<{ id: string, kind: TrendSeriesKind, label: string, area: { code: string } | null, points: Array<{ value: number | null, status: string }> }> }, mainstream: { metric: { id: string, label: string, unit: Unit, decimals: number, source: string }, periods: Array<{ code: number, label: string }>, breaks: Array<{ period: number }>, series: Array<{ id: string, kind: TrendSeriesKind, label: string, area: { code: string } | null, points: Array<{ value: number | null, status: string }> }> }, spend: { metric: { id: string, label: string, unit: Unit, decimals: number, source: string }, periods: Array<{ code: number, label: string }>, breaks: Array<{ period: number }>, series: Array<{ id: string, kind: TrendSeriesKind, label: string, area: { code: string } | null, points: Array<{ value: number | null, status: string }> }> }, map: { metric: { label: string, unit: Unit, decimals: number, polarity: Polarity, source: string }, period: { label: string }, members: Array<{ rank: number | null, quartileBand: number | null, authority: { code: string, name: string }, value: { value: number | null, status: string, notes: Array<{ id: string, kind: NoteKind, text: string, source: string }> } }> } };

export type ReportTrendFragment = { metric: { id: string, label: string, unit: Unit, decimals: number, source: string }, periods: Array<{ code: number, label: string }>, breaks: Array<{ period: number }>, series: Array<{ id: string, kind: TrendSeriesKind, label: string, area: { code: string } | null, points: Array<{ value: number | null, status: string }> }> };

export type ReportEvaluationQueryVariables = Exact<{
  cohort: string;
}>;


export type ReportEvaluationQuery = { evaluation: { comparisonLabel: string, unitLabel: string, cohort: { label: string, listIncomplete: boolean }, overall: { effect: number, low: number | null, high: number | null }, verdict: { headline: string } } };

export type ReportForecastQueryVariables = Exact<{
  la: string;
}>;


export type ReportForecastQuery = { forecast: { label: string, baseYear: number, baseTotal: number, methodReason: string, years: Array<{ year: number, unmitigated: { point: number, lower80: number, upper80: number, spend: number | null } }> } };

export type SignedInUserQueryVariables = Exact<{ [key: string]: never; }>;


export type SignedInUserQuery = { me: { role: Role, method: SignInMethod, signedIn: boolean, name: string | null, email: string | null, laCode: string | null } };

export type SavedComparatorSetFragment = { id: string, name: string, codes: Array<string>, shared: boolean, mine: boolean, version: number };

export type ComparatorSetsQueryVariables = Exact<{ [key: string]: never; }>;


export type ComparatorSetsQuery = { comparatorSets: Array<{ id: string, name: string, codes: Array<string>, shared: boolean, mine: boolean, version: number }> };

export type ComparatorSetQueryVariables = Exact<{
  id: string | number;
}>;


export type ComparatorSetQuery = { comparatorSet: { id: string, name: string, codes: Array<string>, shared: boolean, mine: boolean, version: number } };

export type SavedViewFieldsFragment = { id: string, name: string, path: string, search: string, shared: boolean, mine: boolean };

export type SavedViewsQueryVariables = Exact<{ [key: string]: never; }>;


export type SavedViewsQuery = { savedViews: Array<{ id: string, name: string, path: string, search: string, shared: boolean, mine: boolean }> };

export type CreateComparatorSetMutationVariables = Exact<{
  set: ComparatorSetInput;
}>;


export type CreateComparatorSetMutation = { createComparatorSet: { id: string, name: string, codes: Array<string>, shared: boolean, mine: boolean, version: number } };

export type UpdateComparatorSetMutationVariables = Exact<{
  id: string | number;
  changes: ComparatorSetChanges;
}>;


export type UpdateComparatorSetMutation = { updateComparatorSet: { id: string, name: string, codes: Array<string>, shared: boolean, mine: boolean, version: number } };

export type DeleteComparatorSetMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteComparatorSetMutation = { deleteComparatorSet: boolean };

export type SaveViewMutationVariables = Exact<{
  view: SavedViewInput;
}>;


export type SaveViewMutation = { saveView: { id: string, name: string, path: string, search: string, shared: boolean, mine: boolean } };

export type UpdateSavedViewMutationVariables = Exact<{
  id: string | number;
  changes: SavedViewChanges;
}>;


export type UpdateSavedViewMutation = { updateSavedView: { id: string, name: string, path: string, search: string, shared: boolean, mine: boolean } };

export type DeleteSavedViewMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteSavedViewMutation = { deleteSavedView: boolean };

export type SavedViewQueryVariables = Exact<{
  id: string | number;
}>;


export type SavedViewQuery = { savedView: { id: string, name: string, path: string, search: string, shared: boolean, mine: boolean } };

export type ProvisionalPageQueryVariables = Exact<{ [key: string]: never; }>;


export type ProvisionalPageQuery = { me: { role: Role, laCode: string | null }, provisionalUploads: Array<{ id: string, laCode: string, dataset: string, version: number, uploader: string, uploadedAt: string, sha256: string, status: UploadStatus, sharedWithDfe: boolean, sharedAt: string | null, withdrawnAt: string | null, fileName: string, rowCount: number }> };

export type ShareProvisionalUploadMutationVariables = Exact<{
  id: string | number;
  share?: boolean | null | undefined;
}>;


export type ShareProvisionalUploadMutation = { shareProvisionalUpload: { id: string, sharedWithDfe: boolean, sharedAt: string | null } };

export type WithdrawProvisionalUploadMutationVariables = Exact<{
  id: string | number;
}>;


export type WithdrawProvisionalUploadMutation = { withdrawProvisionalUpload: { id: string, status: UploadStatus, withdrawnAt: string | null } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const HeadlineFragmentDoc = new TypedDocumentString(`
    fragment Headline on Comparison {
  metric {
    id
    label
    unit
    decimals
    source
  }
  period {
    code
    label
  }
  england {
    value
    status
  }
  statistics {
    median
    withValue
    count
    aggregate {
      value
      members
    }
  }
  peerGroup {
    id
    label
    size
    listIncomplete
    note
  }
}
    `, {"fragmentName":"Headline"}) as unknown as TypedDocumentString<HeadlineFragment, unknown>;
export const ProvisionalMarkFragmentDoc = new TypedDocumentString(`
    fragment ProvisionalMark on ProvisionalFigure {
  value
  status
  wouldRank
  rankOutOf
  quartileBand
  upload {
    id
    version
    uploadedAt
    sharedWithDfe
  }
}
    `, {"fragmentName":"ProvisionalMark"}) as unknown as TypedDocumentString<ProvisionalMarkFragment, unknown>;
export const FootnoteFragmentDoc = new TypedDocumentString(`
    fragment Footnote on ValueNote {
  id
  kind
  text
  source
}
    `, {"fragmentName":"Footnote"}) as unknown as TypedDocumentString<FootnoteFragment, unknown>;
export const CompareMemberFragmentDoc = new TypedDocumentString(`
    fragment CompareMember on ComparisonMember {
  authority {
    code
    name
  }
  value {
    value
    status
    notes {
      ...Footnote
    }
  }
  rank
  quartileBand
  isFocus
  significance
}
    fragment Footnote on ValueNote {
  id
  kind
  text
  source
}`, {"fragmentName":"CompareMember"}) as unknown as TypedDocumentString<CompareMemberFragment, unknown>;
export const EvaluationGroupFragmentDoc = new TypedDocumentString(`
    fragment EvaluationGroup on EvaluationGroupFigures {
  authorities
  level {
    value
    low
    high
  }
  indexed {
    value
    low
    high
  }
}
    `, {"fragmentName":"EvaluationGroup"}) as unknown as TypedDocumentString<EvaluationGroupFragment, unknown>;
export const EvaluationEffectFieldsFragmentDoc = new TypedDocumentString(`
    fragment EvaluationEffectFields on EvaluationEffect {
  effect
  low
  high
  standardError
  validDraws
}
    `, {"fragmentName":"EvaluationEffectFields"}) as unknown as TypedDocumentString<EvaluationEffectFieldsFragment, unknown>;
export const ForecastGroupFiguresFragmentDoc = new TypedDocumentString(`
    fragment ForecastGroupFigures on ForecastGroups {
  mainstream
  stateSpecial
  independentSpecial
  post16
  other
}
    `, {"fragmentName":"ForecastGroupFigures"}) as unknown as TypedDocumentString<ForecastGroupFiguresFragment, unknown>;
export const ForecastProjectionFiguresFragmentDoc = new TypedDocumentString(`
    fragment ForecastProjectionFigures on ForecastProjection {
  point
  lower80
  upper80
  lower95
  upper95
  spend
  groups {
    ...ForecastGroupFigures
  }
}
    fragment ForecastGroupFigures on ForecastGroups {
  mainstream
  stateSpecial
  independentSpecial
  post16
  other
}`, {"fragmentName":"ForecastProjectionFigures"}) as unknown as TypedDocumentString<ForecastProjectionFiguresFragment, unknown>;
export const MapMemberFragmentDoc = new TypedDocumentString(`
    fragment MapMember on ComparisonMember {
  authority {
    code
    name
  }
  value {
    value
    status
    notes {
      ...Footnote
    }
  }
  rank
  quartileBand
}
    fragment Footnote on ValueNote {
  id
  kind
  text
  source
}`, {"fragmentName":"MapMember"}) as unknown as TypedDocumentString<MapMemberFragment, unknown>;
export const ReportTrendFragmentDoc = new TypedDocumentString(`
    fragment ReportTrend on Trend {
  metric {
    id
    label
    unit
    decimals
    source
  }
  periods {
    code
    label
  }
  breaks {
    period
  }
  series {
    id
    kind
    label
    area {
      code
    }
    points {
      value
      status
    }
  }
}
    `, {"fragmentName":"ReportTrend"}) as unknown as TypedDocumentString<ReportTrendFragment, unknown>;
export const SavedComparatorSetFragmentDoc = new TypedDocumentString(`
    fragment SavedComparatorSet on ComparatorSet {
  id
  name
  codes
  shared
  mine
  version
}
    `, {"fragmentName":"SavedComparatorSet"}) as unknown as TypedDocumentString<SavedComparatorSetFragment, unknown>;
export const SavedViewFieldsFragmentDoc = new TypedDocumentString(`
    fragment SavedViewFields on SavedView {
  id
  name
  path
  search
  shared
  mine
}
    `, {"fragmentName":"SavedViewFields"}) as unknown as TypedDocumentString<SavedViewFieldsFragment, unknown>;
export const StartPageDocument = new TypedDocumentString(`
    query StartPage($la: LaCode) {
  authorities(first: 200) {
    totalCount
    edges {
      node {
        code
        name
        codes
        region {
          code
          name
        }
      }
    }
  }
  peerGroups(of: $la) {
    id
    kind
    label
    size
    listIncomplete
    note
    members {
      code
      name
    }
  }
  plans: comparison(metric: "ehc_plans", peers: {kind: DBV}) {
    ...Headline
  }
  mainstream: comparison(metric: "pct_plans_mainstream", peers: {kind: DBV}) {
    ...Headline
  }
  spendPerPlan: comparison(metric: "hn_spend_per_plan", peers: {kind: DBV}) {
    ...Headline
  }
  spendPerPlanEngland: comparison(
    metric: "hn_spend_per_plan"
    peers: {kind: ENGLAND}
  ) {
    statistics {
      count
      aggregate {
        value
        members
      }
    }
  }
}
    fragment Headline on Comparison {
  metric {
    id
    label
    unit
    decimals
    source
  }
  period {
    code
    label
  }
  england {
    value
    status
  }
  statistics {
    median
    withValue
    count
    aggregate {
      value
      members
    }
  }
  peerGroup {
    id
    label
    size
    listIncomplete
    note
  }
}`) as unknown as TypedDocumentString<StartPageQuery, StartPageQueryVariables>;
export const ProfilePageDocument = new TypedDocumentString(`
    query ProfilePage($la: LaCode!, $peers: PeerSelector, $year: Int) {
  profile(code: $la, peers: $peers, year: $year) {
    year
    authority {
      code
      name
      region {
        code
        name
      }
      programmes {
        programme
        cohort
        listIncomplete
        note
      }
    }
    peerGroup {
      id
      kind
      label
      size
      listIncomplete
      note
    }
    metrics {
      metric {
        id
        label
        theme
        unit
        decimals
        polarity
        source
      }
      period {
        code
        label
      }
      value {
        value
        status
        notes {
          ...Footnote
        }
      }
      previous {
        value
        status
      }
      england {
        value
        status
      }
      region {
        value
        status
      }
      peers {
        median
        lowerQuartile
        upperQuartile
        min
        max
        withValue
      }
      rank
      rankOutOf
      peersAbove
      peersBelow
      quartileBand
      direction
      significance
      series {
        period {
          code
          label
        }
        value
        status
      }
      provisional {
        ...ProvisionalMark
      }
    }
  }
}
    fragment ProvisionalMark on ProvisionalFigure {
  value
  status
  wouldRank
  rankOutOf
  quartileBand
  upload {
    id
    version
    uploadedAt
    sharedWithDfe
  }
}
fragment Footnote on ValueNote {
  id
  kind
  text
  source
}`) as unknown as TypedDocumentString<ProfilePageQuery, ProfilePageQueryVariables>;
export const ComparePageDocument = new TypedDocumentString(`
    query ComparePage($la: LaCode, $peers: PeerSelector!, $metric: MetricId!, $period: PeriodCode) {
  comparison(metric: $metric, period: $period, focus: $la, peers: $peers) {
    metric {
      id
      label
      description
      unit
      decimals
      polarity
      source
      caveats
      periods {
        code
        label
      }
    }
    period {
      code
      label
    }
    peerGroup {
      id
      kind
      label
      size
      listIncomplete
      note
    }
    focus {
      code
      name
    }
    members(first: 200) {
      ...CompareMember
    }
    focusMember {
      ...CompareMember
    }
    statistics {
      median
      lowerQuartile
      upperQuartile
      min
      max
      count
      withValue
      aggregate {
        value
      }
    }
    england {
      value
      status
    }
    region {
      value
      status
    }
    provisional {
      ...ProvisionalMark
    }
  }
  map: comparison(
    metric: $metric
    period: $period
    focus: $la
    peers: {kind: ENGLAND}
  ) {
    members(first: 200) {
      ...MapMember
    }
  }
  metrics {
    id
    label
    theme
  }
}
    fragment ProvisionalMark on ProvisionalFigure {
  value
  status
  wouldRank
  rankOutOf
  quartileBand
  upload {
    id
    version
    uploadedAt
    sharedWithDfe
  }
}
fragment CompareMember on ComparisonMember {
  authority {
    code
    name
  }
  value {
    value
    status
    notes {
      ...Footnote
    }
  }
  rank
  quartileBand
  isFocus
  significance
}
fragment Footnote on ValueNote {
  id
  kind
  text
  source
}
fragment MapMember on ComparisonMember {
  authority {
    code
    name
  }
  value {
    value
    status
    notes {
      ...Footnote
    }
  }
  rank
  quartileBand
}`) as unknown as TypedDocumentString<ComparePageQuery, ComparePageQueryVariables>;
export const TrendsPageDocument = new TypedDocumentString(`
    query TrendsPage($la: LaCode!, $areas: [AreaCode!]!, $peers: PeerSelector, $metric: MetricId!) {
  authority(code: $la) {
    code
    name
    region {
      code
      name
    }
  }
  trend(metric: $metric, areas: $areas, focus: $la, peers: $peers) {
    metric {
      id
      label
      description
      unit
      decimals
      source
      caveats
    }
    periods {
      code
      label
    }
    breaks {
      period
      note
    }
    notes {
      ...Footnote
      areaCode
      period {
        code
      }
    }
    series {
      id
      kind
      label
      area {
        code
        level
        name
      }
      points {
        period {
          code
          label
        }
        value
        status
      }
    }
    provisional {
      laCode
      period {
        code
        label
      }
      value
      status
      upload {
        version
        uploadedAt
        sharedWithDfe
      }
    }
  }
  peerGroups(of: $la) {
    id
    label
    listIncomplete
    note
  }
  metrics {
    id
    label
    theme
  }
}
    fragment Footnote on ValueNote {
  id
  kind
  text
  source
}`) as unknown as TypedDocumentString<TrendsPageQuery, TrendsPageQueryVariables>;
export const RelationshipsPageDocument = new TypedDocumentString(`
    query RelationshipsPage($la: LaCode, $x: MetricId!, $y: MetricId!, $year: Int, $highlight: PeerSelector) {
  relationship(x: $x, y: $y, year: $year, focus: $la, highlight: $highlight) {
    x {
      id
      label
      unit
      decimals
      source
    }
    y {
      id
      label
      unit
      decimals
      source
    }
    xPeriod {
      code
      label
    }
    yPeriod {
      code
      label
    }
    pairs
    pearson
    spearman
    line {
      slope
      intercept
      rSquared
    }
    peerGroup {
      id
      label
    }
    points {
      authority {
        code
        name
      }
      isFocus
      highlighted
      x {
        value
        status
      }
      y {
        value
        status
      }
    }
  }
  peerGroups(of: $la) {
    id
    kind
    label
    listIncomplete
    note
  }
  metrics {
    id
    label
    theme
    periodType
    periods {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<RelationshipsPageQuery, RelationshipsPageQueryVariables>;
export const MetricsPageDocument = new TypedDocumentString(`
    query MetricsPage {
  metrics {
    id
    label
    description
    theme
    unit
    decimals
    polarity
    periodType
    formula
    source
    caveats
    isProportion
    aggregatable
    latestPeriod {
      label
    }
    periods {
      code
      label
    }
    seriesBreaks {
      period
      note
    }
  }
}
    `) as unknown as TypedDocumentString<MetricsPageQuery, MetricsPageQueryVariables>;
export const DataPageDocument = new TypedDocumentString(`
    query DataPage {
  dataVersion
  releases {
    id
    dataset
    publication
    fileName
    sha256
    rowsRead
    rowsLoaded
    observations
    importedAt
    status
    supersededBy
    warnings
  }
  peerGroups {
    id
    label
    listIncomplete
    note
  }
}
    `) as unknown as TypedDocumentString<DataPageQuery, DataPageQueryVariables>;
export const EvaluationPageDocument = new TypedDocumentString(`
    query EvaluationPage($cohort: String!, $metric: MetricId!, $transform: EvaluationTransform, $comparison: EvaluationComparison, $comparisonTiming: EvaluationComparisonTiming, $starts: [EvaluationStartInput!], $from: PeriodCode, $to: PeriodCode, $indexBase: PeriodCode, $straddleSeriesBreak: Boolean, $draws: Int, $seed: Int, $focus: LaCode, $donors: EvaluationDonorPool) {
  evaluation(
    cohort: $cohort
    metric: $metric
    transform: $transform
    comparison: $comparison
    comparisonTiming: $comparisonTiming
    starts: $starts
    from: $from
    to: $to
    indexBase: $indexBase
    straddleSeriesBreak: $straddleSeriesBreak
    draws: $draws
    seed: $seed
    focus: $focus
    donors: $donors
  ) {
    cohort {
      id
      label
      programme
      listIncomplete
      note
    }
    metric {
      id
      label
      description
      unit
      decimals
      source
      caveats
      periodType
      periods {
        code
        label
      }
      latestPeriod {
        code
      }
      seriesBreaks {
        period
        note
      }
    }
    transform
    unitLabel
    comparison
    comparisonLabel
    comparisonTiming
    window {
      from {
        code
        label
      }
      to {
        code
        label
      }
      periods {
        code
        label
      }
      seriesBreaks {
        period {
          code
          label
        }
        note
      }
      straddled
      handling
      note
    }
    starts {
      id
      label
      year
      month
      monthLabel
      precision
      known
      source
      uncertainty
      overridden
      firstPostPeriod {
        code
        label
      }
      authorities
      note
    }
    indexBase {
      code
      label
    }
    groupMeans {
      period {
        code
        label
      }
      cohort {
        ...EvaluationGroup
      }
      comparison {
        ...EvaluationGroup
      }
    }
    eventStudy {
      eventTime
      post
      estimate {
        ...EvaluationEffectFields
      }
    }
    overall {
      ...EvaluationEffectFields
    }
    simple {
      estimate
      cohorts {
        startId
        beforeFrom {
          label
        }
        beforeTo {
          label
        }
        afterFrom {
          label
        }
        afterTo {
          label
        }
        cohortBefore
        cohortAfter
        comparisonBefore
        comparisonAfter
        estimate
        weight
        cohortAuthorities
        comparisonAuthorities
      }
      skipped
    }
    permutation {
      pValue
      draws
      validDraws
      exceedances
      eligibleAuthorities
    }
    preTrends {
      joint {
        available
        reason
        statistic
        degreesOfFreedom
        pValue
      }
      placebo {
        available
        reason
        shift
        estimate {
          ...EvaluationEffectFields
        }
      }
    }
    synthetic {
      available
      reason
      code
      name
      start {
        code
        label
      }
      donorPool
      weights {
        code
        name
        weight
      }
      donors
      path {
        period {
          code
          label
        }
        actual
        synthetic
        gap
      }
      fitPeriods {
        code
        label
      }
      preRmspe
      postRmspe
      rmspeRatio
      placeboPValue
      placeboRank
      placebos
      note
    }
    authorities {
      code
      name
      codes
      role
      startId
      firstPostPeriod {
        label
      }
      observedPeriods
      joined
    }
    dropped {
      code
      name
      role
      reason
      detail
    }
    successions
    verdict {
      finding
      preTrendsPass
      headline
      details
      caveats
    }
    method {
      estimator
      comparisonTiming
      bootstrap
      permutation
      preTrends
      synthetic
      groupMeans
      firstPostRule
      draws
      seed
      confidenceLevel
      placeboShift
    }
    dataVersion
  }
}
    fragment EvaluationGroup on EvaluationGroupFigures {
  authorities
  level {
    value
    low
    high
  }
  indexed {
    value
    low
    high
  }
}
fragment EvaluationEffectFields on EvaluationEffect {
  effect
  low
  high
  standardError
  validDraws
}`) as unknown as TypedDocumentString<EvaluationPageQuery, EvaluationPageQueryVariables>;
export const ForecastPageDocument = new TypedDocumentString(`
    query ForecastPage($area: ForecastAreaInput!, $levers: ForecastLeversInput, $upratingRate: Float, $newPlansGrowth: Float, $senSupportCost: Float, $method: ForecastMethod, $laCode: LaCode!, $hasLa: Boolean!) {
  dataVersion
  authority(code: $laCode) @include(if: $hasLa) {
    name
  }
  forecast(
    area: $area
    levers: $levers
    upratingRate: $upratingRate
    newPlansGrowth: $newPlansGrowth
    senSupportCost: $senSupportCost
    method: $method
  ) {
    label
    areaCodes
    listIncomplete
    listNote
    baseYear
    baseTotal
    base {
      ...ForecastGroupFigures
    }
    method
    methodReason
    intervalSource
    years {
      year
      financialYear
      unmitigated {
        ...ForecastProjectionFigures
      }
      mitigated {
        ...ForecastProjectionFigures
      }
      plansDifference
      cumulativePlansDifference
      spendDifference
      cumulativeSpendDifference
      senSupportSpend
      netSpendDifference
      cumulativeNetSpendDifference
      divertedNewPlans
      divertedStock
      movedToMainstream
      capBinding
    }
    backtest {
      cutoffYear
      scoredYears
      maseScale
      notes
      scores {
        method
        mape
        mase
        notScored
        points {
          year
          forecast
          actual
        }
      }
    }
    cohortStartYear
    cohortBands {
      label
      transitionRatio
      ceaseRate
      newPlans
    }
    unitCosts {
      group
      label
      perPlan
      source
      outturn
      plans
      reason
    }
    baseSpend
    pricedShareOfActualSpend
    observedPlans {
      period
      value
    }
    laterObservedPlans {
      period
      value
    }
    actualSpend {
      period
      value
    }
    assumptions {
      id
      value
      description
      source
    }
    caveats
  }
}
    fragment ForecastGroupFigures on ForecastGroups {
  mainstream
  stateSpecial
  independentSpecial
  post16
  other
}
fragment ForecastProjectionFigures on ForecastProjection {
  point
  lower80
  upper80
  lower95
  upper95
  spend
  groups {
    ...ForecastGroupFigures
  }
}`) as unknown as TypedDocumentString<ForecastPageQuery, ForecastPageQueryVariables>;
export const DataQualityPageDocument = new TypedDocumentString(`
    query DataQualityPage {
  dataQuality {
    rule
    curated {
      id
      authority {
        code
        name
      }
      selector
      metricIds
      periods {
        code
        label
      }
      text
      source
    }
    flags {
      id
      metric {
        id
        label
        unit
        decimals
      }
      authority {
        code
        name
      }
      period {
        code
        label
      }
      previousPeriod {
        label
      }
      value
      previousValue
      changePercent
      ownMedianChangePercent
      englandMedianChangePercent
      zOwn
      zEngland
      text
    }
  }
}
    `) as unknown as TypedDocumentString<DataQualityPageQuery, DataQualityPageQueryVariables>;
export const MapPageDocument = new TypedDocumentString(`
    query MapPage($la: LaCode, $metric: MetricId!, $period: PeriodCode) {
  comparison(metric: $metric, period: $period, focus: $la, peers: {kind: ENGLAND}) {
    metric {
      id
      label
      description
      unit
      decimals
      polarity
      source
      caveats
      periods {
        code
        label
      }
    }
    period {
      code
      label
    }
    members(first: 200) {
      ...MapMember
    }
    focus {
      code
      name
    }
    provisional {
      ...ProvisionalMark
    }
  }
  peerGroups(of: $la) {
    id
    kind
    label
    members {
      code
    }
  }
  metrics {
    id
    label
    theme
  }
}
    fragment ProvisionalMark on ProvisionalFigure {
  value
  status
  wouldRank
  rankOutOf
  quartileBand
  upload {
    id
    version
    uploadedAt
    sharedWithDfe
  }
}
fragment Footnote on ValueNote {
  id
  kind
  text
  source
}
fragment MapMember on ComparisonMember {
  authority {
    code
    name
  }
  value {
    value
    status
    notes {
      ...Footnote
    }
  }
  rank
  quartileBand
}`) as unknown as TypedDocumentString<MapPageQuery, MapPageQueryVariables>;
export const ReportPageDocument = new TypedDocumentString(`
    query ReportPage($la: LaCode!, $area: AreaCode!, $peers: PeerSelector) {
  profile(code: $la, peers: $peers) {
    year
    authority {
      code
      name
      region {
        code
        name
      }
      programmes {
        programme
        cohort
        listIncomplete
      }
    }
    peerGroup {
      id
      kind
      label
      size
      listIncomplete
      members {
        code
      }
    }
    metrics {
      metric {
        id
        label
        theme
        unit
        decimals
        polarity
        source
      }
      period {
        code
        label
      }
      value {
        value
        status
        notes {
          ...Footnote
        }
      }
      england {
        value
        status
      }
      peers {
        median
        lowerQuartile
        upperQuartile
        min
        max
      }
      rank
      rankOutOf
      peersAbove
      peersBelow
      quartileBand
      provisional {
        ...ProvisionalMark
      }
    }
  }
  plans: trend(metric: "ehc_plans", areas: [$area], focus: $la, peers: $peers) {
    ...ReportTrend
  }
  mainstream: trend(
    metric: "pct_plans_mainstream"
    areas: [$area, "E92000001"]
    focus: $la
    peers: $peers
  ) {
    ...ReportTrend
  }
  spend: trend(
    metric: "hn_spend_per_plan"
    areas: [$area, "E92000001"]
    focus: $la
    peers: $peers
  ) {
    ...ReportTrend
  }
  map: comparison(
    metric: "pct_plans_mainstream"
    focus: $la
    peers: {kind: ENGLAND}
  ) {
    metric {
      label
      unit
      decimals
      polarity
      source
    }
    period {
      label
    }
    members(first: 200) {
      ...MapMember
    }
  }
}
    fragment ProvisionalMark on ProvisionalFigure {
  value
  status
  wouldRank
  rankOutOf
  quartileBand
  upload {
    id
    version
    uploadedAt
    sharedWithDfe
  }
}
fragment Footnote on ValueNote {
  id
  kind
  text
  source
}
fragment MapMember on ComparisonMember {
  authority {
    code
    name
  }
  value {
    value
    status
    notes {
      ...Footnote
    }
  }
  rank
  quartileBand
}
fragment ReportTrend on Trend {
  metric {
    id
    label
    unit
    decimals
    source
  }
  periods {
    code
    label
  }
  breaks {
    period
  }
  series {
    id
    kind
    label
    area {
      code
    }
    points {
      value
      status
    }
  }
}`) as unknown as TypedDocumentString<ReportPageQuery, ReportPageQueryVariables>;
export const ReportEvaluationDocument = new TypedDocumentString(`
    query ReportEvaluation($cohort: String!) {
  evaluation(cohort: $cohort, metric: "pct_plans_mainstream") {
    cohort {
      label
      listIncomplete
    }
    comparisonLabel
    unitLabel
    overall {
      effect
      low
      high
    }
    verdict {
      headline
    }
  }
}
    `) as unknown as TypedDocumentString<ReportEvaluationQuery, ReportEvaluationQueryVariables>;
export const ReportForecastDocument = new TypedDocumentString(`
    query ReportForecast($la: LaCode!) {
  forecast(area: {laCode: $la}) {
    label
    baseYear
    baseTotal
    methodReason
    years {
      year
      unmitigated {
        point
        lower80
        upper80
        spend
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ReportForecastQuery, ReportForecastQueryVariables>;
export const SignedInUserDocument = new TypedDocumentString(`
    query SignedInUser {
  me {
    role
    method
    signedIn
    name
    email
    laCode
  }
}
    `) as unknown as TypedDocumentString<SignedInUserQuery, SignedInUserQueryVariables>;
export const ComparatorSetsDocument = new TypedDocumentString(`
    query ComparatorSets {
  comparatorSets {
    ...SavedComparatorSet
  }
}
    fragment SavedComparatorSet on ComparatorSet {
  id
  name
  codes
  shared
  mine
  version
}`) as unknown as TypedDocumentString<ComparatorSetsQuery, ComparatorSetsQueryVariables>;
export const ComparatorSetDocument = new TypedDocumentString(`
    query ComparatorSet($id: ID!) {
  comparatorSet(id: $id) {
    ...SavedComparatorSet
  }
}
    fragment SavedComparatorSet on ComparatorSet {
  id
  name
  codes
  shared
  mine
  version
}`) as unknown as TypedDocumentString<ComparatorSetQuery, ComparatorSetQueryVariables>;
export const SavedViewsDocument = new TypedDocumentString(`
    query SavedViews {
  savedViews {
    ...SavedViewFields
  }
}
    fragment SavedViewFields on SavedView {
  id
  name
  path
  search
  shared
  mine
}`) as unknown as TypedDocumentString<SavedViewsQuery, SavedViewsQueryVariables>;
export const CreateComparatorSetDocument = new TypedDocumentString(`
    mutation CreateComparatorSet($set: ComparatorSetInput!) {
  createComparatorSet(set: $set) {
    ...SavedComparatorSet
  }
}
    fragment SavedComparatorSet on ComparatorSet {
  id
  name
  codes
  shared
  mine
  version
}`) as unknown as TypedDocumentString<CreateComparatorSetMutation, CreateComparatorSetMutationVariables>;
export const UpdateComparatorSetDocument = new TypedDocumentString(`
    mutation UpdateComparatorSet($id: ID!, $changes: ComparatorSetChanges!) {
  updateComparatorSet(id: $id, changes: $changes) {
    ...SavedComparatorSet
  }
}
    fragment SavedComparatorSet on ComparatorSet {
  id
  name
  codes
  shared
  mine
  version
}`) as unknown as TypedDocumentString<UpdateComparatorSetMutation, UpdateComparatorSetMutationVariables>;
export const DeleteComparatorSetDocument = new TypedDocumentString(`
    mutation DeleteComparatorSet($id: ID!) {
  deleteComparatorSet(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteComparatorSetMutation, DeleteComparatorSetMutationVariables>;
export const SaveViewDocument = new TypedDocumentString(`
    mutation SaveView($view: SavedViewInput!) {
  saveView(view: $view) {
    ...SavedViewFields
  }
}
    fragment SavedViewFields on SavedView {
  id
  name
  path
  search
  shared
  mine
}`) as unknown as TypedDocumentString<SaveViewMutation, SaveViewMutationVariables>;
export const UpdateSavedViewDocument = new TypedDocumentString(`
    mutation UpdateSavedView($id: ID!, $changes: SavedViewChanges!) {
  updateSavedView(id: $id, changes: $changes) {
    ...SavedViewFields
  }
}
    fragment SavedViewFields on SavedView {
  id
  name
  path
  search
  shared
  mine
}`) as unknown as TypedDocumentString<UpdateSavedViewMutation, UpdateSavedViewMutationVariables>;
export const DeleteSavedViewDocument = new TypedDocumentString(`
    mutation DeleteSavedView($id: ID!) {
  deleteSavedView(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteSavedViewMutation, DeleteSavedViewMutationVariables>;
export const SavedViewDocument = new TypedDocumentString(`
    query SavedView($id: ID!) {
  savedView(id: $id) {
    ...SavedViewFields
  }
}
    fragment SavedViewFields on SavedView {
  id
  name
  path
  search
  shared
  mine
}`) as unknown as TypedDocumentString<SavedViewQuery, SavedViewQueryVariables>;
export const ProvisionalPageDocument = new TypedDocumentString(`
    query ProvisionalPage {
  me {
    role
    laCode
  }
  provisionalUploads {
    id
    laCode
    dataset
    version
    uploader
    uploadedAt
    sha256
    status
    sharedWithDfe
    sharedAt
    withdrawnAt
    fileName
    rowCount
  }
}
    `) as unknown as TypedDocumentString<ProvisionalPageQuery, ProvisionalPageQueryVariables>;
export const ShareProvisionalUploadDocument = new TypedDocumentString(`
    mutation ShareProvisionalUpload($id: ID!, $share: Boolean) {
  shareProvisionalUpload(id: $id, share: $share) {
    id
    sharedWithDfe
    sharedAt
  }
}
    `) as unknown as TypedDocumentString<ShareProvisionalUploadMutation, ShareProvisionalUploadMutationVariables>;
export const WithdrawProvisionalUploadDocument = new TypedDocumentString(`
    mutation WithdrawProvisionalUpload($id: ID!) {
  withdrawProvisionalUpload(id: $id) {
    id
    status
    withdrawnAt
  }
}
    `) as unknown as TypedDocumentString<WithdrawProvisionalUploadMutation, WithdrawProvisionalUploadMutationVariables>;