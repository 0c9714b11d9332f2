import { expect, it } from "@effect/vitest"
import type { Driver } from "@chanjiao/store"
import { Errors } from "@chanjiao/store"
import * as SqlClient from "@effect/sql/SqlClient"
import * as Cause from "effect/Cause"
import * as Context from "effect/Context"
import * as Deferred from "effect/Deferred"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"
import { Layers, SqlDriver } from "../src/index.js"
import type { Database, Target } from "./services.js"
import { describeTarget, dropTables, listIndexes, listTables, randomPrefix, targets } from "./services.js"

type Row = Driver.Row

interface Fixture {
  readonly driver: Driver.Driver
  readonly prefix: string
  readonly sql: SqlClient.SqlClient
  readonly database: Database
}
class Fx extends Context.Tag("test/Fx")<Fx, Fixture>() {}

/**
 * A migrated driver with a fresh prefix on a fresh database handle; its tables are dropped (and an SQLite file
 * deleted) when the test ends.
 */
const fixture = (t: Target, options: { readonly migrate?: boolean; readonly prefix?: string } = {}): Layer.Layer<Fx | SqlClient.SqlClient, unknown> =>
  Layer.unwrapScoped(
    Effect.gen(function* () {
      const database = t.database()
      yield* Effect.addFinalizer(() => Effect.sync(database.dispose))
      const prefix = options.prefix ?? randomPrefix()
      return Layer.scoped(
        Fx,
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient
          yield* Effect.addFinalizer(() => Effect.ignore(dropTables(prefix)))
          const driver = yield* SqlDriver.make({ prefix })
          if (options.migrate !== false) yield* driver.migrate
          return { driver, prefix, sql, database }
        })
      ).pipe(Layer.provideMerge(database.client()))
    })
  )

/** Another connection (pool) to the same database, for the test's duration. */
const secondClient = (database: Database): Effect.Effect<SqlClient.SqlClient, unknown, Scope.Scope> =>
  Effect.map(Layer.build(database.client()), (ctx) => Context.get(ctx, SqlClient.SqlClient))

const row = (id: string, version = 1, extra: Partial<Row> = {}): Row => ({
  type: "kit",
  id,
  version,
  schoolId: "s-1",
  startsOn: null,
  endsOn: null,
  naturalKey: null,
  state: null,
  data: JSON.stringify({ id, version }),
  updatedAt: "2025-03-01T08:00:00.000Z",
  ...extra
})

const entry = (n: number, extra: Partial<Driver.NewOutboxEntry> = {}): Driver.NewOutboxEntry => ({
  eventId: `kit:e-${String(n).padStart(3, "0")}:1:0`,
  type: "kit",
  aggregateId: `e-${n}`,
  aggregateVersion: 1,
  event: "kit.created",
  payload: JSON.stringify({ n }),
  at: "2025-03-01T08:00:00.000Z",
  ...extra
})

const audit = (id: string, version: number, extra: Partial<Driver.NewAuditEntry> = {}): Driver.NewAuditEntry => ({
  actor: "tester",
  at: "2025-03-01T08:00:00.000Z",
  type: "kit",
  id,
  version,
  event: version === 1 ? "created" : "updated",
  beforeHash: version === 1 ? null : "a".repeat(64),
  afterHash: "b".repeat(64),
  ...extra
})

/** The failure of an exit, asserting there is one and that it is a `StoreError` (not a defect, not SqlError). */
const storeErrorOf = <A>(exit: Exit.Exit<A, unknown>): Errors.StoreError => {
  expect(Exit.isFailure(exit)).toBe(true)
  if (Exit.isSuccess(exit)) throw new Error("expected a failure")
  expect(Cause.isDie(exit.cause), `a defect escaped: ${Cause.pretty(exit.cause)}`).toBe(false)
  const failure = Cause.failureOption(exit.cause)
  if (failure._tag === "None") throw new Error(`no failure in ${Cause.pretty(exit.cause)}`)
  expect(failure.value).toBeInstanceOf(Errors.StoreError)
  return failure.value as Errors.StoreError
}

const T = (s: number) => `2025-03-01T08:${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}.000Z`

