/**
 * Acceptance of @chanjiao/plugin-webhook (issue 9): a local HTTP receiver on 127.0.0.1 that fails a seeded 30 %
 * of requests (dropped connections and 503s) and makes some time out; 1,000 events all delivered, none lost,
 * no acknowledged event sent again; no loss across a restart over a SQLite file; dead-letter after N attempts;
 * retry times and lapsed claims under a test clock.
 */
import { describe, expect, it } from "@effect/vitest"
import { Errors as CoreErrors } from "@chanjiao/core"
import { Driver, Errors as StoreErrors, Memory, Store } from "@chanjiao/store"
import { fixtures } from "@chanjiao/store/testing"
import { Layers } from "@chanjiao/store-sql"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Random from "effect/Random"
import * as Schedule from "effect/Schedule"
import * as TestClock from "effect/TestClock"
import { Backoff, Errors, Webhook } from "../src/index.js"
import type { Arrival, Receiver, ServerOptions } from "./server.js"
import { flaky, startReceiver } from "./server.js"

const secret = "whsec-test-0123456789abcdef"
const author = { actor: "教务处", at: DateTime.unsafeMake("2025-03-01T08:00:00Z") as DateTime.Utc }
const studentIds = (n: number) => Array.from({ length: n }, (_, k) => `st-${String(k).padStart(4, "0")}`)
const keyOf = (id: string) => Webhook.idempotencyKey(`student:${id}:1:0`)

/** Records every event the store acknowledged (the ack went through), to catch a send after acknowledgement. */
const recordingAcks = <E, R>(acked: Set<string>, base: Layer.Layer<Store.Store | Driver.StoreDriver, E, R>): Layer.Layer<Store.Store, E, R> =>
  Layer.effect(
    Store.Store,
    Effect.map(
      Store.Store,
      (s): Store.Service => ({
        ...s,
        outbox: {
          ...s.outbox,
          ack: (ids, claimant) =>
            Effect.tap(s.outbox.ack(ids, claimant), (n) => {
              if (n === ids.length) for (const id of ids) acked.add(id)
            })
        }
      })
    )
  ).pipe(Layer.provide(base))

const receiver = (options: ServerOptions) => Effect.acquireRelease(Effect.promise(() => startReceiver(options)), (r) => Effect.promise(r.close))

const waitUntil = <E, R>(check: Effect.Effect<boolean, E, R>) => Effect.repeat(check, { schedule: Schedule.spaced("25 millis"), until: (done) => done })

/** For each event, the attempt numbers it arrived with, in order of arrival. */
const attemptsByEvent = (r: Receiver) => {
  const out = new Map<string, Array<number>>()
  for (const a of r.arrivals) out.set(a.eventId, [...(out.get(a.eventId) ?? []), a.attempt])
  return out
}

const fast = { backoff: { baseMillis: 5, capMillis: 80 }, timeoutMillis: 150, leaseSeconds: 3, pollMillis: 10 } as const

