/**
 * Exponential backoff with full jitter (issue 9): the wait after the n-th failure is uniform in
 * [0, min(cap, base · 2^(n-1))], drawn from Effect's Random service.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as fc from "effect/FastCheck"
import * as Random from "effect/Random"
import { Backoff } from "../src/index.js"

const policies = fc.record({ baseMillis: fc.integer({ min: 1, max: 100_000 }), capMillis: fc.integer({ min: 1, max: 10_000_000 }) }).filter((p) => p.baseMillis <= p.capMillis)

describe("Backoff", () => {
  it.prop("the window doubles per attempt from the base and never exceeds the cap", [policies, fc.integer({ min: 1, max: 200 })], ([policy, attempt]) => {
    const w = Backoff.ceiling(policy, attempt)
    expect(w).toBeLessThanOrEqual(policy.capMillis)
    expect(w).toBeGreaterThanOrEqual(Math.min(policy.baseMillis, policy.capMillis))
    expect(Backoff.ceiling(policy, attempt + 1)).toBe(Math.min(policy.capMillis, 2 * w))
    expect(Backoff.ceiling(policy, 1)).toBe(policy.baseMillis)
  })

  it.prop("every delay is a whole number of milliseconds within [0, window], for any seed", [policies, fc.integer({ min: 1, max: 60 }), fc.integer()], ([policy, attempt, seed]) => {
    const delays = Effect.runSync(Effect.all(Array.from({ length: 20 }, () => Backoff.delay(policy, attempt))).pipe(Effect.withRandom(Random.make(seed))))
    for (const d of delays) {
      expect(Number.isInteger(d)).toBe(true)
      expect(d).toBeGreaterThanOrEqual(0)
      expect(d).toBeLessThanOrEqual(Backoff.ceiling(policy, attempt))
    }
  })

  it("the same seed gives the same delays (tests control the randomness); the jitter spreads over the window", () => {
    const policy = { baseMillis: 1000, capMillis: 60_000 }
    const draw = (seed: number) => Effect.runSync(Effect.all(Array.from({ length: 2000 }, () => Backoff.delay(policy, 4))).pipe(Effect.withRandom(Random.make(seed))))
    expect(draw(42)).toEqual(draw(42))
    expect(draw(42)).not.toEqual(draw(43))
    // Full jitter: uniform over [0, 8000], so each quarter of the window gets a fair share.
    const quarters = [0, 0, 0, 0]
    for (const d of draw(42)) quarters[Math.min(3, Math.floor(d / 2000))]! += 1
    for (const q of quarters) expect(q).toBeGreaterThan(400)
  })
})