const hostile = [
  "'; DROP TABLE x; --",
  `"double" 'single' \`back\` \\ backslash \\\\ %_ wildcards ? $1 :name`,
  "tab\there\r\nnewline\u0001\u0008\u001b\u001f\u007f",
  "校企合作🤝产教融合🏭",
  "𠀀𪚥 beyond the BMP, e\u0301 combining, ＦＵＬＬＷＩＤＴＨ",
  "trailing space ",
  "x".repeat(100_000)
]

const timeout = 60_000

for (const t of targets) {
  describeTarget(t, "SqlDriver", () => {
    it.live(
      "insert, read and compare-and-set update",
      () =>
        Effect.gen(function* () {
          const { driver } = yield* Fx
          expect(driver.capabilities).toEqual({ concurrentWriters: true, migrations: true, durable: true })
          expect(yield* driver.insert(row("r-1"))).toBe(true)
          expect(yield* driver.insert(row("r-1", 1, { data: "{}" }))).toBe(false)
          expect(yield* driver.read("kit", "r-1")).toEqual(row("r-1"))
          expect(yield* driver.read("kit", "r-2")).toBeUndefined()
          expect(yield* driver.read("other", "r-1")).toBeUndefined()
          expect(yield* driver.update(row("r-1", 3), 2)).toBe(false)
          expect(yield* driver.update(row("r-1", 2, { state: "signed", startsOn: "2024-09-01" }), 1)).toBe(true)
          expect(yield* driver.update(row("r-1", 2), 1)).toBe(false)
          expect(yield* driver.read("kit", "r-1")).toEqual(row("r-1", 2, { state: "signed", startsOn: "2024-09-01" }))
          expect(yield* driver.update(row("r-9", 2), 1)).toBe(false)
          // The same id under another type is another row.
          expect(yield* driver.insert(row("r-1", 1, { type: "other" }))).toBe(true)
        }).pipe(Effect.provide(fixture(t))),
      timeout
    )

    it.live(
      "a taken id inside a transaction is `false` and the transaction goes on",
      () =>
        Effect.gen(function* () {
          const { driver } = yield* Fx
          yield* driver.insert(row("r-1"))
          // PostgreSQL would abort the transaction on a unique violation: the driver must not cause one.
          const after = yield* driver.transaction(
            Effect.gen(function* () {
              expect(yield* driver.insert(row("r-1"))).toBe(false)
              expect(yield* driver.insert(row("r-2"))).toBe(true)
              return yield* driver.read("kit", "r-1")
            })
          )
          expect(after?.version).toBe(1)
          expect((yield* driver.query("kit", {})).map((r) => r.id)).toEqual(["r-1", "r-2"])
        }).pipe(Effect.provide(fixture(t))),
      timeout
    )

    it.live(
      "a natural key is unique within its type; NULL keys are not",
      () =>
        Effect.gen(function* () {
          const { driver } = yield* Fx
          yield* driver.insert(row("r-1", 1, { naturalKey: "91370828MA3C4P2X1N" }))
          const e = yield* Effect.flip(driver.insert(row("r-2", 1, { naturalKey: "91370828MA3C4P2X1N" })))
          expect(e).toBeInstanceOf(Errors.StoreError)
          expect(e.reason).toBe("constraint")
          expect(yield* driver.read("kit", "r-2")).toBeUndefined()
          expect(yield* driver.insert(row("r-2", 1, { type: "other", naturalKey: "91370828MA3C4P2X1N" }))).toBe(true)
          for (const id of ["n-1", "n-2", "n-3"]) expect(yield* driver.insert(row(id))).toBe(true)
          expect(yield* driver.findByNaturalKey("kit", "91370828MA3C4P2X1N")).toBe("r-1")
          expect(yield* driver.findByNaturalKey("kit", "nope")).toBeUndefined()
          // An update onto a held key is refused as well.
          yield* driver.insert(row("r-3", 1, { naturalKey: "k3" }))
          expect((yield* Effect.flip(driver.update(row("r-3", 2, { naturalKey: "91370828MA3C4P2X1N" }), 1))).reason).toBe("constraint")
          expect((yield* driver.read("kit", "r-3"))?.naturalKey).toBe("k3")
        }).pipe(Effect.provide(fixture(t))),
      timeout
    )

    it.live(
      "insertMany and appendAuditMany: batches in order; a taken id is a conflict, a held natural key a constraint",
      () =>
        Effect.gen(function* () {
          const { driver } = yield* Fx
          const rows = Array.from({ length: 450 }, (_, k) => row(`b-${String(k).padStart(3, "0")}`, 1, { naturalKey: `nk-${k}` }))
          yield* driver.insertMany!(rows)
          expect(yield* driver.query("kit", {})).toEqual(rows)
          yield* driver.appendAuditMany!(rows.map((r) => audit(r.id, 1)))
          expect((yield* driver.readAudit({})).map((a) => a.id)).toEqual(rows.map((r) => r.id))
          const taken = yield* Effect.flip(driver.transaction(driver.insertMany!([row("c-1"), row("b-001")])))
          expect(taken.reason).toBe("conflict")
          const held = yield* Effect.flip(driver.transaction(driver.insertMany!([row("c-2"), row("c-3", 1, { naturalKey: "nk-7" })])))
          expect(held.reason).toBe("constraint")
          expect(yield* driver.query("kit", { ids: ["c-1", "c-2", "c-3"] })).toEqual([])
          expect((yield* Effect.flip(driver.insertMany!([row("x".repeat(300))]))).reason).toBe("constraint")
        }).pipe(Effect.provide(fixture(t))),
      timeout
    )

    it.live(
      "query: schools, period overlap, ids, afterId and limit, ordered by id",
      () =>
        Effect.gen(function* () {
          const { driver } = yield* Fx
          yield* driver.insert(row("i-3", 1, { schoolId: "s-a", startsOn: "2023-09-01", endsOn: "2024-02-28" }))
          yield* driver.insert(row("i-1", 1, { schoolId: "s-a", startsOn: "2024-09-01", endsOn: "2025-02-28" }))
          yield* driver.insert(row("i-2", 1, { schoolId: "s-b", startsOn: "2024-09-01", endsOn: null }))
          yield* driver.insert(row("i-4", 1, { schoolId: "s-a", startsOn: null, endsOn: "2020-01-01" }))
          yield* driver.insert(row("i-5", 1, { schoolId: null, startsOn: null, endsOn: null }))
          yield* driver.insert(row("x-1", 1, { type: "other", schoolId: "s-a" }))
          const ids = (q: Driver.Query) => Effect.map(driver.query("kit", q), (rows) => rows.map((r) => r.id))
          expect(yield* ids({})).toEqual(["i-1", "i-2", "i-3", "i-4", "i-5"])
          expect(yield* ids({ schoolIds: ["s-a"] })).toEqual(["i-1", "i-3", "i-4"])
          expect(yield* ids({ schoolIds: [] })).toEqual([])
          expect(yield* ids({ period: { from: "2024-09-01", to: "2025-08-31" } })).toEqual(["i-1", "i-2", "i-5"])
          expect(yield* ids({ period: { from: "2024-02-28", to: "2024-02-28" } })).toEqual(["i-3", "i-5"])
          expect(yield* ids({ period: { from: "2019-01-01", to: "2019-12-31" } })).toEqual(["i-4", "i-5"])
          expect(yield* ids({ ids: ["i-4", "i-2", "zz", "i-2"] })).toEqual(["i-2", "i-4"])
          expect(yield* ids({ afterId: "i-2", limit: 2 })).toEqual(["i-3", "i-4"])
          expect(yield* ids({ limit: 0 })).toEqual([])
          expect(yield* ids({ schoolIds: ["s-a", "s-b"], period: { from: "2024-01-01", to: "2024-12-31" }, afterId: "i-1" })).toEqual(["i-2", "i-3"])
        }).pipe(Effect.provide(fixture(t))),
      timeout
    )

    it.live(
      "query: long id and school lists are chunked, merged in code-point order and limited",
      () =>
        Effect.gen(function* () {
          const { driver } = yield* Fx
          // Ids whose code-point order differs from UTF-16 order (an astral character sorts after U+FF01).
          const names = Array.from({ length: 1200 }, (_, k) => `q-${String(k).padStart(4, "0")}`)
          names.push("q-\uff01", "q-\u{1f91d}")
          yield* driver.transaction(Effect.forEach(names, (id, k) => driver.insert(row(id, 1, { schoolId: `s-${k % 700}` })), { discard: true }))
          const sorted = [...names].sort((a, b) => (Buffer.compare(Buffer.from(a), Buffer.from(b))))
          expect(sorted.slice(-2)).toEqual(["q-\uff01", "q-\u{1f91d}"])
          const wanted = [...names].reverse().concat(["missing"])
          const all = yield* driver.query("kit", { ids: wanted })
          expect(all.map((r) => r.id)).toEqual(sorted)
          const page = yield* driver.query("kit", { ids: wanted, afterId: sorted[99]!, limit: 50 })
          expect(page.map((r) => r.id)).toEqual(sorted.slice(100, 150))
          const schools = Array.from({ length: 650 }, (_, k) => `s-${k}`)
          const bySchool = yield* driver.query("kit", { schoolIds: schools, ids: wanted, limit: 900 })
          const expected = sorted.filter((id) => {
            const k = names.indexOf(id)
            return k % 700 < 650
          })
          expect(bySchool.map((r) => r.id)).toEqual(expected.slice(0, 900))
        }).pipe(Effect.provide(fixture(t))),
      timeout
    )

    it.live(
      "indexed columns have the same length limits on every database",
      () =>
        Effect.gen(function* () {
          const { driver } = yield* Fx
          // 255 emoji are 255 characters (1020 bytes in UTF-8): they fit.
          const emoji = "🤝".repeat(255)
          expect(yield* driver.insert(row(emoji))).toBe(true)
          expect((yield* driver.read("kit", emoji))?.id).toBe(emoji)
          const e = yield* Effect.flip(driver.insert(row("x".repeat(256))))
          expect([e.reason, e.detail]).toEqual(["constraint", "id is longer than 255 characters / id 超过 255 个字符"])
          expect((yield* Effect.flip(driver.insert(row("r-1", 1, { naturalKey: "k".repeat(501) })))).reason).toBe("constraint")
          expect((yield* Effect.flip(driver.appendOutbox([entry(1, { eventId: "e".repeat(501) })]))).reason).toBe("constraint")
          expect(yield* driver.query("kit", {})).toHaveLength(1)
        }).pipe(Effect.provide(fixture(t))),
      timeout
    )

    it.live(
      "hostile text round-trips exactly through every column",
      () =>
        Effect.gen(function* () {
          const { driver } = yield* Fx
          for (let k = 0; k < hostile.length; k++) {
            const s = hostile[k]!
            const key = s.slice(0, 200)
            const r = row(`${key}#${k}`, 1, { type: "k'\"🤝", schoolId: key, naturalKey: `${key}#${k}`, state: s.slice(0, 100), data: s, updatedAt: s })
            expect(yield* driver.insert(r)).toBe(true)
            expect(yield* driver.read(r.type, r.id)).toEqual(r)
            expect(yield* driver.findByNaturalKey(r.type, `${key}#${k}`)).toBe(r.id)
            expect((yield* driver.query(r.type, { schoolIds: [key], ids: [r.id] })).map((x) => x.data)).toEqual([s])
            yield* driver.appendAudit(audit(r.id, 1, { actor: s, type: r.type, event: s, afterHash: s }))
            yield* driver.appendOutbox([entry(k, { eventId: `${key}:${k}`, type: r.type, aggregateId: r.id, event: s, payload: s, at: T(0) })])
          }
          expect((yield* driver.readAudit({ type: "k'\"🤝" })).map((a) => [a.actor, a.event, a.afterHash])).toEqual(hostile.map((s) => [s, s, s]))
          const claimed = yield* driver.claimOutbox(100, hostile[0]!, T(1), T(60))
          expect(claimed.map((e) => [e.payload, e.event, e.claimedBy])).toEqual(hostile.map((s) => [s, s, hostile[0]]))
          expect(yield* driver.ackOutbox(claimed.map((e) => e.eventId), hostile[0]!)).toBe(hostile.length)
          // Case, width, normalisation and trailing spaces all make different ids.
          for (const id of ["ab", "AB", "ａｂ", "é", "e\u0301", "a", "a "]) expect(yield* driver.insert(row(id))).toBe(true)
          expect((yield* driver.query("kit", { ids: ["a", "a "] })).map((r) => r.id)).toEqual(["a", "a "])
          expect((yield* driver.read("kit", "a "))?.id).toBe("a ")
        }).pipe(Effect.provide(fixture(t))),
      timeout
    )

    it.live(
      "audit: appended in order, read by aggregate, after a seq, with a limit",
      () =>
        Effect.gen(function* () {
          const { driver } = yield* Fx
          yield* driver.appendAudit(audit("a-1", 1))
          yield* driver.appendAudit(audit("a-2", 1))
          yield* driver.appendAudit(audit("a-1", 2))
          const all = yield* driver.readAudit({})
          expect(all.map((a) => [a.id, a.version, a.beforeHash === null])).toEqual([
            ["a-1", 1, true],
            ["a-2", 1, true],
            ["a-1", 2, false]
          ])
          expect(all.every((a, k) => k === 0 || a.seq > all[k - 1]!.seq)).toBe(true)
          expect(typeof all[0]!.seq).toBe("number")
          expect((yield* driver.readAudit({ type: "kit", id: "a-1" })).map((a) => a.version)).toEqual([1, 2])
          expect((yield* driver.readAudit({ afterSeq: all[0]!.seq, limit: 1 })).map((a) => a.id)).toEqual(["a-2"])
        }).pipe(Effect.provide(fixture(t))),
      timeout
    )

    it.live(
      "outbox: claim, ack, release, lapsed claims, only the claimant settles",
      () =>
        Effect.gen(function* () {
          const { driver } = yield* Fx
          yield* driver.appendOutbox([1, 2, 3, 4].map((n) => entry(n)))
          expect((yield* Effect.flip(driver.appendOutbox([entry(1)]))).reason).toBe("constraint")
          const a = yield* driver.claimOutbox(2, "hook-a", T(0), T(60))
          expect(a.map((e) => [e.eventId, e.state, e.attempts, e.claimedBy, e.claimedUntil])).toEqual([
            [entry(1).eventId, "claimed", 1, "hook-a", T(60)],
            [entry(2).eventId, "claimed", 1, "hook-a", T(60)]
          ])
          // Within the lease, the next claimer gets the others.
          const b = yield* driver.claimOutbox(10, "hook-b", T(30), T(90))
          expect(b.map((e) => e.eventId)).toEqual([entry(3).eventId, entry(4).eventId])
          expect(yield* driver.claimOutbox(10, "hook-c", T(59), T(120))).toEqual([])
          // Only the claimant settles.
          expect(yield* driver.ackOutbox([entry(1).eventId], "hook-b")).toBe(0)
          expect(yield* driver.releaseOutbox([entry(1).eventId], "hook-b")).toBe(0)
          expect(yield* driver.ackOutbox([entry(1).eventId, entry(1).eventId, "nope"], "hook-a")).toBe(1)
          expect(yield* driver.releaseOutbox([entry(3).eventId], "hook-b")).toBe(1)
          const released = (yield* driver.readOutbox({ state: "pending" }))[0]!
          expect([released.eventId, released.claimedBy, released.claimedUntil, released.attempts]).toEqual([entry(3).eventId, null, null, 1])
          // After hook-a's lease lapsed, its unacked entry is claimable again (attempt 2); the acked one never.
          const c = yield* driver.claimOutbox(10, "hook-c", T(61), T(200))
          expect(c.map((e) => [e.eventId, e.attempts])).toEqual([
            [entry(2).eventId, 2],
            [entry(3).eventId, 2]
          ])
          // hook-a lost its claim: it can no longer ack it.
          expect(yield* driver.ackOutbox([entry(2).eventId], "hook-a")).toBe(0)
          expect(yield* driver.ackOutbox([entry(2).eventId, entry(3).eventId], "hook-c")).toBe(2)
          expect(yield* driver.claimOutbox(10, "hook-d", "2099-01-01T00:00:00.000Z", "2099-01-01T00:01:00.000Z")).toEqual([
            expect.objectContaining({ eventId: entry(4).eventId, attempts: 2, claimedBy: "hook-d" })
          ])
          expect((yield* driver.readOutbox({ state: "acked" })).map((e) => e.eventId)).toEqual([entry(1).eventId, entry(2).eventId, entry(3).eventId])
          const all = yield* driver.readOutbox({})
          expect((yield* driver.readOutbox({ afterSeq: all[1]!.seq, limit: 1 })).map((e) => e.eventId)).toEqual([entry(3).eventId])
          expect(yield* driver.claimOutbox(0, "hook-e", T(0), T(1))).toEqual([])
        }).pipe(Effect.provide(fixture(t))),
      timeout
    )

    it.live(
      "outbox: concurrent claimers (claim, then ack) while a producer appends never get the same entry",
      () =>
        Effect.gen(function* () {
          const { driver } = yield* Fx
          yield* driver.appendOutbox(Array.from({ length: 120 }, (_, n) => entry(n)))
          let producing = true
          const producer = Effect.gen(function* () {
            for (let n = 120; n < 180; n += 6) yield* driver.transaction(driver.appendOutbox(Array.from({ length: 6 }, (_, k) => entry(n + k))))
            producing = false
          })
          const claimer = (name: string): Effect.Effect<ReadonlyArray<string>, Errors.StoreError> =>
            Effect.gen(function* () {
              const got: Array<string> = []
              for (;;) {
                // As the Store does: a claim in its own transaction, the ack in another.
                const batch = yield* driver.transaction(driver.claimOutbox(7, name, T(0), T(60)))
                if (batch.length === 0) {
                  if (!producing) return got
                  yield* Effect.yieldNow()
                  continue
                }
                for (const e of batch) {
                  expect(e.claimedBy).toBe(name)
                  got.push(e.eventId)
                }
                expect(yield* driver.ackOutbox(batch.map((e) => e.eventId), name)).toBe(batch.length)
              }
            })
          const [, ...results] = yield* Effect.all([producer, ...Array.from({ length: 6 }, (_, k) => claimer(`hook-${k}`))], { concurrency: "unbounded" })
          const all = (results as ReadonlyArray<ReadonlyArray<string>>).flat()
          expect(new Set(all).size).toBe(all.length)
          expect(all.length).toBe(180)
          const acked = yield* driver.readOutbox({ state: "acked" })
          expect(acked.length).toBe(180)
          expect(acked.every((e) => e.attempts === 1)).toBe(true)
        }).pipe(Effect.provide(fixture(t))),
      timeout
    )

    it.live(
      "transaction: a failure rolls back rows, audit and outbox; a failed inner transaction only its own",
      () =>
        Effect.gen(function* () {
          const { driver } = yield* Fx
          const boom = new Errors.StoreError({ reason: "unknown", operation: "test", detail: "injected" })
          const e = yield* Effect.flip(
            driver.transaction(
              Effect.gen(function* () {
                yield* driver.insert(row("t-1"))
                yield* driver.appendAudit(audit("t-1", 1))
                yield* driver.appendOutbox([entry(1)])
                yield* driver.update(row("t-1", 2), 1)
                return yield* Effect.fail(boom)
              })
            )
          )
          expect(e).toBe(boom)
          expect(yield* driver.query("kit", {})).toEqual([])
          expect(yield* driver.readAudit({})).toEqual([])
          expect(yield* driver.readOutbox({})).toEqual([])
          yield* driver.transaction(
            Effect.gen(function* () {
              yield* driver.insert(row("t-1"))
              const inner = yield* Effect.either(driver.transaction(Effect.zipRight(driver.insert(row("t-2")), Effect.fail("inner" as const))))
              expect(Either.isLeft(inner)).toBe(true)
              yield* driver.appendOutbox([entry(2)])
            })
          )
          expect((yield* driver.query("kit", {})).map((r) => r.id)).toEqual(["t-1"])
          expect((yield* driver.readOutbox({})).map((o) => o.eventId)).toEqual([entry(2).eventId])
          // A defect rolls back too.
          const died = yield* Effect.exit(driver.transaction(Effect.zipRight(driver.insert(row("t-3")), Effect.die("bug"))))
          expect(Exit.isFailure(died) && Cause.isDie(died.cause)).toBe(true)
          expect(yield* driver.read("kit", "t-3")).toBeUndefined()
        }).pipe(Effect.provide(fixture(t))),
      timeout
    )

    it.live(
      "migrate twice is a no-op",
      () =>
        Effect.gen(function* () {
          const { driver, prefix, sql } = yield* Fx
          yield* driver.insert(row("m-1"))
          yield* driver.migrate
          yield* driver.migrate
          const recorded = yield* sql<{ readonly migration_id: unknown; readonly name: unknown }>`SELECT migration_id, name FROM ${sql(`${prefix}migrations`)}`
          expect(recorded.map((r) => [Number(r.migration_id), r.name])).toEqual([[1, "create_tables"]])
          expect((yield* driver.read("kit", "m-1"))?.version).toBe(1)
        }).pipe(Effect.provide(fixture(t))),
      timeout
    )

    it.live(
      "two migrators on separate connections at once end with one schema",
      () =>
        Effect.gen(function* () {
          const { database, prefix, sql } = yield* Fx
          const other = yield* secondClient(database)
          const d1 = yield* SqlDriver.make({ prefix })
          const d2 = yield* Effect.provideService(SqlDriver.make({ prefix }), SqlClient.SqlClient, other)
          yield* Effect.all([d1.migrate, d2.migrate, d1.migrate], { concurrency: "unbounded" })
          const tables = (yield* listTables(t.dialect)).filter((n) => n.startsWith(prefix))
          expect(tables).toEqual([`${prefix}aggregates`, `${prefix}audit`, `${prefix}migrations`, `${prefix}outbox`])
          const recorded = yield* sql<{ readonly migration_id: unknown }>`SELECT migration_id FROM ${sql(`${prefix}migrations`)}`
          expect(recorded.map((r) => Number(r.migration_id))).toEqual([1])
          expect(yield* d1.insert(row("c-1"))).toBe(true)
          expect((yield* d2.read("kit", "c-1"))?.id).toBe("c-1")
        }).pipe(Effect.scoped, Effect.provide(fixture(t, { migrate: false }))),
      timeout
    )

    it.live(
      "a custom prefix creates only prefixed tables and indexes",
      () =>
        Effect.gen(function* () {
          const { driver, prefix } = yield* Fx
          const before = yield* listTables(t.dialect)
          const indexesBefore = yield* listIndexes(t.dialect)
          yield* driver.migrate
          // Other test files create their own cjt_* tables meanwhile; anything else new would be ours.
          const created = (yield* listTables(t.dialect)).filter((n) => !before.includes(n) && (n.startsWith(prefix) || !n.startsWith("cjt_")))
          expect(created.filter((n) => n !== "sqlite_sequence")).toEqual([`${prefix}aggregates`, `${prefix}audit`, `${prefix}migrations`, `${prefix}outbox`])
          const indexes = (yield* listIndexes(t.dialect)).filter((n) => !indexesBefore.includes(n) && !n.startsWith("cjt_"))
          expect(indexes).toEqual([])
        }).pipe(Effect.provide(fixture(t, { migrate: false }))),
      timeout
    )

    it.live(
      "a bad prefix is refused",
      () =>
        Effect.gen(function* () {
          for (const prefix of ["", "1x_", "Cj_", "cj-", "a".repeat(22), "cj_; drop"]) {
            const e = yield* Effect.flip(SqlDriver.make({ prefix }))
            expect(e.reason).toBe("invalid")
            expect(e.messageEn).toContain("prefix")
          }
        }).pipe(Effect.provide(fixture(t, { migrate: false }))),
      timeout
    )

    if (t.dialect === "mysql") {
      it.live(
        "a migration recorded as done but half-run (MySQL commits DDL implicitly) is finished by the next migrate",
        () =>
          Effect.gen(function* () {
            const { driver, prefix, sql } = yield* Fx
            yield* driver.insert(row("h-1"))
            // As if the process died after CREATE TABLE aggregates: the record is there, the other tables not.
            yield* sql`DROP TABLE ${sql(`${prefix}outbox`)}`
            yield* sql`DROP TABLE ${sql(`${prefix}audit`)}`
            yield* driver.migrate
            yield* driver.appendOutbox([entry(1)])
            yield* driver.appendAudit(audit("h-1", 1))
            expect((yield* driver.read("kit", "h-1"))?.id).toBe("h-1")
          }).pipe(Effect.provide(fixture(t))),
        timeout
      )
    } else {
      it.live(
        "a schema that does not match the recorded migrations fails migrate with reason migration",
        () =>
          Effect.gen(function* () {
            const { driver, prefix, sql } = yield* Fx
            yield* sql`DROP TABLE ${sql(`${prefix}outbox`)}`
            const e = storeErrorOf(yield* Effect.exit(driver.migrate))
            expect(e.reason).toBe("migration")
          }).pipe(Effect.provide(fixture(t))),
        timeout
      )
    }

    if (t.dialect !== "sqlite") {
      it.live(
        "a deadlock in an inner transaction cannot be caught and carried on from: the outer transaction fails with conflict",
        () =>
          Effect.gen(function* () {
            const { driver } = yield* Fx
            yield* driver.insert(row("r-a"))
            yield* driver.insert(row("r-b"))
            const firstDone = [yield* Deferred.make<void>(), yield* Deferred.make<void>()] as const
            const worker = (k: 0 | 1) => {
              const [mine, theirs] = k === 0 ? ["r-a", "r-b"] : ["r-b", "r-a"]
              return driver.transaction(
                Effect.gen(function* () {
                  // The inner part deadlocks with the other worker; catching its failure must not let the outer
                  // part go on (on MySQL the victim's whole transaction is gone, savepoint and all).
                  const inner = yield* Effect.either(
                    driver.transaction(
                      Effect.gen(function* () {
                        yield* driver.update(row(mine, 2), 1)
                        yield* Deferred.succeed(firstDone[k], undefined)
                        yield* Deferred.await(firstDone[1 - k]!)
                        yield* driver.update(row(theirs, 2), 1)
                      })
                    )
                  )
                  yield* driver.insert(row(`after-${k}`))
                  return inner
                })
              )
            }
            const [a, b] = yield* Effect.all([Effect.exit(worker(0)), Effect.exit(worker(1))], { concurrency: "unbounded" })
            const failed = [a, b].filter(Exit.isFailure)
            expect(failed.length).toBe(1)
            expect(storeErrorOf(failed[0]!).reason).toBe("conflict")
            const k = Exit.isFailure(a) ? 0 : 1
            expect(yield* driver.read("kit", `after-${k}`)).toBeUndefined()
            expect((yield* driver.read("kit", `after-${1 - k}`))?.id).toBe(`after-${1 - k}`)
          }).pipe(Effect.provide(fixture(t))),
        timeout
      )

      it.live(
        "a connection killed mid-transaction leaves nothing behind and fails with StoreError",
        () =>
          Effect.gen(function* () {
            const { database, driver, sql } = yield* Fx
            const killer = yield* secondClient(database)
            const exit = yield* Effect.exit(
              driver.transaction(
                Effect.gen(function* () {
                  yield* driver.insert(row("k-1"))
                  yield* driver.appendOutbox([entry(1)])
                  if (t.dialect === "pg") {
                    const [me] = yield* sql<{ readonly pid: unknown }>`SELECT pg_backend_pid() AS pid`
                    yield* killer`SELECT pg_terminate_backend(${Number(me!.pid)})`
                  } else {
                    const [me] = yield* sql<{ readonly id: unknown }>`SELECT CONNECTION_ID() AS id`
                    yield* killer`KILL ${killer.literal(String(Number(me!.id)))}`
                  }
                  yield* driver.insert(row("k-2"))
                })
              )
            )
            const e = storeErrorOf(exit)
            expect(e.reason).toBe("unavailable")
            // The pool recovers: the next calls run on a live connection and see nothing of it.
            expect(yield* driver.read("kit", "k-1")).toBeUndefined()
            expect(yield* driver.readOutbox({})).toEqual([])
            expect(yield* driver.insert(row("k-3"))).toBe(true)
          }).pipe(Effect.scoped, Effect.provide(fixture(t))),
        timeout
      )
    } else {
      it.live(
        "a file database is durable; an in-memory one says so",
        () =>
          Effect.gen(function* () {
            const { driver } = yield* Fx
            expect(driver.capabilities.durable).toBe(true)
            const memory = yield* Effect.provide(SqlDriver.make({}), Layer.orDie(Layers.layerSqliteClient({ filename: ":memory:" })))
            expect(memory.capabilities.durable).toBe(false)
            expect(memory.name).toBe("sqlite")
          }).pipe(Effect.provide(fixture(t))),
        timeout
      )
    }
  })
}
