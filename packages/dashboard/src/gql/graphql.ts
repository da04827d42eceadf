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

/** Change from the previous period. */
export type Direction =
  | 'DOWN'
  | 'SAME'
  | 'UP';

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
  /** Which kind of set. */
  kind: PeerKind;
  /** For STATISTICAL_NEIGHBOURS and REGION: whose neighbours or region (default: the focus LA). */
  of?: string | null | undefined;
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


export type ProfilePageQuery = { profile: { year: number, authority: { code: string, name: string, region: { code: string, name: string }, programmes: Array<{ programme: Programme, cohort: string, listIncomplete: boolean, note: string | null }> }, peerGroup: { id: string, kind: PeerKind, label: string, size: number, listIncomplete: boolean, note: string | null }, metrics: Array<{ rank: number | null, rankOutOf: number, peersAbove: number, peersBelow: number, quartileBand: number | null, direction: Direction | null, significance: Significance | null, metric: { id: string, label: string, theme: Theme, unit: Unit, decimals: number, polarity: Polarity, source: string }, period: { code: number, label: string }, value: { value: number | null, status: string }, previous: { value: number | null, status: string }, england: { value: number | null, status: string }, region: { value: number | null, status: string }, peers: { median: number | null, lowerQuartile: number | null, upperQuartile: number | null, min: number | null, max: number | null, withValue: number }, series: Array<{ value: number | null, status: string, period: { code: number, label: string } }> }> } };

export type ComparePageQueryVariables = Exact<{
  la?: string | null | undefined;
  peers: PeerSelector;
  metric: string;
  period?: number | null | undefined;
}>;


export type ComparePageQuery = { comparison: { metric: { id: string, label: string, description: string, unit: Unit, decimals: number, source: string, caveats: Array<string>, periods: Array<{ code: number, label: string }> }, period: { code: number, label: string }, peerGroup: { id: string, kind: PeerKind, label: string, size: number, listIncomplete: boolean, note: string | null }, focus: { code: string, name: string } | null, members: Array<{ rank: number | null, quartileBand: number | null, isFocus: boolean, significance: Significance | null, authority: { code: string, name: string }, value: { value: number | null, status: string } }>, focusMember: { rank: number | null, quartileBand: number | null, isFocus: boolean, significance: Significance | null, authority: { code: string, name: string }, value: { value: number | null, status: string } } | null, statistics: { median: number | null, lowerQuartile: number | null, upperQuartile: number | null, min: number | null, max: number | null, count: number, withValue: number, aggregate: { value: number | null } }, england: { value: number | null, status: string }, region: { value: number | null, status: string } | null }, metrics: Array<{ id: string, label: string, theme: Theme }> };

export type CompareMemberFragment = { rank: number | null, quartileBand: number | null, isFocus: boolean, significance: Significance | null, authority: { code: string, name: string }, value: { value: number | null, status: string } };

export type TrendsPageQueryVariables = Exact<{
  la: string;
  areas: Array<string> | string;
  peers?: PeerSelector | null | undefined;
  metric: string;
}>;


export type TrendsPageQuery = { authority: { code: string, name: string, region: { code: string, name: string } }, trend: { metric: { id: string, label: string, description: string, unit: Unit, decimals: number, source: string, caveats: Array<string> }, periods: Array<{ code: number, label: string }>, breaks: Array<{ period: number, note: string }>, series: Array<{ id: string, kind: TrendSeriesKind, label: string, area: { code: string, level: AreaLevel, name: string } | null, points: Array<{ value: number | null, status: string, period: { code: number, label: string } }> }> }, peerGroups: Array<{ id: string, label: string, listIncomplete: boolean, note: string | null }>, metrics: Array<{ id: string, label: string, theme: Theme }> };

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
export const CompareMemberFragmentDoc = new TypedDocumentString(`
    fragment CompareMember on ComparisonMember {
  authority {
    code
    name
  }
  value {
    value
    status
  }
  rank
  quartileBand
  isFocus
  significance
}
    `, {"fragmentName":"CompareMember"}) as unknown as TypedDocumentString<CompareMemberFragment, unknown>;
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
    }
  }
}
    `) as unknown as TypedDocumentString<ProfilePageQuery, ProfilePageQueryVariables>;
export const ComparePageDocument = new TypedDocumentString(`
    query ComparePage($la: LaCode, $peers: PeerSelector!, $metric: MetricId!, $period: PeriodCode) {
  comparison(metric: $metric, period: $period, focus: $la, peers: $peers) {
    metric {
      id
      label
      description
      unit
      decimals
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
  }
  metrics {
    id
    label
    theme
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
  }
  rank
  quartileBand
  isFocus
  significance
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
    `) as unknown as TypedDocumentString<TrendsPageQuery, TrendsPageQueryVariables>;
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