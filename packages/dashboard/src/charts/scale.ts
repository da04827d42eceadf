/** A linear scale from a value domain onto a pixel range. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  return (value) => r0 + ((value - d0) / span) * (r1 - r0);
}

/** The smallest and largest of the numbers given (nulls ignored); undefined when there are none. */
export function extent(values: readonly (number | null | undefined)[]): [number, number] | undefined {
  const numbers = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (!numbers.length) return undefined;
  return [Math.min(...numbers), Math.max(...numbers)];
}

/**
 * A chart's value axis for figures with intervals: from the smallest to the largest of the values
 * and their interval ends (nulls ignored), padded by 8% of the span; [0, 1] when there are none.
 *
 * @example paddedDomain([1, 2], [0.5], [3]); // [0.3, 3.2]
 */
export function paddedDomain(...series: readonly (readonly (number | null | undefined)[])[]): [number, number] {
  const range = extent(series.flat());
  if (!range) return [0, 1];
  const [min, max] = range;
  const pad = (max - min || Math.abs(max) || 1) * 0.08;
  return [min - pad, max + pad];
}