describe("webhook delivery", () => {
  it.live(
    "1,000 events through an endpoint failing a seeded 30 % and timing out some: all delivered, none lost, no acked event sent again, signatures verify",
    () => {
      const acked = new Set<string>()
      const arrivedAfterAck: Array<Arrival> = []
      return Effect.gen(function* () {
        const r = yield* receiver({ secret, fate: flaky(20260901, 0.3, 0.03), hangMillis: 400, onArrival: (a) => void (acked.has(a.eventId) && arrivedAfterAck.push(a)) })
        const store = yield* Store.Store
        const ids = studentIds(1000)
        yield* store.createMany("student", ids.map((id) => fixtures.student(id)), author)
        const stats = yield* Effect.scoped(
          Effect.gen(function* () {
            const worker = yield* Webhook.make({ url: r.url, secret, batchSize: 50, concurrency: 16, maxAttempts: 25, ...fast })
            yield* waitUntil(Effect.map(store.outbox.list({ state: "acked" }), (xs) => xs.length === 1000))
            return yield* worker.stats
          })
        ).pipe(Effect.withRandom(Random.make(7)))

        // Every event acknowledged, nothing left pending, claimed or dead.
        const all = yield* store.outbox.list()
        expect(all.length).toBe(1000)
        expect(all.filter((e) => e.state !== "acked")).toEqual([])
        // None lost: the receiver processed every event's key.
        expect([...r.processed.keys()].sort()).toEqual(ids.map(keyOf).sort())
        // No acknowledged event was sent again. Each attempt is a claim (the outbox counts them) and carries its
        // number; no claim follows an ack, so the outbox's final count is the acknowledged attempt. A request that
        // arrives after the ack must be an earlier attempt that was slow on the way (sent before the ack, given
        // up by the sender's timeout): never the acknowledged attempt or a later one.
        const stored = new Map(all.map((e) => [e.eventId, e.attempts]))
        for (const a of arrivedAfterAck) expect([a.eventId, a.attempt < stored.get(a.eventId)!]).toEqual([a.eventId, true])
        expect(acked.size).toBe(1000)
        expect(stats.delivered).toBe(1000)
        expect(stats.released).toBe(0)
        // The failures really happened, and were retried.
        const fates = new Map<string, number>()
        for (const a of r.arrivals) fates.set(a.fate, (fates.get(a.fate) ?? 0) + 1)
        expect(fates.get("drop") ?? 0).toBeGreaterThan(20)
        expect(fates.get("status") ?? 0).toBeGreaterThan(100)
        expect(fates.get("hang") ?? 0).toBeGreaterThan(5)
        // Each request is one attempt (an attempt may also fail before the receiver sees it: a reset socket).
        expect(stats.delivered + stats.retried).toBeGreaterThanOrEqual(r.arrivals.length)
        expect(stats.retried).toBeGreaterThan(300)
        // Hangs were processed but never answered in time: those events came again (at least once), with the
        // same key — duplicates of deliveries that had not been acknowledged.
        expect([...r.processed.values()].some((n) => n > 1)).toBe(true)
        // Each attempt is sent once (its number arrives at most once) and none beyond the outbox's count.
        for (const [id, attempts] of attemptsByEvent(r)) {
          expect([id, new Set(attempts).size]).toEqual([id, attempts.length])
          expect([id, Math.max(...attempts) <= stored.get(id)!]).toEqual([id, true])
        }
        // Every request verified; the body is the event.
        expect(r.badSignatures).toEqual([])
        for (const id of ids.slice(0, 50)) {
          const body = r.bodies.get(keyOf(id))!
          expect(body).toMatchObject({ id: `student:${id}:1:0`, event: "student.created", payload: { type: "student", id, version: 1, event: "student.created" } })
        }
      }).pipe(Effect.scoped, Effect.provide(recordingAcks(acked, Memory.layerMemory)))
    },
    60_000
  )

  it.live(
    "a restart in the middle over a SQLite file loses nothing: the second worker delivers the rest, acked events are not sent again",
    () => {
      const acked = new Set<string>()
      const arrivedAfterAck: Array<Arrival> = []
      const n = 600
      return Effect.gen(function* () {
        const dir = yield* Effect.acquireRelease(Effect.sync(() => mkdtempSync(join(tmpdir(), "cj-webhook-"))), (d) => Effect.sync(() => rmSync(d, { recursive: true, force: true })))
        const filename = join(dir, "chanjiao.db")
        const sqlite = () => Layers.layerSqlite({ filename })
        const r = yield* receiver({ secret, fate: flaky(7, 0.3, 0.02), hangMillis: 400, onArrival: (a) => void (acked.has(a.eventId) && arrivedAfterAck.push(a)) })
        const ids = studentIds(n)
        yield* Effect.flatMap(Store.Store, (s) => s.createMany("student", ids.map((id) => fixtures.student(id)), author)).pipe(Effect.provide(sqlite()))
        // A reader of its own, as an operator's console would be.
        const reader = yield* Effect.acquireRelease(Effect.sync(() => ManagedRuntime.make(sqlite())), (rt) => Effect.promise(() => rt.dispose()))
        const states = Effect.promise(() => reader.runPromise(Effect.flatMap(Store.Store, (s) => s.outbox.list())))
        const config = { url: r.url, secret, batchSize: 40, concurrency: 8, maxAttempts: 25, ...fast }

        const first = yield* Effect.promise(() => Webhook.start({ store: recordingAcks(acked, sqlite()), ...config }))
        yield* waitUntil(Effect.sync(() => r.processed.size >= n / 3))
        yield* Effect.promise(first.stop)
        const mid = yield* states
        const ackedMid = mid.filter((e) => e.state === "acked").length
        // Stopped in the middle: some delivered, some not yet.
        expect(ackedMid).toBeGreaterThan(0)
        expect(ackedMid).toBeLessThan(n)
        // Nothing the stopped worker held is left in flight: given back, or waiting for its retry time.
        for (const e of mid.filter((x) => x.state === "claimed")) expect(e.claimedBy).toBe(first.claimant)

        const second = yield* Effect.promise(() => Webhook.start({ store: recordingAcks(acked, sqlite()), ...config }))
        expect(second.claimant).not.toBe(first.claimant)
        yield* waitUntil(Effect.map(states, (xs) => xs.filter((e) => e.state === "acked").length === n))
        yield* Effect.promise(second.stop)

        const end = yield* states
        expect(end.filter((e) => e.state !== "acked")).toEqual([])
        expect([...r.processed.keys()].sort()).toEqual(ids.map(keyOf).sort())
        const stored = new Map(end.map((e) => [e.eventId, e.attempts]))
        for (const a of arrivedAfterAck) expect([a.eventId, a.attempt < stored.get(a.eventId)!]).toEqual([a.eventId, true])
        for (const [key, attempts] of attemptsByEvent(r)) expect([key, new Set(attempts).size]).toEqual([key, attempts.length])
        const [s1, s2] = [yield* Effect.promise(first.stats), yield* Effect.promise(second.stats)]
        expect(s1.delivered).toBe(ackedMid)
        expect(s1.delivered + s2.delivered).toBe(n)
        expect(s2.delivered).toBeGreaterThan(0)
        expect(r.badSignatures).toEqual([])
      }).pipe(Effect.scoped)
    },
    60_000
  )

  it.live("a permanently failing endpoint sends events to dead-letter after maxAttempts; redrive delivers them once it is fixed", () =>
    Effect.gen(function* () {
      let down = true
      const r = yield* receiver({ secret, fate: () => (down ? "status" : "ok") })
      const store = yield* Store.Store
      const ids = studentIds(4)
      yield* store.createMany("student", ids.map((id) => fixtures.student(id)), author)
      const config = { url: r.url, secret, maxAttempts: 3, ...fast }
      const stats = yield* Effect.scoped(
        Effect.gen(function* () {
          const worker = yield* Webhook.make(config)
          yield* waitUntil(Effect.map(Webhook.deadLetters(), (xs) => xs.length === 4))
          return yield* worker.stats
        })
      )
      const dead = yield* Webhook.deadLetters()
      expect(dead.map((e) => [e.aggregateId, e.state, e.attempts])).toEqual(ids.map((id) => [id, "dead", 3]))
      expect(stats).toMatchObject({ delivered: 0, deadLettered: 4, retried: 8 })
      // Exactly maxAttempts requests per event, numbered 1..3; nothing after it went dead.
      expect([...attemptsByEvent(r).values()]).toEqual(ids.map(() => [1, 2, 3]))
      expect(yield* store.outbox.list({ state: "acked" })).toEqual([])

      down = false
      expect(yield* Webhook.redrive(dead.map((e) => e.eventId))).toBe(4)
      const after = yield* Effect.scoped(
        Effect.gen(function* () {
          const worker = yield* Webhook.make(config)
          yield* waitUntil(Effect.map(store.outbox.list({ state: "acked" }), (xs) => xs.length === 4))
          return yield* worker.stats
        })
      )
      expect(after).toMatchObject({ delivered: 4, deadLettered: 0, retried: 0 })
      // Revived with attempts from 0: the fourth request of each is its attempt 1 again.
      expect([...attemptsByEvent(r).values()]).toEqual(ids.map(() => [1, 2, 3, 1]))
      expect(yield* Webhook.deadLetters()).toEqual([])
    }).pipe(Effect.scoped, Effect.provide(Memory.layerMemory))
  )

  it.live("as a layer, and from Promise code over a host's own ManagedRuntime (left open after stop)", () =>
    Effect.gen(function* () {
      const r = yield* receiver({ secret })
      const runtime = yield* Effect.acquireRelease(Effect.sync(() => ManagedRuntime.make(Memory.layerMemory)), (rt) => Effect.promise(() => rt.dispose()))
      const onHost = <A, E>(effect: Effect.Effect<A, E, Store.Store>) => Effect.promise(() => runtime.runPromise(effect))
      const acked = onHost(Effect.flatMap(Store.Store, (s) => Effect.map(s.outbox.list({ state: "acked" }), (xs) => xs.length)))
      yield* onHost(Effect.flatMap(Store.Store, (s) => s.createMany("student", studentIds(3).map((id) => fixtures.student(id)), author)))

      const worker = yield* Effect.promise(() => Webhook.start({ store: runtime, url: r.url, secret, ...fast }))
      yield* waitUntil(Effect.map(acked, (n) => n === 3))
      yield* Effect.promise(worker.stop)
      expect(yield* Effect.promise(worker.stats)).toMatchObject({ claimed: 3, delivered: 3 })
      // The host's runtime is still open: its store takes more events, which the layer-started worker delivers.
      yield* onHost(Effect.flatMap(Store.Store, (s) => s.put("student", fixtures.student("st-late"), { ...author, expectedVersion: 0 })))
      yield* Effect.promise(() => runtime.runPromise(Effect.scoped(Effect.zipRight(Layer.build(Webhook.layer({ url: r.url, secret, ...fast })), waitUntil(Effect.map(Effect.flatMap(Store.Store, (s) => s.outbox.list({ state: "acked" })), (xs) => xs.length === 4))))))
      expect(r.arrivals.map((a) => a.eventId).sort()).toEqual([...studentIds(3), "st-late"].map((id) => `student:${id}:1:0`).sort())
    }).pipe(Effect.scoped)
  )

  it.live("stopping aborts requests in flight and gives their events back at once (pending, not waiting for the lease)", () =>
    Effect.gen(function* () {
      const r = yield* receiver({ secret, fate: () => "hang", hangMillis: 20_000 })
      const store = yield* Store.Store
      yield* store.createMany("student", studentIds(3).map((id) => fixtures.student(id)), author)
      const stats = yield* Effect.scoped(
        Effect.gen(function* () {
          const worker = yield* Webhook.make({ url: r.url, secret, timeoutMillis: 10_000, leaseSeconds: 60, pollMillis: 10 })
          yield* waitUntil(Effect.sync(() => r.arrivals.length === 3))
          return yield* worker.stats
        })
      )
      expect(stats).toMatchObject({ claimed: 3, delivered: 0, retried: 0 })
      expect((yield* store.outbox.list()).map((e) => [e.state, e.attempts, e.claimedBy])).toEqual([
        ["pending", 1, null],
        ["pending", 1, null],
        ["pending", 1, null]
      ])
    }).pipe(Effect.scoped, Effect.provide(Memory.layerMemory))
  )

  it.live("a running worker outlives store failures: a claim that fails is logged and tried again", () => {
    let failures = 2
    const flakyClaims = Layer.effect(
      Store.Store,
      Effect.map(
        Store.Store,
        (s): Store.Service => ({
          ...s,
          outbox: {
            ...s.outbox,
            claim: (n, o) => (failures-- > 0 ? Effect.fail(new StoreErrors.StoreError({ reason: "unavailable", operation: "claim outbox", detail: "connection lost" })) : s.outbox.claim(n, o))
          }
        })
      )
    ).pipe(Layer.provideMerge(Memory.layerMemory))
    return Effect.gen(function* () {
      const r = yield* receiver({ secret })
      const store = yield* Store.Store
      yield* store.put("student", fixtures.student("st-1"), { ...author, expectedVersion: 0 })
      yield* Effect.scoped(Effect.zipRight(Webhook.make({ url: r.url, secret, ...fast }), waitUntil(Effect.map(store.outbox.list({ state: "acked" }), (xs) => xs.length === 1))))
      expect(failures).toBeLessThan(0)
      expect(r.arrivals.map((a) => [a.eventId, a.attempt])).toEqual([["student:st-1:1:0", 1]])
    }).pipe(Effect.scoped, Effect.provide(flakyClaims))
  })

  it.effect("the retry time is the clock's now plus a full-jitter delay drawn from the Random service; not claimed before it", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(Date.now())
      const r = yield* receiver({ secret, fate: () => "status" })
      const store = yield* Store.Store
      yield* store.put("student", fixtures.student("st-1"), { ...author, expectedVersion: 0 })
      const policy = { baseMillis: 60_000, capMillis: 600_000 }
      const config = { url: r.url, secret, backoff: policy, timeoutMillis: 2000, leaseSeconds: 30 }
      const seed = 20261130
      // What the seeded generator will draw for the first failure.
      const expected = yield* Backoff.delay(policy, 1).pipe(Effect.withRandom(Random.make(seed)))
      expect(expected).toBeGreaterThan(0)
      expect(expected).toBeLessThanOrEqual(60_000)

      const t0 = yield* DateTime.now
      const first = yield* Webhook.deliverBatch(config).pipe(Effect.withRandom(Random.make(seed)))
      expect(first.outcomes.map((o) => o._tag)).toEqual(["Retried"])
      const retried = first.outcomes[0]!
      if (retried._tag !== "Retried") throw new Error("unreachable")
      expect(DateTime.toEpochMillis(retried.retryAt) - DateTime.toEpochMillis(t0)).toBe(expected)
      expect(retried.error.reason).toBe("status")
      expect(retried.error.status).toBe(503)
      expect(retried.error.messageZh).toContain("503")

      // Before the retry time nothing is claimable; right after it, the event is attempted again.
      yield* TestClock.adjust(expected - 1)
      expect((yield* Webhook.deliverBatch(config)).stats.claimed).toBe(0)
      yield* TestClock.adjust(2)
      const second = yield* Webhook.deliverBatch(config)
      expect(second.outcomes.map((o) => [o._tag, o.attempt])).toEqual([["Retried", 2]])
      expect(r.arrivals.map((a) => a.attempt)).toEqual([1, 2])
    }).pipe(Effect.scoped, Effect.provide(Memory.layerMemory))
  )

  it.effect("a claim left by a crashed worker lapses after its lease and is delivered by the next (attempt 2)", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(Date.now())
      const r = yield* receiver({ secret })
      const store = yield* Store.Store
      yield* store.put("student", fixtures.student("st-1"), { ...author, expectedVersion: 0 })
      // The crashed worker: claimed, never settled.
      yield* store.outbox.claim(10, { claimant: "webhook/crashed", at: yield* DateTime.now, leaseSeconds: 60 })
      const config = { url: r.url, secret, timeoutMillis: 2000, leaseSeconds: 30 }
      expect((yield* Webhook.deliverBatch(config)).stats.claimed).toBe(0)
      yield* TestClock.adjust("61 seconds")
      const next = yield* Webhook.deliverBatch(config)
      expect(next.stats).toEqual({ claimed: 1, delivered: 1, retried: 0, deadLettered: 0, released: 0 })
      expect(r.arrivals.map((a) => [a.eventId, a.attempt])).toEqual([["student:st-1:1:0", 2]])
      expect((yield* store.outbox.list()).map((e) => e.state)).toEqual(["acked"])
      // Acknowledged: never claimed again, however late.
      yield* TestClock.adjust("30 days")
      expect((yield* Webhook.deliverBatch(config)).stats.claimed).toBe(0)
      expect(r.arrivals.length).toBe(1)
    }).pipe(Effect.scoped, Effect.provide(Memory.layerMemory))
  )

  it.effect("an event whose stored payload is not JSON goes to dead-letter at once, unsent", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(Date.now())
      const r = yield* receiver({ secret })
      const driver = yield* Driver.StoreDriver
      yield* driver.appendOutbox([{ eventId: "student:st-9:1:0", type: "student", aggregateId: "st-9", aggregateVersion: 1, event: "student.created", payload: "{not json", at: "2025-03-01T08:00:00.000Z" }])
      const out = yield* Webhook.deliverBatch({ url: r.url, secret, timeoutMillis: 2000, leaseSeconds: 30 })
      expect(out.outcomes.map((o) => (o._tag === "DeadLettered" ? [o._tag, o.error.reason] : [o._tag]))).toEqual([["DeadLettered", "payload"]])
      expect(r.arrivals).toEqual([])
      expect((yield* Webhook.deadLetters()).map((e) => e.eventId)).toEqual(["student:st-9:1:0"])
    }).pipe(Effect.scoped, Effect.provide(Memory.layerMemory))
  )
})

