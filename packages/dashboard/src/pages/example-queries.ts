/** Example queries shown on the Data page: each runs against the API as written. */
export const EXAMPLE_QUERIES: readonly { title: string; query: string }[] = [
  {
    title: 'Kent against its statistical neighbours on the share of plans in mainstream',
    query: `query KentMainstream {
  comparison(metric: "pct_plans_mainstream", focus: "886", peers: { kind: STATISTICAL_NEIGHBOURS }) {
    period { label }
    members { authority { name } value { value status } rank quartileBand isFocus }
    statistics { median lowerQuartile upperQuartile }
    england { value }
  }
}`,
  },
  {
    title: 'Rank all 153 authorities on the share of plans in mainstream',
    query: `query RankAllOnMainstream {
  comparison(metric: "pct_plans_mainstream", peers: { kind: ENGLAND }) {
    members { rank authority { code name } value { value status } }
    england { value }
  }
}`,
  },
  {
    title: 'Does higher spend per plan go with more mainstream inclusion?',
    query: `query SpendAgainstInclusion {
  relationship(x: "hn_spend_per_plan", y: "pct_plans_mainstream", focus: "886") {
    pairs pearson spearman line { slope intercept rSquared }
    points { authority { name } x { value status } y { value status } }
  }
}`,
  },
  {
    title: 'Everything for one authority',
    query: `query Profile {
  profile(code: "886") {
    year
    metrics { metric { id label unit } value { value status } england { value } peers { median } rank rankOutOf }
  }
}`,
  },
];
