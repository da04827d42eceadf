/** Operations several test files run: the dashboard's comparison and profile with every field. */

export const COMPARISON = `query ($metric: MetricId!, $focus: LaCode, $peers: PeerSelector!, $period: PeriodCode) {
  comparison(metric: $metric, focus: $focus, peers: $peers, period: $period) {
    period { code label }
    members { authority { code name } value { value status numerator denominator } rank quartileBand isFocus significance confidenceInterval { lower upper } }
    statistics { count withValue median lowerQuartile upperQuartile min max aggregate { value numerator denominator members } }
    england { value status }
    region { value }
  }
}`;

export const PROFILE = `query ($code: LaCode!) {
  profile(code: $code) {
    year
    authority { code name programmes { programme cohort } }
    peerGroup { id size }
    metrics { metric { id } period { code } value { value status } england { value status } region { value } peers { median lowerQuartile upperQuartile min max withValue } rank rankOutOf quartileBand direction significance series { period { code } value } }
  }
}`;