/** The memory store with some outbox operations replaced (the worker sees the replaced ones). */
const withOutbox = (change: (outbox: Store.Outbox) => Partial<Store.Outbox>) =>
  Layer.effect(
    Store.Store,
    Effect.map(Store.Store, (s): Store.Service => ({ ...s, outbox: { ...s.outbox, ...change(s.outbox) } }))
  ).pipe(Layer.provideMerge(Memory.layerMemory))

describe("webhook attempts are real requests", () => {
  it.live(
    "the reviewer's configuration (maxAttempts 3, batchSize 10, concurrency 1, timeout 1 s, lease 3 s) against an endpoint that never answers in time: each event gets exactly 3 real requests, numbered 1..3, then dead-letter",
    () =>
      Effect.gen(function* () {
        const r = yield* receiver({ secret, fate: () => "hang", hangMillis: 30_000 })
        const store = yield* Store.Store
        const ids = studentIds(3)
        yield* store.createMany("student", ids.map((id) => fixtures.student(id)), author)
        const config = { url: r.url, secret, maxAttempts: 3, batchSize: 10, concurrency: 1, timeoutMillis: 1000, leaseSeconds: 3, pollMillis: 10, backoff: { baseMillis: 5, capMillis: 80 } }
        const stats = yield* Effect.scoped(
          Effect.gen(function* () {
            const worker = yield* Webhook.make(config)
            yield* waitUntil(Effect.map(Webhook.deadLetters(), (xs) => xs.length === 3))
            return yield* worker.stats
          })
        )
        expect((yield* Webhook.deadLetters()).map((e) => [e.aggregateId, e.attempts])).toEqual(ids.map((id) => [id, 3]))
        // Every attempt the outbox counted is a request the endpoint received: 1, 2, 3 for each event.
        expect([...attemptsByEvent(r).values()]).toEqual(ids.map(() => [1, 2, 3]))
        expect(r.arrivals.length).toBe(9)
        expect(stats).toMatchObject({ delivered: 0, retried: 6, deadLettered: 3 })
      }).pipe(Effect.scoped, Effect.provide(Memory.layerMemory)),
    60_000
  )

  it.live("on stop, events claimed but never sent are given back unsent (their claim is not an attempt); the request aborted in flight keeps its attempt", () =>
    Effect.gen(function* () {
      let hang = true
      const r = yield* receiver({ secret, fate: () => (hang ? "hang" : "ok"), hangMillis: 20_000 })
      const store = yield* Store.Store
      const ids = studentIds(5)
      yield* store.createMany("student", ids.map((id) => fixtures.student(id)), author)
      const config = { url: r.url, secret, batchSize: 5, concurrency: 1, timeoutMillis: 10_000, leaseSeconds: 60, pollMillis: 10 }
      yield* Effect.scoped(Effect.zipRight(Webhook.make(config), waitUntil(Effect.sync(() => r.arrivals.length === 1))))
      const inFlight = r.arrivals[0]!.eventId
      const after = yield* store.outbox.list()
      // All five given back at once; only the one whose request was begun counts an attempt.
      expect(after.map((e) => [e.eventId, e.state, e.attempts, e.claimedBy])).toEqual(
        ids.map((id) => `student:${id}:1:0`).map((eventId) => [eventId, "pending", eventId === inFlight ? 1 : 0, null])
      )

      hang = false
      yield* Effect.scoped(Effect.zipRight(Webhook.make(config), waitUntil(Effect.map(store.outbox.list({ state: "acked" }), (xs) => xs.length === 5))))
      // The next worker sends the never-sent ones as attempt 1, the aborted one as attempt 2.
      expect(attemptsByEvent(r)).toEqual(new Map(ids.map((id) => `student:${id}:1:0`).map((eventId) => [eventId, eventId === inFlight ? [1, 2] : [1]])))
    }).pipe(Effect.scoped, Effect.provide(Memory.layerMemory))
  )

  it.effect("an event whose lease ran out while it waited in the batch is given back unsent: Released, its claim not counted, attempt 1 next time", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(Date.now())
      const r = yield* receiver({ secret })
      const store = yield* Store.Store
      yield* store.createMany("student", studentIds(2).map((id) => fixtures.student(id)), author)
      // One at a time; the first delivery (request and ack) uses up 29 of the 30 seconds of the lease.
      const config = { url: r.url, secret, batchSize: 2, concurrency: 1, timeoutMillis: 2000, leaseSeconds: 30 }
      const first = yield* Webhook.deliverBatch(config)
      expect(first.outcomes.map((o) => [o._tag, o.eventId, o.attempt])).toEqual([
        ["Delivered", "student:st-0000:1:0", 1],
        ["Released", "student:st-0001:1:0", 1]
      ])
      expect(first.stats).toEqual({ claimed: 2, delivered: 1, retried: 0, deadLettered: 0, released: 1 })
      expect((yield* store.outbox.list({ state: "pending" })).map((e) => [e.eventId, e.attempts, e.claimedBy])).toEqual([["student:st-0001:1:0", 0, null]])
      const second = yield* Webhook.deliverBatch(config)
      expect(second.outcomes.map((o) => [o._tag, o.eventId, o.attempt])).toEqual([["Delivered", "student:st-0001:1:0", 1]])
      expect(r.arrivals.map((a) => [a.eventId, a.attempt])).toEqual([
        ["student:st-0000:1:0", 1],
        ["student:st-0001:1:0", 1]
      ])
    }).pipe(
      Effect.scoped,
      Effect.provide(withOutbox((o) => ({ ack: (ids, claimant) => Effect.tap(o.ack(ids, claimant), () => TestClock.adjust("29 seconds")) })))
    )
  )

  it.effect("a claim takes no more events than can be sent within the lease: concurrency × ⌊(lease − 1 s) / (timeout + 1 s)⌋, at most batchSize", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(Date.now())
      const r = yield* receiver({ secret })
      const store = yield* Store.Store
      yield* store.createMany("student", studentIds(10).map((id) => fixtures.student(id)), author)
      const base = { url: r.url, secret, batchSize: 10, concurrency: 2, timeoutMillis: 1000 }
      // 2 × ⌊2000 / 2000⌋ = 2
      expect((yield* Webhook.deliverBatch({ ...base, leaseSeconds: 3 })).stats).toMatchObject({ claimed: 2, delivered: 2, released: 0 })
      // The rest were never claimed: no attempt counted.
      expect((yield* store.outbox.list({ state: "pending" })).map((e) => e.attempts)).toEqual(Array.from({ length: 8 }, () => 0))
      // 2 × ⌊6000 / 2000⌋ = 6
      expect((yield* Webhook.deliverBatch({ ...base, leaseSeconds: 7 })).stats).toMatchObject({ claimed: 6, delivered: 6 })
      // A long lease: batchSize is the bound (2 left).
      expect((yield* Webhook.deliverBatch({ ...base, leaseSeconds: 300 })).stats).toMatchObject({ claimed: 2, delivered: 2 })
      expect(r.arrivals.map((a) => a.attempt)).toEqual(Array.from({ length: 10 }, () => 1))
    }).pipe(Effect.scoped, Effect.provide(Memory.layerMemory))
  )

  it.effect("a retry or dead-letter that finds the claim lost (another worker took it over meanwhile) is counted as Released, not Retried or DeadLettered", () => {
    // Before settling, a rival claims whatever has lapsed a day from now: this worker's claim is gone.
    const rival = (o: Store.Outbox) => Effect.flatMap(DateTime.now, (now) => o.claim(10, { claimant: "webhook/rival", at: DateTime.add(now, { days: 1 }) }))
    return Effect.gen(function* () {
      yield* TestClock.setTime(Date.now())
      const r = yield* receiver({ secret, fate: () => "status" })
      const store = yield* Store.Store
      const config = { url: r.url, secret, timeoutMillis: 2000, leaseSeconds: 30 }
      yield* store.put("student", fixtures.student("st-1"), { ...author, expectedVersion: 0 })
      const retried = yield* Webhook.deliverBatch({ ...config, maxAttempts: 2 })
      expect(retried.outcomes.map((o) => [o._tag, o.eventId, o.attempt])).toEqual([["Released", "student:st-1:1:0", 1]])
      expect(retried.stats).toEqual({ claimed: 1, delivered: 0, retried: 0, deadLettered: 0, released: 1 })

      yield* store.put("student", fixtures.student("st-2"), { ...author, expectedVersion: 0 })
      const buried = yield* Webhook.deliverBatch({ ...config, maxAttempts: 1 })
      expect(buried.outcomes.map((o) => [o._tag, o.eventId, o.attempt])).toEqual([["Released", "student:st-2:1:0", 1]])
      expect(buried.stats).toEqual({ claimed: 1, delivered: 0, retried: 0, deadLettered: 0, released: 1 })
      // Both requests were made; both events are the rival's now, none is a dead letter.
      expect(r.arrivals.map((a) => [a.eventId, a.attempt])).toEqual([
        ["student:st-1:1:0", 1],
        ["student:st-2:1:0", 1]
      ])
      expect(yield* Webhook.deadLetters()).toEqual([])
      expect((yield* store.outbox.list()).map((e) => [e.eventId, e.state, e.claimedBy])).toEqual([
        ["student:st-1:1:0", "claimed", "webhook/rival"],
        ["student:st-2:1:0", "claimed", "webhook/rival"]
      ])
    }).pipe(
      Effect.scoped,
      Effect.provide(
        withOutbox((o) => ({
          retry: (ids, claimant, options) => Effect.zipRight(rival(o), o.retry!(ids, claimant, options)),
          deadLetter: (ids, claimant) => Effect.zipRight(rival(o), o.deadLetter!(ids, claimant))
        }))
      )
    )
  })
})

