import { graphql } from '../gql';

/**
 * Every operation the dashboard sends: one per view, typed from the committed SDL
 * (`npm run codegen -w @sendbench/dashboard` regenerates src/gql after a change here).
 */

export const StartPageQuery = graphql(`
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
    plans: comparison(metric: "ehc_plans", peers: { kind: DBV }) {
      ...Headline
    }
    mainstream: comparison(metric: "pct_plans_mainstream", peers: { kind: DBV }) {
      ...Headline
    }
    spendPerPlan: comparison(metric: "hn_spend_per_plan", peers: { kind: DBV }) {
      ...Headline
    }
    spendPerPlanEngland: comparison(metric: "hn_spend_per_plan", peers: { kind: ENGLAND }) {
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
  }
`);

export const ProfilePageQuery = graphql(`
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
      }
    }
  }
`);

// The 200 highest members: every LA in any real set (153 in England); a set of thousands (the
// benchmark's synthetic ×100 areas) is ranked in full by the server and shown in part.
export const ComparePageQuery = graphql(`
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
    }
    map: comparison(metric: $metric, period: $period, focus: $la, peers: { kind: ENGLAND }) {
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
`);

export const TrendsPageQuery = graphql(`
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
`);

export const RelationshipsPageQuery = graphql(`
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
`);

export const MetricsPageQuery = graphql(`
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
`);

export const DataPageQuery = graphql(`
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
`);

// Every figure of the Evaluation page in one request; the metric list comes from the catalogue in
// packages/schema (so the form stays usable when the API refuses an input).
export const EvaluationPageQuery = graphql(`
  query EvaluationPage(
    $cohort: String!
    $metric: MetricId!
    $transform: EvaluationTransform
    $comparison: EvaluationComparison
    $comparisonTiming: EvaluationComparisonTiming
    $starts: [EvaluationStartInput!]
    $from: PeriodCode
    $to: PeriodCode
    $indexBase: PeriodCode
    $straddleSeriesBreak: Boolean
    $draws: Int
    $seed: Int
    $focus: LaCode
    $donors: EvaluationDonorPool
  ) {
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
  }
`);

// Every figure of the Forecast page in one request: plans and spend five Januaries ahead for an LA,
// a comparator set or England, with the backtest, the cohort model's rates and every assumption.
export const ForecastPageQuery = graphql(`
  query ForecastPage(
    $area: ForecastAreaInput!
    $levers: ForecastLeversInput
    $upratingRate: Float
    $newPlansGrowth: Float
    $senSupportCost: Float
    $method: ForecastMethod
    $laCode: LaCode!
    $hasLa: Boolean!
  ) {
    dataVersion
    authority(code: $laCode) @include(if: $hasLa) {
      name
    }
    forecast(area: $area, levers: $levers, upratingRate: $upratingRate, newPlansGrowth: $newPlansGrowth, senSupportCost: $senSupportCost, method: $method) {
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
  }
`);

/** A data-quality note on a value, as pages number and list it (footnote markers, tables, CSV). */
export const FootnoteFragment = graphql(`
  fragment Footnote on ValueNote {
    id
    kind
    text
    source
  }
`);

export const DataQualityPageQuery = graphql(`
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
`);

/** One authority on the hex map: its figure, symbol, band and notes. */
export const MapMemberFragment = graphql(`
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
`);

export const MapPageQuery = graphql(`
  query MapPage($la: LaCode, $metric: MetricId!, $period: PeriodCode) {
    comparison(metric: $metric, period: $period, focus: $la, peers: { kind: ENGLAND }) {
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
`);

/** The report pack's print view: the profile, three trends and the map in one request (evaluation and forecast ask on their own). */
export const ReportPageQuery = graphql(`
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
      }
    }
    plans: trend(metric: "ehc_plans", areas: [$area], focus: $la, peers: $peers) {
      ...ReportTrend
    }
    mainstream: trend(metric: "pct_plans_mainstream", areas: [$area, "E92000001"], focus: $la, peers: $peers) {
      ...ReportTrend
    }
    spend: trend(metric: "hn_spend_per_plan", areas: [$area, "E92000001"], focus: $la, peers: $peers) {
      ...ReportTrend
    }
    map: comparison(metric: "pct_plans_mainstream", focus: $la, peers: { kind: ENGLAND }) {
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
`);

/** The report's evaluation summary: the DBV or Safety Valve cohort the LA belongs to, on the share of plans in mainstream. */
export const ReportEvaluationQuery = graphql(`
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
`);

/** The report's forecast summary: the LA's plans five Januaries on, unmitigated. */
export const ReportForecastQuery = graphql(`
  query ReportForecast($la: LaCode!) {
    forecast(area: { laCode: $la }) {
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
`);
