import { interpolateCividis } from 'd3-scale-chromatic';

export type MapScale = 'quartile' | 'continuous';
export type PolarityCode = 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER' | 'NEUTRAL';

/**
 * Colours on cividis, the sequential scale made to read the same with every common colour-vision
 * deficiency (Nuñez, Anderton and Renslow, 2018), from dark blue to yellow. Polarity decides which
 * end is which: for a metric where higher (or lower) is better, "better" is always the yellow end;
 * for a neutral one (most SEND figures are context, not targets), yellow is simply higher.
 */
// Symmetric, so that reversing the scale for a lower-is-better metric swaps the ends exactly.
const QUARTILE_POSITIONS = [0.02, 0.35, 0.65, 0.98] as const;

function towardsYellow(t: number, polarity: PolarityCode): number {
  return polarity === 'LOWER_IS_BETTER' ? 1 - t : t;
}

/** The fill of quartile band 1 (lowest values) to 4 (highest). */
export function quartileColour(band: number, polarity: PolarityCode): string {
  const position = QUARTILE_POSITIONS[Math.min(4, Math.max(1, band)) - 1];
  return interpolateCividis(towardsYellow(position, polarity));
}

/** The fill of a value between the set's minimum and maximum. */
export function continuousColour(value: number, min: number, max: number, polarity: PolarityCode): string {
  const t = max > min ? (value - min) / (max - min) : 0.5;
  return interpolateCividis(towardsYellow(t, polarity));
}

/** How the legend names its two ends, lowest value first. */
export function legendEnds(polarity: PolarityCode): [string, string] {
  if (polarity === 'HIGHER_IS_BETTER') return ['Lower (worse)', 'Higher (better)'];
  if (polarity === 'LOWER_IS_BETTER') return ['Lower (better)', 'Higher (worse)'];
  return ['Lower', 'Higher'];
}

/** Fill patterns of values with a symbol instead of a number, each named by the symbol it stands for. */
export const SYMBOL_PATTERNS: readonly { status: string; id: string; label: string }[] = [
  { status: 'x', id: 'sb-hatch-x', label: 'x: not available' },
  { status: 'z', id: 'sb-hatch-z', label: 'z: not applicable' },
  { status: 'c', id: 'sb-hatch-c', label: 'c: confidential' },
  { status: 'other', id: 'sb-hatch-other', label: 'other symbol (low, u, k, :)' },
];

export function patternOf(status: string): string {
  return (SYMBOL_PATTERNS.find((p) => p.status === status) ?? SYMBOL_PATTERNS[3]).id;
}