describe("webhook configuration and store requirements", () => {
  it.effect("bad configuration is an InvalidInput listing every problem in Chinese and English; nothing starts", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(Webhook.deliverBatch({ url: "ftp://example.edu.cn/x", secret: "short", maxAttempts: 0, colour: "red" } as never))
      expect(error).toBeInstanceOf(CoreErrors.InvalidInput)
      const invalid = error as CoreErrors.InvalidInput
      expect(invalid.entity).toBe("WebhookConfig")
      expect(invalid.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["url", "secret", "maxAttempts", "colour"]))
      expect(invalid.issues.find((i) => i.path[0] === "url")).toMatchObject({ zh: expect.stringContaining("http"), en: expect.stringContaining("http") })
      expect(invalid.messageZh).toContain("处问题")

      const lease = yield* Effect.flip(Webhook.decodeConfig({ url: "https://example.edu.cn/hook", secret, timeoutMillis: 10_000, leaseSeconds: 5 }))
      expect(lease.issues.map((i) => [i.zh.includes("租约"), i.en.includes("leaseSeconds")])).toEqual([[true, true]])

      const header = yield* Effect.flip(Webhook.decodeConfig({ url: "https://example.edu.cn/hook", secret, headers: { "Idempotency-Key": "x", authorization: "Bearer 令牌" } }))
      expect(header.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["headers.Idempotency-Key", "headers.authorization"]))
      // Nothing was claimed.
      expect(yield* Effect.flatMap(Store.Store, (s) => s.outbox.list({ state: "claimed" }))).toEqual([])
    }).pipe(Effect.provide(Memory.layerMemory))
  )

  it.effect("defaults fill what a host leaves out", () =>
    Effect.gen(function* () {
      const config = yield* Webhook.decodeConfig({ url: "https://example.edu.cn/hook", secret })
      expect(config).toEqual({
        url: "https://example.edu.cn/hook",
        secret,
        name: "webhook",
        batchSize: 50,
        concurrency: 8,
        maxAttempts: 10,
        backoff: { baseMillis: 1000, capMillis: 3_600_000 },
        timeoutMillis: 10_000,
        leaseSeconds: 300,
        pollMillis: 1000,
        idempotencyKeyPrefix: "",
        headers: {}
      })
    })
  )

  it.effect("a store whose outbox lacks retry times and dead letters is refused with UnsupportedStore", () =>
    Effect.gen(function* () {
      const { retryOutbox: _r, deadLetterOutbox: _d, reviveOutbox: _v, ...old } = yield* Memory.makeDriver
      const error = yield* Effect.flip(Webhook.deliverBatch({ url: "https://example.edu.cn/hook", secret }).pipe(Effect.provideService(Store.Store, Store.make(old))))
      expect(error).toBeInstanceOf(Errors.UnsupportedStore)
      expect((error as Errors.UnsupportedStore).missing).toEqual(["retry", "deadLetter", "revive"])
      expect((error as Errors.UnsupportedStore).messageZh).toContain("memory")
    })
  )

  it("the idempotency key is the event id, percent-encoded outside [A-Za-z0-9._~:-], with the prefix", () => {
    expect(Webhook.idempotencyKey("teacher:t-1:2:0")).toBe("teacher:t-1:2:0")
    expect(Webhook.idempotencyKey("teacher:李 1:2:0", "s37:")).toBe("s37:teacher:%E6%9D%8E%201:2:0")
    expect(Webhook.idempotencyKey("a%b")).toBe("a%25b")
  })
})
