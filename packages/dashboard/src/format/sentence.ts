import { formatValue, roundTo, type ValueFormat } from './format-value';

export type PeerKindCode = 'STATISTICAL_NEIGHBOURS' | 'REGION' | 'DBV' | 'SAFETY_VALVE' | 'ENGLAND' | 'CUSTOM';

export interface ThemeSentenceInput {
  laName: string;
  /** How the metric reads in a sentence: "share of plans in mainstream". */
  phrase: string;
  periodLabel: string;
  value: number | null;
  status: string;
  england: number | null;
  peersAbove: number;
  peersBelow: number;
  /** Members of the set with a value, including the LA. */
  rankOutOf: number;
  peerGroup: { kind: PeerKindCode; label: string; size: number };
  regionName?: string;
  format: ValueFormat;
  /** Footnote marker of the value's data-quality notes (" [1]"), read right after the value. */
  marker?: string;
}

/** How the comparator set reads after "of": "its 10 statistical neighbours", "the 18 other authorities in the South East". */
export function peerPhrase(kind: PeerKindCode, label: string, others: number, regionName?: string): string {
  const authorities = others === 1 ? 'authority' : 'authorities';
  switch (kind) {
    case 'STATISTICAL_NEIGHBOURS':
      return `its ${others} statistical ${others === 1 ? 'neighbour' : 'neighbours'}`;
    case 'REGION':
      return `the ${others} other ${authorities} in ${regionName ? `the ${regionName}` : 'its region'}`;
    case 'DBV':
      return `the ${others} other ${authorities} in ${label.replace(/^DBV/, 'the DBV')}`;
    case 'SAFETY_VALVE':
      return `the ${others} other Safety Valve ${authorities}`;
    case 'ENGLAND':
      return `the ${others} other ${authorities} in England`;
    case 'CUSTOM':
      return `the ${others} other ${authorities} in your comparison set`;
  }
}

/**
 * One plain-English sentence about an LA's headline figure for a theme, e.g. "Kent's share of plans
 * in mainstream, 36.1%, is below England's 43.6% and lower than 9 of its 10 statistical neighbours."
 * Comparisons use the figures as shown (rounded), so the words never contradict the numbers.
 */
export function themeSentence(input: ThemeSentenceInput): string {
  const { laName, phrase, periodLabel, value, status, england, format } = input;
  if (value === null) return `${laName} has no figure for the ${phrase} in ${periodLabel} (${status}).`;
  const shown = `${formatValue(value, 'value', format)}${input.marker ?? ''}`;
  const parts: string[] = [];
  if (england !== null) {
    const a = roundTo(value, format.decimals);
    const b = roundTo(england, format.decimals);
    const relation = a > b ? 'above' : a < b ? 'below' : 'the same as';
    parts.push(`is ${relation} England's ${formatValue(england, 'value', format)}`);
  }
  const withValue = input.rankOutOf - 1;
  if (withValue > 0) {
    const total = input.peerGroup.size - 1;
    const group = peerPhrase(input.peerGroup.kind, input.peerGroup.label, withValue, input.regionName);
    const of = withValue < total ? `${group} with a figure` : group;
    const { peersAbove, peersBelow } = input;
    if (peersAbove === 0 && peersBelow === 0) parts.push(`the same as all ${of}`);
    else if (peersAbove >= peersBelow) parts.push(`lower than ${peersAbove} of ${of}`);
    else parts.push(`higher than ${peersBelow} of ${of}`);
  }
  if (!parts.length) return `${laName}'s ${phrase} in ${periodLabel} is ${shown}.`;
  const [first, second] = parts;
  const tail = second ? (first.startsWith('is ') ? `${first} and ${second}` : `is ${first} and ${second}`) : first.startsWith('is ') ? first : `is ${first}`;
  return `${laName}'s ${phrase}, ${shown}, ${tail}.`;
}
