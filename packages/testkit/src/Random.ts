/**
 * A small seeded pseudo-random generator (sfc32), so generated datasets are the same on every machine and run.
 *
 * @since 0.1.0
 */

/**
 * A seeded source of numbers.
 *
 * @since 0.1.0
 * @category models
 */
export interface Random {
  /** A float in [0, 1). */
  readonly next: () => number
  /** An integer in [min, max]. */
  readonly int: (min: number, max: number) => number
  /** True with probability `p`. */
  readonly chance: (p: number) => boolean
  readonly pick: <A>(xs: ReadonlyArray<A>) => A
  /** A child generator for a sub-stream (a school, a teacher): independent of how much the parent draws later. */
  readonly fork: (label: string | number) => Random
}

const hash = (s: string): number => {
  // FNV-1a, for turning labels into seeds.
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/**
 * A generator for a seed (a number or a label).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (seed: number | string): Random => {
  const s0 = typeof seed === "number" ? seed >>> 0 : hash(seed)
  let a = s0 ^ 0x9e3779b9
  let b = hash(`${s0}b`)
  let c = hash(`${s0}c`)
  let d = 1
  const next = () => {
    // sfc32
    a >>>= 0
    b >>>= 0
    c >>>= 0
    d >>>= 0
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return (t >>> 0) / 4294967296
  }
  for (let i = 0; i < 12; i++) next()
  const self: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (xs) => xs[Math.floor(next() * xs.length)]!,
    fork: (label) => make(`${s0}/${label}`)
  }
  return self
}
