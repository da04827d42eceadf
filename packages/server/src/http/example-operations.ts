/**
 * Example operations for the questions in DESIGN.md, shown in the API explorer in development and
 * on the dashboard's Data page. Each runs against the real data as written.
 */
export const EXAMPLE_OPERATIONS: Record<string, string> = {
  KentPlanRateAgainstNeighbours: `# How does Kent's rate of EHC plans compare with its 10 statistical neighbours, and how has the gap moved?
query KentPlanRateAgainstNeighbours {
  comparison(metric: "pct_pupils_ehc_plan", focus: "886", peers: { kind: STATISTICAL_NEIGHBOURS }) {
    period { label }
    members { authority { name } value { value status } rank quartileBand isFocus }
    statistics { median lowerQuartile upperQuartile }
    england { value }
  }
  trend(metric: "pct_pupils_ehc_plan", areas: ["886", "E92000001"], focus: "886", peers: { kind: STATISTICAL_NEIGHBOURS }) {
    series { label kind points { period { label } value status } }
    breaks { period note }
  }
}`,
  DbvIndependentSpecialAndSpend: `# Which DBV authorities place the largest share of children with plans in independent special schools, and what do they spend per plan?
query DbvIndependentSpecialAndSpend {
  relationship(x: "pct_plans_independent_or_nm_special", y: "hn_spend_per_plan", peers: { kind: DBV }) {
    xPeriod { label } yPeriod { label }
    points { authority { name } x { value status } y { value status } }
    pearson spearman
  }
}`,
  RankAllOnMainstream: `# Rank all 153 LAs on the share of plans in mainstream; highlight DBV tranche 2 (members' programmes say which).
query RankAllOnMainstream {
  comparison(metric: "pct_plans_mainstream", peers: { kind: ENGLAND }) {
    period { label }
    members { rank authority { code name programmes { programme cohort listIncomplete } } value { value status } }
    england { value }
  }
}`,
  TimelinessSignificance: `# Is our 20-week timeliness significantly worse than England, or within noise?
query TimelinessSignificance {
  comparison(metric: "pct_issued_within_20_weeks", focus: "886", peers: { kind: STATISTICAL_NEIGHBOURS }) {
    members { isFocus authority { name } value { value numerator denominator } confidenceInterval { lower upper method } significance }
    england { value }
  }
}`,
  SpendAgainstInclusion: `# Does higher spend per plan go with more mainstream inclusion? (one dot per LA)
query SpendAgainstInclusion {
  relationship(x: "hn_spend_per_plan", y: "pct_plans_mainstream", focus: "886", highlight: { kind: STATISTICAL_NEIGHBOURS }) {
    pairs pearson spearman line { slope intercept rSquared }
    points { authority { name } x { value } y { value } isFocus highlighted }
  }
}`,
  Profile: `# Everything for one LA at once
query Profile {
  profile(code: "886") {
    year
    peerGroup { label }
    metrics { metric { id label unit } period { label } value { value status } england { value } peers { median } rank rankOutOf quartileBand direction significance }
  }
}`,
  Provenance: `# Where every figure comes from
query Provenance {
  releases { id dataset fileName sha256 rowsRead rowsLoaded importedAt status }
}`,
};

/** One document holding every example (the explorer's starting point). */
export const EXAMPLE_OPERATION = Object.values(EXAMPLE_OPERATIONS).join('\n\n');
