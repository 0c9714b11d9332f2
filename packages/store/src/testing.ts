/**
 * The conformance kit: one call runs the published suite against an adapter. Every adapter of chanjiao — the
 * memory one, the SQL one, a host's own — passes the same named tests:
 *
 * ```ts
 * import { suite } from "@chanjiao/store/testing"
 * import { Memory } from "@chanjiao/store"
 *
 * suite("memory", { layer: () => Memory.layerMemory })
 * ```
 *
 * `layer(fresh)` must give an empty store each time it is called; `fresh` is a short token unique to the test,
 * which a SQL adapter can use as its table prefix. Tests of what the adapter cannot do (its
 * `capabilities`) skip themselves. Needs `vitest` and `@effect/vitest` (peer dependencies of this entry).
 *
 * @since 0.1.0
 */
import { describe, expect, it } from "@effect/vitest"
import { Indicators, IsoDate, Jurisdiction, National, Policy } from "@chanjiao/core"
import type { Lifecycle } from "@chanjiao/core"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as fc from "effect/FastCheck"
import type * as Layer from "effect/Layer"
import type { Capabilities, Row } from "./Driver.js"
import { StoreDriver } from "./Driver.js"
import { Conflict, StoreError, TransitionRefused } from "./Errors.js"
import type { InvalidRecords } from "./Errors.js"
import { fixtures } from "./fixtures.js"
import * as Memory from "./Memory.js"
import { Store } from "./Store.js"
import type { Service } from "./Store.js"

/**
 * How to run the suite.
 *
 * @since 0.1.0
 * @category models
 */
export interface SuiteOptions {
  /** An empty store (and its driver), fresh for each test; `fresh` is unique per test (`[a-z0-9]{1,12}`). */
  readonly layer: (fresh: string) => Layer.Layer<Store | StoreDriver, unknown>
  /** Overrides of the adapter's own capabilities (to run fewer tests, never more). */
  readonly capabilities?: Partial<Capabilities>
  /** When set, the adapter is unavailable: every test is skipped and this notice is printed. */
  readonly unavailable?: string | undefined
  /** Random sequences in the model test (default 25). */
  readonly modelRuns?: number
  /** Per-test timeout in milliseconds (default 30,000). */
  readonly timeout?: number
}

let counter = 0
const token = () => `${Date.now().toString(36).slice(-4)}${(counter++).toString(36)}${Math.floor(Math.random() * 36 ** 3).toString(36)}`.slice(0, 12)

const D = IsoDate.unsafeMake
const at = (iso: string) => DateTime.unsafeMake(iso) as DateTime.Utc
const T0 = at("2025-03-01T08:00:00Z")
const policy = Policy.at(National.policy, Jurisdiction.national, D("2024-08-01"))
const admin: Lifecycle.Actor = { id: "教务处王主任", roles: ["school-admin"] }
const schoolSign: Lifecycle.Actor = { id: "校长", roles: ["school-signatory"] }
const entSign: Lifecycle.Actor = { id: "企业经理", roles: ["enterprise-signatory"] }

/**
 * Valid records of every aggregate type (see `@chanjiao/store/fixtures`, which has no test-runner dependency).
 *
 * @since 0.1.0
 * @category fixtures
 */
export { fixtures } from "./fixtures.js"

const author = (n = 0) => ({ actor: `tester-${n}`, at: DateTime.add(T0, { minutes: n }) })

/**
 * Runs the conformance suite against an adapter.
 *
 * @since 0.1.0
 * @category suites
 */
