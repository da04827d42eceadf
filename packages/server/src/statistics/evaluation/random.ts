import { EvaluationInputError } from './evaluation-errors';

/** Largest seed accepted: seeds are unsigned 32-bit integers. */
export const MAX_SEED = 0xffffffff;

const TWO_POW_32 = 4294967296;
/** Largest n for which x·n, x < 2^32, stays below 2^53 and so exact in a double. */
const LEMIRE_LIMIT = 2 ** 21;

/** A seeded stream of pseudo-random numbers; the same seed always gives the same stream. */
export interface RandomSource {
  /** The seed the stream was created from, for reporting with an answer. */
  readonly seed: number;
  /** Next raw output, an unsigned 32-bit integer. */
  nextUint32(): number;
  /** Uniform on [0, 1), with 32-bit resolution (multiples of 2^-32). */
  nextFloat(): number;
  /** Uniform integer on [0, n), without bias (Lemire's method up to n = 2^21, plain rejection above); 1 ≤ n ≤ 2^32. */
  nextInt(n: number): number;
  /** Standard normal deviate (Box–Muller, one value per two uniforms, the sine twin discarded). */
  nextNormal(): number;
}

const rotateLeft = (x: number, k: number) => (x << k) | (x >>> (32 - k));

/**
 * SplitMix32 (the 32-bit analogue of Vigna's SplitMix64, with the `lowbias32` finaliser of
 * Wellons' hash-prospector), used only to expand one 32-bit seed into xoshiro's 128-bit state so
 * that nearby seeds give unrelated streams.
 */
function splitMix32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z ^= z >>> 16;
    z = Math.imul(z, 0x21f0aaad);
    z ^= z >>> 15;
    z = Math.imul(z, 0x735a2d97);
    z ^= z >>> 15;
    return z >>> 0;
  };
}

/** Throws unless `seed` is an integer in [0, 2^32 − 1]. */
export function assertSeed(seed: number, field = 'seed'): void {
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new EvaluationInputError('INVALID_SEED', field, `${field} must be an integer from 0 to ${MAX_SEED}; got ${seed}`);
  }
}

/**
 * A xoshiro128** generator (Blackman and Vigna, 2018; period 2^128 − 1), its state filled from
 * `seed` by SplitMix32. Chosen over mulberry32 for its longer period and better-tested output;
 * both are exact in JavaScript because every step is 32-bit integer arithmetic, so a seed gives
 * the same stream on every engine.
 *
 * @example
 * const random = createRandom(18);
 * random.nextInt(6); // the same die roll on every run with seed 18
 */
export function createRandom(seed: number): RandomSource {
  assertSeed(seed);
  const expand = splitMix32(seed);
  let s0 = expand();
  let s1 = expand();
  let s2 = expand();
  let s3 = expand();
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1; // the all-zero state is xoshiro's one fixed point

  const nextUint32 = (): number => {
    const result = Math.imul(rotateLeft(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotateLeft(s3, 11);
    return result;
  };
  const nextFloat = (): number => nextUint32() / TWO_POW_32;
  const nextInt = (n: number): number => {
    if (!Number.isInteger(n) || n < 1 || n > TWO_POW_32) throw new RangeError(`nextInt needs an integer n in [1, 2^32]; got ${n}`);
    if (n <= LEMIRE_LIMIT) {
      // Lemire's multiply-and-shift with rejection (2019): x·n < 2^53 is exact in a double, its
      // top 32 bits are the draw, and its low 32 bits below 2^32 mod n mark the biased draws.
      let product = nextUint32() * n;
      let low = product >>> 0;
      if (low < n) {
        const threshold = (TWO_POW_32 - n) % n;
        while (low < threshold) {
          product = nextUint32() * n;
          low = product >>> 0;
        }
      }
      return (product - low) / TWO_POW_32;
    }
    // Accept only draws below the largest multiple of n, so every residue is equally likely.
    const limit = TWO_POW_32 - (TWO_POW_32 % n);
    for (;;) {
      const x = nextUint32();
      if (x < limit) return x % n;
    }
  };
  const nextNormal = (): number => {
    const u1 = 1 - nextFloat(); // (0, 1], so the logarithm is finite
    const u2 = nextFloat();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  };
  return { seed, nextUint32, nextFloat, nextInt, nextNormal };
}

/**
 * Shuffles `items` in place (Fisher–Yates, from the last position down) and returns it.
 *
 * @example
 * shuffleInPlace(Int32Array.of(0, 1, 2), createRandom(1)); // the same order as shuffle() for seed 1
 */
export function shuffleInPlace<T extends { [index: number]: unknown; readonly length: number }>(items: T, random: RandomSource): T {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.nextInt(i + 1);
    const held = items[i];
    items[i] = items[j];
    items[j] = held;
  }
  return items;
}

/**
 * A shuffled copy of `items` (Fisher–Yates, from the last position down), leaving `items` as it
 * was.
 *
 * @example
 * shuffle(['a', 'b', 'c'], createRandom(1)); // a fixed permutation of the three for seed 1
 */
export function shuffle<T>(items: readonly T[], random: RandomSource): T[] {
  return shuffleInPlace(items.slice(), random);
}
