/**
 * The in-memory adapter: the reference implementation of the driver contract, with the same semantics as the
 * SQL one — transactions (an undo log; nested ones are savepoints), compare-and-set versions, natural-key
 * uniqueness, an append-only audit and an outbox with claims. Transactions are serialised, and reads outside
 * a transaction wait for the one in progress, so no one sees half of a change.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as FiberRef from "effect/FiberRef"
import * as Layer from "effect/Layer"
import type { AuditEntry, Driver, OutboxEntry, Query, Row } from "./Driver.js"
import { StoreDriver } from "./Driver.js"
import { StoreError } from "./Errors.js"
import { compareCodePoints, normalLimit, take } from "./internal/text.js"
import * as Store from "./Store.js"

interface Tx {
  readonly undo: Array<() => void>
}

const key = (type: string, id: string) => `${type}\u0000${id}`

/**
 * A fresh in-memory driver.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeDriver: Effect.Effect<Driver> = Effect.gen(function* () {
  const rows = new Map<string, Row>()
  const naturalKeys = new Map<string, string>()
  const audit: Array<AuditEntry> = []
  const outbox: Array<OutboxEntry> = []
  const outboxById = new Map<string, number>()
  const lock = yield* Effect.makeSemaphore(1)
  const current = FiberRef.unsafeMake<Tx | undefined>(undefined)

  // Inside a transaction the fiber holds the lock; outside, each call takes it for its own duration.
  const locked = <A, E>(self: Effect.Effect<A, E>): Effect.Effect<A, E> => Effect.flatMap(FiberRef.get(current), (tx) => (tx === undefined ? lock.withPermits(1)(self) : self))
  const record = (undo: () => void) => Effect.map(FiberRef.get(current), (tx) => void tx?.undo.push(undo))

  const transaction: Driver["transaction"] = (self) =>
    Effect.flatMap(FiberRef.get(current), (outer) => {
      if (outer !== undefined) {
        // A savepoint: on failure, undo what this inner part did, and let the outer transaction go on.
        const mark = outer.undo.length
        return Effect.tapErrorCause(self, () =>
          Effect.sync(() => {
            while (outer.undo.length > mark) outer.undo.pop()!()
          })
        )
      }
      const tx: Tx = { undo: [] }
      return lock.withPermits(1)(
        Effect.locally(current, tx)(
          Effect.tapErrorCause(self, () =>
            Effect.sync(() => {
              while (tx.undo.length > 0) tx.undo.pop()!()
            })
          )
        )
      )
    })

  const matches = (row: Row, q: Query) =>
    (q.schoolIds === undefined || (row.schoolId !== null && q.schoolIds.includes(row.schoolId))) &&
    (q.ids === undefined || q.ids.includes(row.id)) &&
    (q.afterId === undefined || compareCodePoints(row.id, q.afterId) > 0) &&
    (q.period === undefined || ((row.startsOn === null || row.startsOn <= q.period.to) && (row.endsOn === null || row.endsOn >= q.period.from)))

  const setRow = (row: Row) =>
    Effect.gen(function* () {
      const k = key(row.type, row.id)
      const before = rows.get(k)
      if (row.naturalKey !== null) {
        const holder = naturalKeys.get(key(row.type, row.naturalKey))
        if (holder !== undefined && holder !== row.id) {
          return yield* Effect.fail(new StoreError({ reason: "constraint", operation: `write ${row.type} ${row.id}`, detail: `唯一标识 ${row.naturalKey} 已被 ${holder} 使用 / natural key ${row.naturalKey} is held by ${holder}` }))
        }
      }
      if (before?.naturalKey != null) naturalKeys.delete(key(row.type, before.naturalKey))
      if (row.naturalKey !== null) naturalKeys.set(key(row.type, row.naturalKey), row.id)
      rows.set(k, row)
      yield* record(() => {
        if (row.naturalKey !== null) naturalKeys.delete(key(row.type, row.naturalKey))
        if (before === undefined) rows.delete(k)
        else {
          rows.set(k, before)
          if (before.naturalKey !== null) naturalKeys.set(key(row.type, before.naturalKey), before.id)
        }
      })
    })

  const setEntry = (at: number, entry: OutboxEntry) =>
    Effect.gen(function* () {
      const before = outbox[at]!
      outbox[at] = entry
      yield* record(() => {
        outbox[at] = before
      })
    })

  /** Changes the entries `claimant` holds (ack or release); entries it does not hold are left as they are. */
  const settle = (eventIds: ReadonlyArray<string>, claimant: string, change: (e: OutboxEntry) => OutboxEntry) =>
    locked(
      Effect.gen(function* () {
        let n = 0
        for (const id of new Set(eventIds)) {
          const i = outboxById.get(id)
          const e = i === undefined ? undefined : outbox[i]
          if (i === undefined || e === undefined || e.state !== "claimed" || e.claimedBy !== claimant) continue
          yield* setEntry(i, change(e))
          n++
        }
        return n
      })
    )

  const claimable = (e: OutboxEntry, at: string) => e.state === "pending" || (e.state === "claimed" && e.claimedUntil !== null && e.claimedUntil < at)

  const driver: Driver = {
    name: "memory",
    capabilities: { concurrentWriters: true, migrations: false, durable: false },
    transaction,
    read: (type, id) => locked(Effect.sync(() => rows.get(key(type, id)))),
    query: (type, q) =>
      locked(
        Effect.sync(() => {
          // By code point, as SQL orders them (see compareCodePoints).
          return take([...rows.values()].filter((r) => r.type === type && matches(r, q)).sort((a, b) => compareCodePoints(a.id, b.id)), q.limit)
        })
      ),
    schoolsOf: (type, ids) =>
      locked(
        Effect.sync(() => {
          const out = new Map<string, string | null>()
          for (const id of ids) {
            const row = rows.get(key(type, id))
            if (row !== undefined) out.set(id, row.schoolId)
          }
          return out
        })
      ),
    findByNaturalKey: (type, naturalKey) => locked(Effect.sync(() => naturalKeys.get(key(type, naturalKey)))),
    insert: (row) => locked(Effect.suspend(() => (rows.has(key(row.type, row.id)) ? Effect.succeed(false) : Effect.as(setRow(row), true)))),
    update: (row, expectedVersion) => locked(Effect.suspend(() => (rows.get(key(row.type, row.id))?.version !== expectedVersion ? Effect.succeed(false) : Effect.as(setRow(row), true)))),
    // A transaction (or a savepoint) of its own, which holds the lock: a natural-key clash half-way undoes the
    // rows set before it. (Taking the lock here and then again for the transaction deadlocked outside one.)
    insertMany: (batch) =>
      transaction(
        Effect.gen(function* () {
          for (const row of batch) {
            if (rows.has(key(row.type, row.id))) return yield* Effect.fail(new StoreError({ reason: "conflict", operation: `insert ${row.type} ${row.id}`, detail: `${row.type} ${row.id} exists already / 已存在` }))
          }
          yield* Effect.forEach(batch, setRow, { discard: true })
        })
      ),
    appendAuditMany: (entries) =>
      locked(
        Effect.gen(function* () {
          for (const entry of entries) {
            audit.push({ ...entry, seq: audit.length + 1 })
            yield* record(() => void audit.pop())
          }
        })
      ),
    appendAudit: (entry) =>
      locked(
        Effect.gen(function* () {
          audit.push({ ...entry, seq: audit.length + 1 })
          yield* record(() => void audit.pop())
        })
      ),
    readAudit: (q) =>
      locked(
        Effect.sync(() => {
          const out = audit.filter((e) => (q.type === undefined || e.type === q.type) && (q.id === undefined || e.id === q.id) && (q.afterSeq === undefined || e.seq > q.afterSeq))
          return take(out, q.limit)
        })
      ),
    appendOutbox: (entries) =>
      locked(
        Effect.gen(function* () {
          for (const e of entries) {
            if (outboxById.has(e.eventId)) return yield* Effect.fail(new StoreError({ reason: "constraint", operation: `outbox ${e.eventId}`, detail: "duplicate event id / 事件编号重复" }))
          }
          for (const e of entries) {
            outbox.push({ ...e, seq: outbox.length + 1, state: "pending", attempts: 0, claimedBy: null, claimedUntil: null })
            outboxById.set(e.eventId, outbox.length - 1)
            yield* record(() => {
              outbox.pop()
              outboxById.delete(e.eventId)
            })
          }
        })
      ),
    claimOutbox: (n, claimant, at, until) =>
      locked(
        Effect.gen(function* () {
          const out: Array<OutboxEntry> = []
          const most = normalLimit(n) ?? Infinity
          for (let i = 0; i < outbox.length && out.length < most; i++) {
            const e = outbox[i]!
            if (!claimable(e, at)) continue
            const claimed: OutboxEntry = { ...e, state: "claimed", attempts: e.attempts + 1, claimedBy: claimant, claimedUntil: until }
            yield* setEntry(i, claimed)
            out.push(claimed)
          }
          return out
        })
      ),
    ackOutbox: (eventIds, claimant) => settle(eventIds, claimant, (e) => ({ ...e, state: "acked", claimedUntil: null })),
    releaseOutbox: (eventIds, claimant, options) =>
      settle(eventIds, claimant, (e) => ({ ...e, state: "pending", attempts: options?.unsent === true ? Math.max(0, e.attempts - 1) : e.attempts, claimedBy: null, claimedUntil: null })),
    retryOutbox: (eventIds, claimant, at) => settle(eventIds, claimant, (e) => ({ ...e, claimedUntil: at })),
    deadLetterOutbox: (eventIds, claimant) => settle(eventIds, claimant, (e) => ({ ...e, state: "dead", claimedUntil: null })),
    reviveOutbox: (eventIds) =>
      locked(
        Effect.gen(function* () {
          let n = 0
          for (const id of new Set(eventIds)) {
            const i = outboxById.get(id)
            const e = i === undefined ? undefined : outbox[i]
            if (i === undefined || e === undefined || e.state !== "dead") continue
            yield* setEntry(i, { ...e, state: "pending", attempts: 0, claimedBy: null, claimedUntil: null })
            n++
          }
          return n
        })
      ),
    readOutbox: (q) =>
      locked(
        Effect.sync(() => {
          const out = outbox.filter((e) => (q.state === undefined || e.state === q.state) && (q.afterSeq === undefined || e.seq > q.afterSeq))
          return take(out, q.limit)
        })
      ),
    migrate: Effect.void
  }
  return driver
})

/**
 * The in-memory driver alone (for composing with `Store.layer` or a host's own wrapper).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerDriver: Layer.Layer<StoreDriver> = Layer.effect(StoreDriver, makeDriver)

/**
 * A fresh in-memory store: `Store` and its driver.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerMemory: Layer.Layer<Store.Store | StoreDriver> = Store.layer.pipe(Layer.provideMerge(layerDriver))

/**
 * A fresh in-memory store built with options: with `extensions` (a plugin bundle's typed extension fields),
 * writes with bad extension fields are refused and reads give the typed values (see `Store.Options`).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerMemoryWith = (options: Store.Options): Layer.Layer<Store.Store | StoreDriver> => Store.layerWith(options).pipe(Layer.provideMerge(layerDriver))