export const suite = (name: string, options: SuiteOptions): void => {
  const timeout = options.timeout ?? 30_000
  const skipAll = options.unavailable !== undefined
  if (skipAll) console.warn(`[@chanjiao/store/testing] ${name}: skipped — ${options.unavailable}`)
  // Capabilities are read from the store itself at run time; overrides can only turn tests off.
  const test = (title: string, body: (store: Service) => Effect.Effect<void, unknown, StoreDriver>, needs?: keyof Capabilities) =>
    it.effect.skipIf(skipAll)(
      title,
      () =>
        Effect.gen(function* () {
          const store = yield* Store
          const can = needs === undefined || (store.adapter.capabilities[needs] && options.capabilities?.[needs] !== false)
          if (!can) return
          yield* body(store)
        }).pipe(Effect.provide(options.layer(token()))) as Effect.Effect<void, unknown>,
      timeout
    )

  describe(`store conformance: ${name}`, () => {
    describe("crud", () => {
      test("put - creates an aggregate at version 1 and reads it back", (store) =>
        Effect.gen(function* () {
          const s = yield* store.put("teacher", fixtures.teacher("t-1"), { ...author(), expectedVersion: 0 })
          expect([s.type, s.id, s.version]).toEqual(["teacher", "t-1", 1])
          const got = yield* store.get("teacher", "t-1")
          expect(got.version).toBe(1)
          expect(got.value).toEqual(s.value)
        }))

      test("put - rejects invalid input with every problem listed, writing nothing", (store) =>
        Effect.gen(function* () {
          const bad = fixtures.teacher("t-bad", "s-kit", { hiredOn: "2015-02-30", employment: "sometimes", idNumber: "110105199001011234" })
          const e = yield* Effect.flip(store.put("teacher", bad, { ...author(), expectedVersion: 0 }))
          expect(e._tag).toBe("InvalidInput")
          expect((e as { issues: ReadonlyArray<unknown> }).issues.length).toBeGreaterThanOrEqual(2)
          expect(yield* store.find("teacher", "t-bad")).toBeUndefined()
          expect(yield* store.audit()).toEqual([])
          expect(yield* store.outbox.list()).toEqual([])
        }))

      test("put - updates from the version read and bumps the version", (store) =>
        Effect.gen(function* () {
          yield* store.put("teacher", fixtures.teacher("t-1"), { ...author(), expectedVersion: 0 })
          const s = yield* store.put("teacher", fixtures.teacher("t-1", "s-kit", { name: "李明" }), { ...author(1), expectedVersion: 1 })
          expect(s.version).toBe(2)
          expect((yield* store.get("teacher", "t-1")).value.name).toBe("李明")
        }))

      test("put - rejects a stale version with a Conflict carrying the current version", (store) =>
        Effect.gen(function* () {
          yield* store.put("teacher", fixtures.teacher("t-1"), { ...author(), expectedVersion: 0 })
          yield* store.put("teacher", fixtures.teacher("t-1", "s-kit", { name: "A" }), { ...author(1), expectedVersion: 1 })
          const e = yield* Effect.flip(store.put("teacher", fixtures.teacher("t-1", "s-kit", { name: "B" }), { ...author(2), expectedVersion: 1 }))
          expect(e).toBeInstanceOf(Conflict)
          expect([(e as Conflict).expected, (e as Conflict).current]).toEqual([1, 2])
          expect((e as Conflict).messageZh).toContain("已被他人修改")
          expect((yield* store.get("teacher", "t-1")).value.name).toBe("A")
          expect((yield* store.audit({ type: "teacher", id: "t-1" })).length).toBe(2)
        }))

      test("put - creating an aggregate that exists is a Conflict", (store) =>
        Effect.gen(function* () {
          yield* store.put("student", fixtures.student("st-1"), { ...author(), expectedVersion: 0 })
          const e = yield* Effect.flip(store.put("student", fixtures.student("st-1"), { ...author(1), expectedVersion: 0 }))
          expect(e).toBeInstanceOf(Conflict)
          expect((e as Conflict).current).toBe(1)
        }))

      test("put - an expected version that is not a whole number ≥ 0 is refused as invalid, writing nothing", (store) =>
        Effect.gen(function* () {
          for (const expectedVersion of [-1, 1.5, Number.NaN, Infinity, "1" as unknown as number]) {
            const e = yield* Effect.flip(store.put("student", fixtures.student("st-1"), { ...author(), expectedVersion }))
            expect([e._tag, (e as StoreError).reason]).toEqual(["StoreError", "invalid"])
            expect((e as StoreError).messageZh).toContain("版本号应为不小于 0 的整数")
          }
          expect(yield* store.find("student", "st-1")).toBeUndefined()
          expect((yield* store.audit()).length).toBe(0)
          expect((yield* store.outbox.list()).length).toBe(0)
        }))

      test("put - updating an aggregate that does not exist fails not-found", (store) =>
        Effect.gen(function* () {
          const e = yield* Effect.flip(store.put("student", fixtures.student("st-9"), { ...author(), expectedVersion: 3 }))
          expect([e._tag, (e as StoreError).reason]).toEqual(["StoreError", "not-found"])
          expect(yield* store.find("student", "st-9")).toBeUndefined()
        }))

      test("get - fails not-found; find gives undefined; an unknown type is refused", (store) =>
        Effect.gen(function* () {
          const e = yield* Effect.flip(store.get("school", "nope"))
          expect((e as StoreError).reason).toBe("not-found")
          expect((e as StoreError).messageZh).toContain("不存在")
          expect(yield* store.find("school", "nope")).toBeUndefined()
          const u = yield* Effect.flip(store.find("spaceship" as never, "x"))
          expect(u._tag).toBe("UnknownType")
        }))

      test("list - filters by school, period and ids, ordered by id, paged with afterId", (store) =>
        Effect.gen(function* () {
          const w = { ...author(), expectedVersion: 0 }
          yield* store.put("internship", fixtures.internship("i-3", "s-a", { start: "2023-09-01", end: "2024-02-28" }), w)
          yield* store.put("internship", fixtures.internship("i-1", "s-a"), w)
          yield* store.put("internship", fixtures.internship("i-2", "s-b"), w)
          yield* store.put("internship", fixtures.internship("i-4", "s-a", { start: "2025-09-01", end: "2026-01-31" }), w)
          const ids = (xs: ReadonlyArray<{ id: string }>) => xs.map((x) => x.id)
          expect(ids(yield* store.list("internship"))).toEqual(["i-1", "i-2", "i-3", "i-4"])
          expect(ids(yield* store.list("internship", { schoolIds: ["s-a"] }))).toEqual(["i-1", "i-3", "i-4"])
          expect(ids(yield* store.list("internship", { period: { start: D("2024-09-01"), end: D("2025-08-31") } }))).toEqual(["i-1", "i-2"])
          // Boundaries are inclusive: an internship ending on the period's first day overlaps it.
          expect(ids(yield* store.list("internship", { period: { start: D("2024-02-28"), end: D("2024-02-28") } }))).toEqual(["i-3"])
          expect(ids(yield* store.list("internship", { ids: ["i-4", "i-2", "zz"] }))).toEqual(["i-2", "i-4"])
          expect(ids(yield* store.list("internship", { afterId: "i-2", limit: 1 }))).toEqual(["i-3"])
        }))

      test("list - ids are ordered by code point (U+FF01 before U+1F600), and afterId pages in that order", (store) =>
        Effect.gen(function* () {
          for (const id of ["😀", "！", "a", "ｚ"]) yield* store.put("student", fixtures.student(id), { ...author(), expectedVersion: 0 })
          const ids = (xs: ReadonlyArray<{ id: string }>) => xs.map((x) => x.id)
          expect(ids(yield* store.list("student"))).toEqual(["a", "！", "ｚ", "😀"])
          expect(ids(yield* store.list("student", { afterId: "！" }))).toEqual(["ｚ", "😀"])
          expect(ids(yield* store.list("student", { afterId: "ｚ", limit: 1 }))).toEqual(["😀"])
        }))

      test("limits - no limit when absent, infinite or beyond 2^53; none below 0 or NaN; the whole part otherwise", (store) =>
        Effect.gen(function* () {
          for (const id of ["st-1", "st-2", "st-3"]) yield* store.put("student", fixtures.student(id), { ...author(), expectedVersion: 0 })
          const counts = (limit: number) =>
            Effect.all([
              Effect.map(store.list("student", { limit }), (xs) => xs.length),
              Effect.map(store.audit({ limit }), (xs) => xs.length),
              Effect.map(store.outbox.list({ limit }), (xs) => xs.length)
            ])
          for (const limit of [Infinity, 1e21, Number.MAX_VALUE, 3]) expect(yield* counts(limit)).toEqual([3, 3, 3])
          for (const limit of [-1, -Infinity, Number.NaN, 0, 0.5]) expect(yield* counts(limit)).toEqual([0, 0, 0])
          expect(yield* counts(2.9)).toEqual([2, 2, 2])
          expect((yield* store.outbox.claim(1.5, { claimant: "c", at: T0 })).length).toBe(1)
          expect((yield* store.outbox.claim(-2, { claimant: "c", at: T0 })).length).toBe(0)
          expect((yield* store.outbox.claim(Infinity, { claimant: "c", at: T0 })).length).toBe(2)
        }))

      test("natural key - a second record with the same natural key is refused; findByNaturalKey finds the holder", (store) =>
        Effect.gen(function* () {
          yield* store.put("enterprise", fixtures.enterprise("e-1"), { ...author(), expectedVersion: 0 })
          const e = yield* Effect.flip(store.put("enterprise", fixtures.enterprise("e-2"), { ...author(1), expectedVersion: 0 }))
          expect([e._tag, (e as StoreError).reason]).toEqual(["StoreError", "constraint"])
          // Named, in both languages, on every adapter — not the database's own words.
          expect((e as StoreError).detail).toBe("唯一标识 91370828MA3C4P2X1N 已被 e-1 使用 / natural key 91370828MA3C4P2X1N is held by e-1")
          expect(yield* store.find("enterprise", "e-2")).toBeUndefined()
          expect((yield* store.findByNaturalKey("enterprise", "91370828MA3C4P2X1N"))?.id).toBe("e-1")
          // The key moves with an update.
          yield* store.put("enterprise", fixtures.enterprise("e-1", { creditCode: "91110000100000589A" }), { ...author(2), expectedVersion: 1 })
          yield* store.put("enterprise", fixtures.enterprise("e-2"), { ...author(3), expectedVersion: 0 })
          expect((yield* store.findByNaturalKey("enterprise", "91370828MA3C4P2X1N"))?.id).toBe("e-2")
        }))

      test("put - an assessment needs its internship and belongs to the internship's school", (store) =>
        Effect.gen(function* () {
          const e = yield* Effect.flip(store.put("assessment", fixtures.assessment("as-1", "i-1"), { ...author(), expectedVersion: 0 }))
          expect((e as StoreError).reason).toBe("constraint")
          yield* store.put("internship", fixtures.internship("i-1", "s-x"), { ...author(), expectedVersion: 0 })
          yield* store.put("assessment", fixtures.assessment("as-1", "i-1"), { ...author(1), expectedVersion: 0 })
          expect((yield* store.list("assessment", { schoolIds: ["s-x"] })).map((a) => a.id)).toEqual(["as-1"])
        }))
    })

    describe("driver", () => {
      const row = (id: string, version: number, extra: Partial<Row> = {}): Row => ({ type: "kit", id, version, schoolId: "s-kit", startsOn: null, endsOn: null, naturalKey: null, state: null, data: `{"v":${version}}`, updatedAt: "2025-03-01T08:00:00.000Z", ...extra })
      test("driver - insert refuses an existing id; update is a compare-and-set on the version", () =>
        Effect.gen(function* () {
          const driver = yield* StoreDriver
          expect(yield* driver.insert(row("r-1", 1))).toBe(true)
          expect(yield* driver.insert(row("r-1", 1))).toBe(false)
          expect(yield* driver.update(row("r-1", 3), 2)).toBe(false)
          expect((yield* driver.read("kit", "r-1"))?.version).toBe(1)
          expect(yield* driver.update(row("r-1", 2), 1)).toBe(true)
          expect(yield* driver.update(row("r-1", 2), 1)).toBe(false)
          expect(yield* driver.read("kit", "r-1")).toEqual(row("r-1", 2))
          expect(yield* driver.update(row("r-9", 2), 1)).toBe(false)
          expect(yield* driver.read("kit", "r-9")).toBeUndefined()
        }))
      test("driver - a natural key is unique within its type, and free again once its row lets it go", () =>
        Effect.gen(function* () {
          const driver = yield* StoreDriver
          yield* driver.insert(row("r-1", 1, { naturalKey: "k" }))
          const e = yield* Effect.flip(driver.insert(row("r-2", 1, { naturalKey: "k" })))
          expect([e._tag, e.reason]).toEqual(["StoreError", "constraint"])
          expect(yield* driver.insert(row("r-2", 1, { type: "other", naturalKey: "k" }))).toBe(true)
          expect(yield* driver.findByNaturalKey("kit", "k")).toBe("r-1")
          expect(yield* driver.update(row("r-1", 2, { naturalKey: "k2" }), 1)).toBe(true)
          expect(yield* driver.insert(row("r-3", 1, { naturalKey: "k" }))).toBe(true)
          expect(yield* driver.findByNaturalKey("kit", "k")).toBe("r-3")
        }))
      test("driver - schoolsOf (optional) gives the school of each existing row, null kept, missing ids left out", () =>
        Effect.gen(function* () {
          const driver = yield* StoreDriver
          if (driver.schoolsOf === undefined) return
          yield* driver.insert(row("r-1", 1, { schoolId: "s-1" }))
          yield* driver.insert(row("r-2", 1, { schoolId: null }))
          yield* driver.insert(row("r-3", 1, { type: "other", schoolId: "s-3" }))
          const found = yield* driver.schoolsOf("kit", ["r-1", "r-2", "r-3", "r-9", "r-1"])
          expect([...found].sort()).toEqual([["r-1", "s-1"], ["r-2", null]])
          // Longer than one statement's list of ids.
          const many = Array.from({ length: 1203 }, (_, k) => `m-${String(k).padStart(4, "0")}`)
          yield* driver.insertMany !== undefined ? driver.insertMany(many.map((id) => row(id, 1, { schoolId: `s-${id}` }))) : Effect.forEach(many, (id) => driver.insert(row(id, 1, { schoolId: `s-${id}` })), { discard: true })
          const all = yield* driver.schoolsOf("kit", many)
          expect([all.size, all.get("m-1202")]).toEqual([1203, "s-m-1202"])
          expect((yield* driver.schoolsOf("kit", [])).size).toBe(0)
        }))
    })

    describe("bulk", () => {
      test("createMany - creates every record in one transaction, each with its audit entry and created event", (store) =>
        Effect.gen(function* () {
          yield* store.put("internship", fixtures.internship("i-1", "s-bulk"), { ...author(), expectedVersion: 0 })
          const n = yield* store.createMany("student", Array.from({ length: 1203 }, (_, k) => fixtures.student(`st-${String(k).padStart(4, "0")}`, "s-bulk")), author(1))
          expect(n).toBe(1203)
          expect((yield* store.list("student", { schoolIds: ["s-bulk"] })).length).toBe(1203)
          expect((yield* store.get("student", "st-1202")).version).toBe(1)
          const audit = yield* store.audit({ type: "student" })
          expect([audit.length, audit[0]!.event, audit[0]!.beforeHash]).toEqual([1203, "created", null])
          expect((yield* store.outbox.list()).filter((e) => e.event === "student.created").length).toBe(1203)
          yield* store.createMany("assessment", [fixtures.assessment("as-1", "i-1"), fixtures.assessment("as-2", "i-1", "enterprise")], author(2))
          expect((yield* store.list("assessment", { schoolIds: ["s-bulk"] })).map((a) => a.id)).toEqual(["as-1", "as-2"])
          // Each created event's payload is exactly the JSON of { type, id, version, event, data: null }.
          const odd = ['st-"引号"\\', "st-学生😀"]
          yield* store.createMany("student", odd.map((id) => fixtures.student(id, "s-bulk")), author(3))
          const events = (yield* store.outbox.list()).filter((e) => odd.includes(e.aggregateId))
          expect(events.map((e) => e.payload)).toEqual(odd.map((id) => JSON.stringify({ type: "student", id, version: 1, event: "student.created", data: null })))
        }))

      test("createMany - reports every invalid record by position and writes nothing", (store) =>
        Effect.gen(function* () {
          const input = [fixtures.student("st-1"), { ...fixtures.student("st-2"), grade: "two" }, fixtures.student("st-3"), { ...fixtures.student("st-4"), enrolledOn: "2023-02-30" }]
          const e = yield* Effect.flip(store.createMany("student", input, author()))
          expect(e._tag).toBe("InvalidRecords")
          const err = e as InvalidRecords
          expect([err.total, err.invalid.map((r) => r.index)]).toEqual([4, [1, 3]])
          expect(err.messageZh).toContain("第 2 条")
          expect(yield* store.list("student")).toEqual([])
        }))

      test("createMany - an id that exists, or a parent that does not, fails the whole batch", (store) =>
        Effect.gen(function* () {
          yield* store.put("student", fixtures.student("st-2"), { ...author(), expectedVersion: 0 })
          // The record the database has already is named, with its version, as for a single put.
          const e = yield* Effect.flip(store.createMany("student", [fixtures.student("st-1"), fixtures.student("st-2"), fixtures.student("st-3")], author(1)))
          expect(e).toBeInstanceOf(Conflict)
          expect([(e as Conflict).id, (e as Conflict).expected, (e as Conflict).current]).toEqual(["st-2", 0, 1])
          const orphan = yield* Effect.flip(store.createMany("assessment", [fixtures.assessment("as-1", "i-none")], author(1)))
          expect((orphan as StoreError).reason).toBe("constraint")
          expect((yield* store.list("student")).map((s) => s.id)).toEqual(["st-2"])
          expect((yield* store.audit()).length).toBe(1)
          expect((yield* store.outbox.list()).length).toBe(1)
        }))

      test("createMany - the same id or natural key twice in the input is reported by position; a key held already is named", (store) =>
        Effect.gen(function* () {
          const dup = yield* Effect.flip(store.createMany("student", [fixtures.student("st-7"), fixtures.student("st-8"), fixtures.student("st-7")], author()))
          expect(dup._tag).toBe("InvalidRecords")
          expect((dup as InvalidRecords).invalid.map((r) => [r.index, r.error.issues[0]!.zh])).toEqual([[2, "编号 st-7 在本批数据中重复（第 1 条已使用）"]])
          const sameKey = yield* Effect.flip(store.createMany("enterprise", [fixtures.enterprise("e-1"), fixtures.enterprise("e-2")], author()))
          expect((sameKey as InvalidRecords).invalid.map((r) => [r.index, r.error.issues[0]!.en])).toEqual([[1, "natural key 91370828MA3C4P2X1N appears again in this batch (first at #1)"]])
          yield* store.put("enterprise", fixtures.enterprise("e-1"), { ...author(), expectedVersion: 0 })
          const held = yield* Effect.flip(store.createMany("enterprise", [fixtures.enterprise("e-3", { creditCode: "91110000100000589A" }), fixtures.enterprise("e-4")], author(1)))
          expect([held._tag, (held as StoreError).reason, (held as StoreError).detail]).toEqual(["StoreError", "constraint", "唯一标识 91370828MA3C4P2X1N 已被 e-1 使用 / natural key 91370828MA3C4P2X1N is held by e-1"])
          expect((yield* store.list("enterprise")).map((x) => x.id)).toEqual(["e-1"])
          expect((yield* store.list("student")).length).toBe(0)
          expect((yield* store.audit()).length).toBe(1)
        }))
    })

    describe("concurrency", () => {
      test(
        "concurrency - of 8 writers from one version exactly one wins, the others get a Conflict",
        (store) =>
          Effect.gen(function* () {
            yield* store.put("teacher", fixtures.teacher("t-1"), { ...author(), expectedVersion: 0 })
            const results = yield* Effect.all(
              Array.from({ length: 8 }, (_, k) => Effect.either(store.put("teacher", fixtures.teacher("t-1", "s-kit", { name: `writer ${k}` }), { ...author(k + 1), expectedVersion: 1 }))),
              { concurrency: "unbounded" }
            )
            const won = results.filter(Either.isRight)
            expect(won.length).toBe(1)
            for (const r of results) if (Either.isLeft(r)) expect(r.left).toBeInstanceOf(Conflict)
            const final = yield* store.get("teacher", "t-1")
            expect([final.version, final.value.name]).toEqual([2, won[0]!.right.value.name])
            expect((yield* store.audit({ type: "teacher", id: "t-1" })).map((a) => a.version)).toEqual([1, 2])
            expect((yield* store.outbox.list()).length).toBe(2)
          }),
        "concurrentWriters"
      )

      test(
        "concurrency - writers that read again and retry on Conflict all land",
        (store) =>
          Effect.gen(function* () {
            yield* store.put("teacher", fixtures.teacher("t-1", "s-kit", { majorCodes: [] }), { ...author(), expectedVersion: 0 })
            const codes = ["710201", "730701", "660101", "710102", "730301", "710203"]
            const writer = (code: string, k: number): Effect.Effect<void, unknown> =>
              Effect.gen(function* () {
                const now = yield* store.get("teacher", "t-1")
                const next = { ...now.value, majorCodes: [...now.value.majorCodes, code] }
                const r = yield* Effect.either(store.put("teacher", next, { ...author(k + 1), expectedVersion: now.version }))
                if (Either.isLeft(r)) {
                  if (r.left instanceof Conflict) return yield* writer(code, k)
                  return yield* Effect.fail(r.left)
                }
              })
            yield* Effect.all(codes.map(writer), { concurrency: "unbounded" })
            const final = yield* store.get("teacher", "t-1")
            expect([...final.value.majorCodes].sort()).toEqual([...codes].sort())
            expect(final.version).toBe(codes.length + 1)
            expect((yield* store.audit({ type: "teacher", id: "t-1" })).length).toBe(codes.length + 1)
          }),
        "concurrentWriters"
      )
    })

    describe("transactions", () => {
      test("transaction - a failure mid-way leaves no rows, audit or outbox entries", (store) =>
        Effect.gen(function* () {
          const boom = new StoreError({ reason: "unknown", operation: "test", detail: "failure injected by the kit" })
          const e = yield* Effect.flip(
            store.transaction(
              Effect.gen(function* () {
                yield* store.put("school", fixtures.school(), { ...author(), expectedVersion: 0 })
                yield* store.put("teacher", fixtures.teacher("t-1"), { ...author(), expectedVersion: 0 })
                return yield* Effect.fail(boom)
              })
            )
          )
          expect(e).toBe(boom)
          expect(yield* store.list("school")).toEqual([])
          expect(yield* store.list("teacher")).toEqual([])
          expect(yield* store.audit()).toEqual([])
          expect(yield* store.outbox.list()).toEqual([])
        }))

      test("transaction - a Conflict inside rolls back the writes before it", (store) =>
        Effect.gen(function* () {
          yield* store.put("teacher", fixtures.teacher("t-1"), { ...author(), expectedVersion: 0 })
          const e = yield* Effect.flip(
            store.transaction(
              Effect.gen(function* () {
                yield* store.put("student", fixtures.student("st-1"), { ...author(1), expectedVersion: 0 })
                yield* store.put("teacher", fixtures.teacher("t-1"), { ...author(1), expectedVersion: 7 })
              })
            )
          )
          expect(e).toBeInstanceOf(Conflict)
          expect(yield* store.find("student", "st-1")).toBeUndefined()
          expect((yield* store.audit()).length).toBe(1)
        }))

      test("transaction - writes inside land together", (store) =>
        Effect.gen(function* () {
          yield* store.transaction(
            Effect.gen(function* () {
              yield* store.put("school", fixtures.school(), { ...author(), expectedVersion: 0 })
              yield* store.put("teacher", fixtures.teacher("t-1"), { ...author(), expectedVersion: 0 })
              yield* store.put("teacher", fixtures.teacher("t-1", "s-kit", { name: "改名" }), { ...author(1), expectedVersion: 1 })
            })
          )
          expect((yield* store.get("teacher", "t-1")).version).toBe(2)
          expect((yield* store.audit()).length).toBe(3)
          expect((yield* store.outbox.list()).map((o) => o.event)).toEqual(["school.created", "teacher.created", "teacher.updated"])
        }))

      test("transaction - a failed inner transaction rolls back only its own writes", (store) =>
        Effect.gen(function* () {
          yield* store.transaction(
            Effect.gen(function* () {
              yield* store.put("school", fixtures.school(), { ...author(), expectedVersion: 0 })
              const inner = yield* Effect.either(
                store.transaction(Effect.zipRight(store.put("teacher", fixtures.teacher("t-1"), { ...author(), expectedVersion: 0 }), Effect.fail("inner failure" as const)))
              )
              expect(Either.isLeft(inner)).toBe(true)
              yield* store.put("student", fixtures.student("st-1"), { ...author(), expectedVersion: 0 })
            })
          )
          expect((yield* store.list("school")).length).toBe(1)
          expect(yield* store.find("teacher", "t-1")).toBeUndefined()
          expect((yield* store.list("student")).length).toBe(1)
          expect((yield* store.audit()).map((a) => a.type)).toEqual(["school", "student"])
        }))
    })

    describe("life cycles", () => {
      const sign = (store: Service) =>
        Effect.gen(function* () {
          yield* store.put("cooperation-agreement", fixtures.cooperation("c-1"), { ...author(), expectedVersion: 0 })
          const on = D("2024-08-01")
          yield* store.transition("cooperation-agreement", "c-1", { ...author(1), expectedVersion: 1, event: { type: "submit", on }, by: admin, policy })
          yield* store.transition("cooperation-agreement", "c-1", { ...author(2), expectedVersion: 2, event: { type: "sign", on, payload: { party: "school" } }, by: schoolSign, policy })
          return yield* store.transition("cooperation-agreement", "c-1", { ...author(3), expectedVersion: 3, event: { type: "sign", on, payload: { party: "enterprise" } }, by: entSign, policy })
        })

      test("transition - fires events through the core's machine, with an audit entry and the emitted events", (store) =>
        Effect.gen(function* () {
          const t = yield* sign(store)
          expect([t.state, t.stored.version]).toEqual(["signed", 4])
          expect(t.stored.value.signatures.map((s) => s.party)).toEqual(["school", "enterprise"])
          expect((yield* store.audit({ id: "c-1" })).map((a) => a.event)).toEqual(["created", "submit", "sign", "sign"])
          const events = (yield* store.outbox.list()).map((o) => o.event)
          expect(events).toEqual(["cooperation-agreement.created", "AgreementSubmitted", "AgreementSigned", "AgreementSigned"])
        }))

      test("transition - what the machine refuses is refused, and nothing is written", (store) =>
        Effect.gen(function* () {
          yield* store.put("cooperation-agreement", fixtures.cooperation("c-1"), { ...author(), expectedVersion: 0 })
          // Signing a draft: wrong state.
          const wrong = yield* Effect.flip(store.transition("cooperation-agreement", "c-1", { ...author(1), expectedVersion: 1, event: { type: "sign", on: D("2024-08-01"), payload: { party: "school" } }, by: schoolSign, policy }))
          expect(wrong).toBeInstanceOf(TransitionRefused)
          expect((wrong as TransitionRefused).reason).toBe("wrong-state")
          // Submitting as a signatory: not their role.
          const forbidden = yield* Effect.flip(store.transition("cooperation-agreement", "c-1", { ...author(1), expectedVersion: 1, event: { type: "submit", on: D("2024-08-01") }, by: schoolSign, policy }))
          expect((forbidden as TransitionRefused).reason).toBe("forbidden")
          expect((forbidden as TransitionRefused).messageZh).toContain("权限")
          expect((yield* store.get("cooperation-agreement", "c-1")).version).toBe(1)
          expect((yield* store.audit()).length).toBe(1)
          expect((yield* store.outbox.list()).length).toBe(1)
        }))

      test("transition - rejects a stale version", (store) =>
        Effect.gen(function* () {
          yield* store.put("cooperation-agreement", fixtures.cooperation("c-1"), { ...author(), expectedVersion: 0 })
          yield* store.transition("cooperation-agreement", "c-1", { ...author(1), expectedVersion: 1, event: { type: "submit", on: D("2024-08-01") }, by: admin, policy })
          const e = yield* Effect.flip(store.transition("cooperation-agreement", "c-1", { ...author(2), expectedVersion: 1, event: { type: "return", on: D("2024-08-02") }, by: { id: "r", roles: ["reviewer"] }, policy }))
          expect(e).toBeInstanceOf(Conflict)
          // A change starts from a stored version: 0 (or any non-whole number) is the caller's mistake, not a conflict.
          for (const expectedVersion of [0, -2, 2.5]) {
            const bad = yield* Effect.flip(store.transition("cooperation-agreement", "c-1", { ...author(2), expectedVersion, event: { type: "return", on: D("2024-08-02") }, by: { id: "r", roles: ["reviewer"] }, policy }))
            expect([bad._tag, (bad as StoreError).reason]).toEqual(["StoreError", "invalid"])
            const advanced = yield* Effect.flip(store.advance("cooperation-agreement", "c-1", { ...author(2), expectedVersion, policy }))
            expect((advanced as StoreError).reason).toBe("invalid")
          }
        }))

      test("put - cannot move a life-cycle state; a new record may arrive only in a state its machine has", (store) =>
        Effect.gen(function* () {
          const t = yield* sign(store)
          const forged = { ...t.stored.value, lifecycle: { ...t.stored.value.lifecycle!, state: "in-force" } }
          const e = yield* Effect.flip(store.put("cooperation-agreement", forged, { ...author(9), expectedVersion: 4 }))
          expect([e._tag, (e as TransitionRefused).reason]).toEqual(["TransitionRefused", "not-a-transition"])
          const bogus = yield* Effect.flip(store.put("cooperation-agreement", { ...fixtures.cooperation("c-2"), lifecycle: { machine: "cooperation-agreement", version: 1, state: "approved-by-magic", since: "2024-08-01" } }, { ...author(9), expectedVersion: 0 }))
          expect((bogus as TransitionRefused).reason).toBe("not-a-transition")
          const other = yield* Effect.flip(store.put("cooperation-agreement", { ...fixtures.cooperation("c-2"), lifecycle: { machine: "apprenticeship-agreement", version: 1, state: "signed", since: "2024-08-01" } }, { ...author(9), expectedVersion: 0 }))
          expect((other as TransitionRefused).reason).toBe("not-a-transition")
          // An import of an agreement already signed elsewhere keeps its state.
          const imported = yield* store.put("cooperation-agreement", { ...t.stored.value, id: "c-3" }, { ...author(9), expectedVersion: 0 })
          expect(imported.value.lifecycle?.state).toBe("signed")
          // Other fields may change with a plain put, keeping the state.
          const edited = yield* store.put("cooperation-agreement", { ...t.stored.value, title: "新名称" }, { ...author(9), expectedVersion: 4 })
          expect([edited.version, edited.value.lifecycle?.state]).toEqual([5, "signed"])
        }))

      test("advance - applies the changes due by the dates in the data and emits their events", (store) =>
        Effect.gen(function* () {
          yield* sign(store)
          const later = Policy.at(National.policy, Jurisdiction.national, D("2024-09-02"))
          const a = yield* store.advance("cooperation-agreement", "c-1", { ...author(5), expectedVersion: 4, policy: later })
          expect([a.state, a.stored.version, a.emitted.map((e) => e.type)]).toEqual(["in-force", 5, ["AgreementInForce"]])
          // Nothing due: unchanged, nothing written.
          const again = yield* store.advance("cooperation-agreement", "c-1", { ...author(6), expectedVersion: 5, policy: later })
          expect([again.stored.version, again.emitted]).toEqual([5, []])
          expect((yield* store.audit({ id: "c-1" })).length).toBe(5)
        }))
    })

    describe("audit", () => {
      test("audit - one append-only entry per change: actor, the caller's instant, version, event, and hashes that chain", (store) =>
        Effect.gen(function* () {
          yield* store.put("teacher", fixtures.teacher("t-1"), { actor: "王主任", at: at("2025-03-01T08:00:00Z"), expectedVersion: 0 })
          yield* store.put("teacher", fixtures.teacher("t-1", "s-kit", { name: "李明" }), { actor: "李干事", at: at("2025-03-02T09:30:00Z"), expectedVersion: 1 })
          // Writing the same content again still records the change, with equal hashes.
          yield* store.put("teacher", fixtures.teacher("t-1", "s-kit", { name: "李明" }), { actor: "李干事", at: at("2025-03-03T10:00:00Z"), expectedVersion: 2 })
          const entries = yield* store.audit({ type: "teacher", id: "t-1" })
          expect(entries.map((e) => [e.actor, e.at.slice(0, 19), e.version, e.event])).toEqual([
            ["王主任", "2025-03-01T08:00:00", 1, "created"],
            ["李干事", "2025-03-02T09:30:00", 2, "updated"],
            ["李干事", "2025-03-03T10:00:00", 3, "updated"]
          ])
          expect(entries[0]!.beforeHash).toBeNull()
          expect(entries[1]!.beforeHash).toBe(entries[0]!.afterHash)
          expect(entries[2]!.beforeHash).toBe(entries[1]!.afterHash)
          expect(entries[2]!.afterHash).toBe(entries[1]!.afterHash)
          expect(entries[0]!.afterHash).not.toBe(entries[1]!.afterHash)
          expect(entries[0]!.afterHash).toMatch(/^[0-9a-f]{64}$/)
          expect(entries.map((e) => e.seq)).toEqual([...entries.map((e) => e.seq)].sort((a, b) => a - b))
          expect((yield* store.audit({ afterSeq: entries[1]!.seq })).length).toBe(1)
        }))
    })

    describe("outbox", () => {
      const three = (store: Service) =>
        Effect.gen(function* () {
          for (const id of ["st-1", "st-2", "st-3"]) yield* store.put("student", fixtures.student(id), { ...author(), expectedVersion: 0 })
        })

      test("outbox - claim then ack: an acknowledged event is never claimed again", (store) =>
        Effect.gen(function* () {
          yield* three(store)
          const first = yield* store.outbox.claim(2, { claimant: "hook-1", at: T0 })
          expect(first.map((e) => [e.aggregateId, e.event, e.state, e.attempts, e.claimedBy])).toEqual([
            ["st-1", "student.created", "claimed", 1, "hook-1"],
            ["st-2", "student.created", "claimed", 1, "hook-1"]
          ])
          expect(first[0]!.eventId).toBe("student:st-1:1:0")
          expect(JSON.parse(first[0]!.payload)).toMatchObject({ type: "student", id: "st-1", version: 1, event: "student.created" })
          expect(yield* store.outbox.ack(first.map((e) => e.eventId), "hook-1")).toBe(2)
          const rest = yield* store.outbox.claim(10, { claimant: "hook-1", at: DateTime.add(T0, { hours: 2 }) })
          expect(rest.map((e) => e.aggregateId)).toEqual(["st-3"])
          // Even long after, acked events stay delivered.
          yield* store.outbox.ack(["student:st-3:1:0"], "hook-1")
          expect(yield* store.outbox.claim(10, { claimant: "hook-2", at: DateTime.add(T0, { days: 30 }) })).toEqual([])
          expect((yield* store.outbox.list({ state: "acked" })).length).toBe(3)
        }))

      test("outbox - release gives events back; a lapsed claim can be claimed again; attempts are counted", (store) =>
        Effect.gen(function* () {
          yield* three(store)
          const a = yield* store.outbox.claim(3, { claimant: "hook-1", at: T0, leaseSeconds: 60 })
          expect(yield* store.outbox.release([a[0]!.eventId], "hook-1")).toBe(1)
          // Within the lease only the released one is claimable.
          const b = yield* store.outbox.claim(3, { claimant: "hook-2", at: DateTime.add(T0, { seconds: 30 }) })
          expect(b.map((e) => [e.aggregateId, e.attempts])).toEqual([["st-1", 2]])
          // After the lease, the other two come back.
          const c = yield* store.outbox.claim(3, { claimant: "hook-2", at: DateTime.add(T0, { seconds: 61 }) })
          expect(c.map((e) => [e.aggregateId, e.attempts])).toEqual([["st-2", 2], ["st-3", 2]])
        }))

      test("outbox - a claim of more entries than one statement takes claims them all, once each, in order", (store) =>
        Effect.gen(function* () {
          yield* store.createMany("student", Array.from({ length: 1234 }, (_, k) => fixtures.student(`st-${String(k).padStart(4, "0")}`)), author())
          const all = yield* store.outbox.claim(Infinity, { claimant: "A", at: T0 })
          expect(all.length).toBe(1234)
          expect(new Set(all.map((e) => e.eventId)).size).toBe(1234)
          expect(all.map((e) => e.seq)).toEqual([...all.map((e) => e.seq)].sort((a, b) => a - b))
          expect(all.every((e) => e.claimedBy === "A" && e.state === "claimed")).toBe(true)
          expect(yield* store.outbox.claim(Infinity, { claimant: "B", at: T0 })).toEqual([])
          expect((yield* store.outbox.claim(700, { claimant: "C", at: DateTime.add(T0, { minutes: 2 }) })).length).toBe(700)
        }))

      test("outbox - a lease is more than 0 and at most a year", (store) =>
        Effect.gen(function* () {
          yield* store.put("school", fixtures.school(), { ...author(), expectedVersion: 0 })
          for (const leaseSeconds of [0, -1, Number.NaN, Infinity, 1e12, 365 * 24 * 3600 + 1]) {
            const e = yield* Effect.flip(store.outbox.claim(1, { claimant: "A", at: T0, leaseSeconds }))
            expect([e._tag, e.reason]).toEqual(["StoreError", "invalid"])
          }
          const [claimed] = yield* store.outbox.claim(1, { claimant: "A", at: T0, leaseSeconds: 365 * 24 * 3600 })
          expect(claimed!.claimedUntil).toBe("2026-03-01T08:00:00.000Z")
          // Held for the whole year: another claimant finds nothing a month later.
          expect(yield* store.outbox.claim(1, { claimant: "B", at: DateTime.add(T0, { days: 30 }) })).toEqual([])
        }))

      test("outbox - only the claimant can ack or release", (store) =>
        Effect.gen(function* () {
          yield* three(store)
          const a = yield* store.outbox.claim(1, { claimant: "hook-1", at: T0 })
          expect(yield* store.outbox.ack([a[0]!.eventId], "someone-else")).toBe(0)
          expect(yield* store.outbox.release([a[0]!.eventId], "someone-else")).toBe(0)
          expect((yield* store.outbox.list({ state: "claimed" })).map((e) => e.claimedBy)).toEqual(["hook-1"])
        }))

      test("outbox - release unsent: a claim given back without being sent is not counted as an attempt", (store) =>
        Effect.gen(function* () {
          yield* three(store)
          const a = yield* store.outbox.claim(3, { claimant: "hook-1", at: T0, leaseSeconds: 60 })
          expect(a.map((e) => e.attempts)).toEqual([1, 1, 1])
          // Someone else's claim is left as it is, attempts included.
          expect(yield* store.outbox.release([a[0]!.eventId], "someone-else", { unsent: true })).toBe(0)
          // Given back unsent (the first twice over: counted once), and an ordinary release.
          expect(yield* store.outbox.release([a[0]!.eventId, a[0]!.eventId, a[1]!.eventId], "hook-1", { unsent: true })).toBe(2)
          expect(yield* store.outbox.release([a[2]!.eventId], "hook-1", { unsent: false })).toBe(1)
          const pending = yield* store.outbox.list({ state: "pending" })
          expect(pending.map((e) => [e.aggregateId, e.attempts, e.claimedBy, e.claimedUntil])).toEqual([
            ["st-1", 0, null, null],
            ["st-2", 0, null, null],
            ["st-3", 1, null, null]
          ])
          // Claimed again: the unsent ones are at their first attempt again, the released one at its second.
          const b = yield* store.outbox.claim(3, { claimant: "hook-2", at: DateTime.add(T0, { seconds: 1 }) })
          expect(b.map((e) => [e.aggregateId, e.attempts])).toEqual([["st-1", 1], ["st-2", 1], ["st-3", 2]])
          // A released-unsent entry is no longer claimed: releasing it again does nothing (attempts never below 0).
          expect(yield* store.outbox.release([b[0]!.eventId], "hook-2", { unsent: true })).toBe(1)
          expect(yield* store.outbox.release([b[0]!.eventId], "hook-2", { unsent: true })).toBe(0)
          // Acked entries are not touched by an unsent release.
          yield* store.outbox.ack([b[1]!.eventId], "hook-2")
          expect(yield* store.outbox.release([b[1]!.eventId], "hook-2", { unsent: true })).toBe(0)
          expect((yield* store.outbox.list()).map((e) => [e.aggregateId, e.state, e.attempts])).toEqual([
            ["st-1", "pending", 0],
            ["st-2", "acked", 1],
            ["st-3", "claimed", 2]
          ])
        }))

      test("outbox - retry: an event given back with a retry time is claimed again only after it, attempts kept", (store) =>
        Effect.gen(function* () {
          const { retry } = store.outbox
          // Optional operation: adapters without it skip this test.
          if (retry === undefined) return
          yield* three(store)
          const a = yield* store.outbox.claim(3, { claimant: "hook-1", at: T0, leaseSeconds: 60 })
          const later = DateTime.add(T0, { minutes: 10 })
          expect(yield* retry([a[0]!.eventId, a[1]!.eventId], "hook-1", { at: later })).toBe(2)
          // Someone else's claim cannot be rescheduled.
          expect(yield* retry([a[2]!.eventId], "someone-else", { at: T0 })).toBe(0)
          // After the lease but before the retry time: only the third (lapsed lease) comes back.
          const b = yield* store.outbox.claim(3, { claimant: "hook-2", at: DateTime.add(T0, { minutes: 5 }) })
          expect(b.map((e) => [e.aggregateId, e.attempts])).toEqual([["st-3", 2]])
          yield* store.outbox.ack([b[0]!.eventId], "hook-2")
          const c = yield* store.outbox.claim(3, { claimant: "hook-2", at: DateTime.add(later, { seconds: 1 }) })
          expect(c.map((e) => [e.aggregateId, e.attempts, e.claimedBy])).toEqual([
            ["st-1", 2, "hook-2"],
            ["st-2", 2, "hook-2"]
          ])
          // Retrying an acked event does nothing: it stays delivered.
          yield* store.outbox.ack([c[0]!.eventId], "hook-2")
          expect(yield* retry([c[0]!.eventId], "hook-2", { at: T0 })).toBe(0)
          expect((yield* store.outbox.list({ state: "acked" })).map((e) => e.aggregateId)).toEqual(["st-1", "st-3"])
        }))

      test("outbox - dead letter: a buried event is never claimed again until revived, with attempts reset", (store) =>
        Effect.gen(function* () {
          const { deadLetter, revive } = store.outbox
          // Optional operations: adapters without them skip this test.
          if (deadLetter === undefined || revive === undefined) return
          yield* three(store)
          const a = yield* store.outbox.claim(2, { claimant: "hook-1", at: T0, leaseSeconds: 60 })
          expect(yield* deadLetter([a[0]!.eventId], "someone-else")).toBe(0)
          expect(yield* deadLetter([a[0]!.eventId, a[0]!.eventId], "hook-1")).toBe(1)
          yield* store.outbox.ack([a[1]!.eventId], "hook-1")
          const dead = yield* store.outbox.list({ state: "dead" })
          expect(dead.map((e) => [e.eventId, e.attempts, e.claimedUntil])).toEqual([[a[0]!.eventId, 1, null]])
          // Long after any lease, only the untouched third event is claimable.
          const b = yield* store.outbox.claim(10, { claimant: "hook-2", at: DateTime.add(T0, { days: 30 }) })
          expect(b.map((e) => e.aggregateId)).toEqual(["st-3"])
          // Revive touches dead letters only (not the acked or the claimed one).
          expect(yield* revive([a[0]!.eventId, a[1]!.eventId, b[0]!.eventId, "no-such-event"])).toBe(1)
          yield* store.outbox.ack([b[0]!.eventId], "hook-2")
          const again = yield* store.outbox.claim(10, { claimant: "hook-3", at: DateTime.add(T0, { days: 31 }) })
          expect(again.map((e) => [e.eventId, e.attempts, e.state])).toEqual([[a[0]!.eventId, 1, "claimed"]])
          expect(yield* store.outbox.list({ state: "dead" })).toEqual([])
        }))

      test(
        "outbox - concurrent claimers never get the same event",
        (store) =>
          Effect.gen(function* () {
            for (let k = 0; k < 20; k++) yield* store.put("student", fixtures.student(`st-${String(k).padStart(2, "0")}`), { ...author(), expectedVersion: 0 })
            const claims = yield* Effect.all(
              Array.from({ length: 5 }, (_, k) => store.outbox.claim(6, { claimant: `hook-${k}`, at: T0 })),
              { concurrency: "unbounded" }
            )
            const ids = claims.flat().map((e) => e.eventId)
            expect(new Set(ids).size).toBe(ids.length)
            expect(ids.length).toBe(20)
          }),
        "concurrentWriters"
      )
    })

    describe("migrations", () => {
      test(
        "migrate - running the migrations again is a no-op and keeps the data",
        (store) =>
          Effect.gen(function* () {
            yield* store.put("school", fixtures.school(), { ...author(), expectedVersion: 0 })
            yield* store.migrate
            yield* store.migrate
            expect((yield* store.get("school", "s-kit")).version).toBe(1)
            yield* store.put("teacher", fixtures.teacher("t-1"), { ...author(), expectedVersion: 0 })
            expect((yield* store.audit()).length).toBe(2)
          }),
        "migrations"
      )
    })

    describe("hostile input", () => {
      test("hostile - SQL metacharacters, quotes, control characters, very long text, Chinese and emoji round-trip exactly", (store) =>
        Effect.gen(function* () {
          const nasty = [
            "'; DROP TABLE cj_aggregates; --",
            `"double" 'single' \`back\` \\ backslash \\\\ %_ wildcards`,
            "tab\there\r\nnewline\u0001\u001f\u007f",
            "校企合作🤝产教融合🏭 — ＦＵＬＬＷＩＤＴＨ",
            "𠀀𪚥 (beyond the BMP) e\u0301 combining",
            "x".repeat(100_000)
          ]
          const id = "t-'\";--🤝"
          for (let k = 0; k < nasty.length; k++) {
            // Names are capped at 200 characters by the Schema; the host's extension fields take any length.
            yield* store.put("teacher", fixtures.teacher(`${id}${k}`, "s-'kit", { name: nasty[k]!.slice(0, 200), extensions: { note: nasty[k]!, [nasty[k]!.slice(0, 50)]: [nasty[k]!.slice(0, 10)] } }), { actor: nasty[k]!.slice(0, 200), at: T0, expectedVersion: 0 })
          }
          for (let k = 0; k < nasty.length; k++) {
            const got = yield* store.get("teacher", `${id}${k}`)
            expect(got.value.name).toBe(nasty[k]!.slice(0, 200))
            expect(got.value.extensions).toEqual({ note: nasty[k]!, [nasty[k]!.slice(0, 50)]: [nasty[k]!.slice(0, 10)] })
          }
          expect((yield* store.list("teacher", { schoolIds: ["s-'kit"] })).length).toBe(nasty.length)
          expect((yield* store.audit()).map((a) => a.actor)).toEqual(nasty.map((n) => n.slice(0, 200)))
          // Ids that differ only by case or width are different records.
          yield* store.put("student", fixtures.student("ab"), { ...author(), expectedVersion: 0 })
          yield* store.put("student", fixtures.student("AB"), { ...author(), expectedVersion: 0 })
          yield* store.put("student", fixtures.student("ａｂ"), { ...author(), expectedVersion: 0 })
          expect((yield* store.list("student")).length).toBe(3)
        }))
    })

    describe("hostile input: what a database cannot store", () => {
      test("hostile - NUL or a lone surrogate in an id, key or actor is refused as invalid before anything is written", (store) =>
        Effect.gen(function* () {
          const w = { ...author(), expectedVersion: 0 }
          for (const id of ["t-\u0000x", "t-\uD800", "t-\uDFFFx", "\uDBFF"]) {
            const e = yield* Effect.flip(store.put("teacher", fixtures.teacher(id), w))
            expect([e._tag, (e as StoreError).reason]).toEqual(["StoreError", "invalid"])
            expect((e as StoreError).messageZh).toContain("无法原样保存")
          }
          const bySchool = yield* Effect.flip(store.put("teacher", fixtures.teacher("t-1", "s-\u0000"), w))
          expect((bySchool as StoreError).reason).toBe("invalid")
          const byActor = yield* Effect.flip(store.put("teacher", fixtures.teacher("t-1"), { ...w, actor: "a\u0000b" }))
          expect((byActor as StoreError).detail).toContain("actor")
          const many = yield* Effect.flip(store.createMany("teacher", [fixtures.teacher("t-2"), fixtures.teacher("t-\uD83D")], author()))
          expect((many as StoreError).reason).toBe("invalid")
          expect((yield* store.list("teacher")).length).toBe(0)
          expect((yield* store.audit()).length).toBe(0)
          expect((yield* store.outbox.list()).length).toBe(0)
        }))

      test("hostile - asked for such an id, every adapter finds nothing, and a transaction goes on after it", (store) =>
        Effect.gen(function* () {
          yield* store.put("school", fixtures.school(), { ...author(), expectedVersion: 0 })
          const done = yield* store.transaction(
            Effect.gen(function* () {
              expect(yield* store.find("teacher", "no\u0000such")).toBeUndefined()
              expect(((yield* Effect.flip(store.get("teacher", "t-\uD800"))) as StoreError).reason).toBe("not-found")
              expect(yield* store.findByNaturalKey("school", "code:\u0000")).toBeUndefined()
              expect(yield* store.list("teacher", { ids: ["\u0000"] })).toEqual([])
              expect(yield* store.list("teacher", { schoolIds: ["s-\uDC00"] })).toEqual([])
              expect(yield* store.audit({ id: "\u0000" })).toEqual([])
              expect(yield* store.outbox.ack(["x\u0000"], "c")).toBe(0)
              expect(yield* store.outbox.release(["school:s-kit:1:0"], "c\uD800")).toBe(0)
              expect(((yield* Effect.flip(store.list("teacher", { afterId: "\uD800" }))) as StoreError).reason).toBe("invalid")
              expect(((yield* Effect.flip(store.outbox.claim(1, { claimant: "c\u0000", at: T0 }))) as StoreError).reason).toBe("invalid")
              // PostgreSQL aborts a transaction on any failed statement: none of the above may have reached it.
              return (yield* store.put("teacher", fixtures.teacher("t-1"), { ...author(1), expectedVersion: 0 })).version
            })
          )
          expect(done).toBe(1)
        }))

      test("hostile - NUL and lone surrogates inside the data (JSON) round-trip exactly", (store) =>
        Effect.gen(function* () {
          const odd = "a\u0000b \uD800 \uDFFF c"
          yield* store.put("teacher", fixtures.teacher("t-1", "s-kit", { extensions: { note: odd, [odd]: [odd] } }), { ...author(), expectedVersion: 0 })
          expect((yield* store.get("teacher", "t-1")).value.extensions).toEqual({ note: odd, [odd]: [odd] })
        }))
    })

    describe("indicator dataset", () => {
      test("dataset - loads one school's records for a period, and the indicators computed from it equal those from the records", (store) =>
        Effect.gen(function* () {
          const w = { ...author(), expectedVersion: 0 }
          for (const s of ["s-a", "s-b"]) {
            yield* store.put("school", fixtures.school(s, { code: s === "s-a" ? "3137004512" : "3137004513" }), w)
            yield* store.put("school-facts", fixtures.facts(s), w)
            for (let k = 0; k < 3; k++) yield* store.put("teacher", fixtures.teacher(`${s}-t${k}`, s), w)
            for (let k = 0; k < 5; k++) yield* store.put("student", fixtures.student(`${s}-st${k}`, s), w)
            yield* store.put("internship", fixtures.internship(`${s}-i1`, s, { studentId: `${s}-st0` }), w)
            yield* store.put("internship", fixtures.internship(`${s}-old`, s, { start: "2020-09-01", end: "2021-02-28" }), w)
            yield* store.put("assessment", fixtures.assessment(`${s}-a1`, `${s}-i1`), w)
            yield* store.put("cooperation-agreement", fixtures.cooperation(`${s}-c1`, s), w)
          }
          yield* store.put("enterprise", fixtures.enterprise(), w)
          const period = Indicators.schoolYear(2024)
          const ds = yield* store.loadDataset({ schoolIds: ["s-a"], period: { start: period.start, end: period.end } })
          expect(ds.schools.map((s) => s.id)).toEqual(["s-a"])
          expect([ds.teachers.length, ds.students.length, ds.facts.length]).toEqual([3, 5, 1])
          expect((ds.internships ?? []).map((i) => i.id)).toEqual(["s-a-i1"])
          expect((ds.assessments ?? []).map((a) => a.id)).toEqual(["s-a-a1"])
          expect((ds.enterprises ?? []).map((e) => e.id)).toEqual(["e-kit"])
          const p = Policy.at(National.policy, Jurisdiction.national, period.end)
          const fromStore = Indicators.compute(Indicators.catalogue, ds, period, p)
          const direct = Indicators.compute(Indicators.catalogue, { ...ds }, period, p)
          expect(fromStore.map((v) => [v.indicator, v.variant, v.value])).toEqual(direct.map((v) => [v.indicator, v.variant, v.value]))
          expect(fromStore.find((v) => v.indicator === "IND-ENROL-1200")?.value).toBe(5)
          const both = yield* store.loadDataset({})
          expect([both.schools.length, both.students.length, (both.internships ?? []).length]).toEqual([2, 10, 4])
        }))
    })

    describe("model", () => {
      test("model - random operation sequences give the same results as the memory adapter", (store) =>
        Effect.gen(function* () {
          const oracle = yield* Effect.provide(Store, Memory.layerMemory)
          type Op =
            | { readonly kind: "put"; readonly id: number; readonly name: string; readonly version: number }
            | { readonly kind: "get"; readonly id: number }
            | { readonly kind: "tx"; readonly ids: ReadonlyArray<number>; readonly fail: boolean }
          const opArb: fc.Arbitrary<Op> = fc.oneof(
            fc.record({ kind: fc.constant("put" as const), id: fc.integer({ min: 0, max: 3 }), name: fc.string({ maxLength: 8 }), version: fc.integer({ min: -1, max: 3 }) }),
            fc.record({ kind: fc.constant("get" as const), id: fc.integer({ min: 0, max: 3 }) }),
            fc.record({ kind: fc.constant("tx" as const), ids: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 3 }), fail: fc.boolean() })
          )
          const runs = fc.sample(fc.array(opArb, { minLength: 1, maxLength: 12 }), { numRuns: options.modelRuns ?? 25 })
          const outcome = (e: Either.Either<unknown, unknown>): unknown => {
            if (Either.isRight(e)) {
              const r = e.right as { version?: number; value?: { name?: string } } | undefined
              return r === undefined ? ["none"] : ["ok", r.version, r.value?.name]
            }
            const l = e.left as { _tag?: string; reason?: string; current?: number }
            return ["error", l._tag, l.reason ?? null, l.current ?? null]
          }
          let run = 0
          for (const ops of runs) {
            run++
            // Each run uses its own ids, so runs do not see each other in the adapter's one store.
            const idOf = (n: number) => `m${run}-t${n}`
            const versionOf = (s: Service, id: string) => Effect.map(s.find("teacher", id), (x) => x?.version ?? 0)
            const step = (s: Service, op: Op): Effect.Effect<unknown, unknown> => {
              switch (op.kind) {
                case "put":
                  return Effect.flatMap(versionOf(s, idOf(op.id)), (v) =>
                    // -1: the version just read (succeeds); otherwise a literal one, often stale, missing or a creation.
                    Effect.either(s.put("teacher", fixtures.teacher(idOf(op.id), "s-model", { name: `n${op.name}` }), { ...author(), expectedVersion: op.version < 0 ? v : op.version })).pipe(Effect.map(outcome))
                  )
                case "get":
                  return Effect.either(s.find("teacher", idOf(op.id))).pipe(Effect.map(outcome))
                case "tx":
                  return Effect.either(
                    s.transaction(
                      Effect.gen(function* () {
                        for (const n of op.ids) {
                          const v = yield* versionOf(s, idOf(n))
                          yield* s.put("teacher", fixtures.teacher(idOf(n), "s-model", { name: `tx${n}` }), { ...author(), expectedVersion: v })
                        }
                        if (op.fail) return yield* Effect.fail(new StoreError({ reason: "unknown", operation: "model", detail: "injected" }))
                      })
                    )
                  ).pipe(Effect.map(outcome))
              }
            }
            for (const op of ops) {
              const got = yield* step(store, op)
              const want = yield* step(oracle, op)
              expect(got, `run ${run}: ${JSON.stringify(op)}`).toEqual(want)
            }
            const rows = (s: Service) => Effect.map(s.list("teacher", { schoolIds: ["s-model"] }), (xs) => xs.filter((x) => x.id.startsWith(`m${run}-`)).map((x) => [x.id, x.version, x.value.name]))
            expect(yield* rows(store)).toEqual(yield* rows(oracle))
            const audit = (s: Service) => Effect.map(s.audit({ type: "teacher" }), (xs) => xs.filter((x) => x.id.startsWith(`m${run}-`)).map((x) => [x.id, x.version, x.event, x.afterHash]))
            expect(yield* audit(store)).toEqual(yield* audit(oracle))
            const events = (s: Service) => Effect.map(s.outbox.list(), (xs) => xs.filter((x) => x.aggregateId.startsWith(`m${run}-`)).map((x) => [x.eventId, x.event, x.state]))
            expect(yield* events(store)).toEqual(yield* events(oracle))
          }
        }))
    })
  })
}
