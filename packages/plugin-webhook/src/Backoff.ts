/**
 * Exponential backoff with full jitter (the AWS Architecture Blog's "Exponential Backoff And Jitter"): after
 * the n-th failed attempt the next one waits a uniformly random time in `[0, min(cap, base · 2^(n-1))]`.
 * Spreading retries over the whole window keeps a recovering endpoint from being hit by every sender at once.
 * The randomness comes from Effect's `Random` service, so a test can seed it.
 *
 * @since 0.1.0
 */
import type * as Effect from "effect/Effect"
import * as Random from "effect/Random"

/**
 * @since 0.1.0
 * @category models
 */
export interface Policy {
  /** The window after the first failure, in milliseconds. */
  readonly baseMillis: number
  /** The largest window, in milliseconds. */
  readonly capMillis: number
}

/**
 * The window after the `attempt`-th failed attempt (1 for the first): `min(cap, base · 2^(attempt-1))`.
 *
 * @since 0.1.0
 * @category combinators
 */
export const ceiling = (policy: Policy, attempt: number): number => Math.min(policy.capMillis, policy.baseMillis * 2 ** Math.max(0, attempt - 1))

/**
 * The wait before the next attempt, in whole milliseconds: uniform in `[0, ceiling(policy, attempt)]`.
 *
 * @since 0.1.0
 * @category combinators
 */
export const delay = (policy: Policy, attempt: number): Effect.Effect<number> => Random.nextIntBetween(0, Math.floor(ceiling(policy, attempt)) + 1)
