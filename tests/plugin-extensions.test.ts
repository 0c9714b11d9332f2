/**
 * Issue 9 (plugins): typed extension fields of plugins are validated and stored through the SQL store. The store
 * is built with the composed bundle's extension fields (`Layers.layerSqlite({ filename, extensions })`): the
 * STORE refuses bad extension fields (`InvalidInput` / `InvalidRecords`, zh + en, nothing written — no
 * validation beforehand), stores good ones in their encoded form, and reads them back typed, exactly, also after
 * reopening the database (SQLite on a temp file).
 */
import { describe, expect, it } from "@effect/vitest"
import { Errors, National, Plugin, Teacher, Validation } from "@chanjiao/core"
import type { Citation } from "@chanjiao/core"
import { Errors as StoreErrors, Store } from "@chanjiao/store"
import { fixtures } from "@chanjiao/store/testing"
import { Layers } from "@chanjiao/store-sql"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as fc from "effect/FastCheck"
import * as Schema from "effect/Schema"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

const rules: Citation.Citation = { document: "某校教职工管理办法（测试）", confidence: "L" }

// Two plugins extend Teacher: a campus card (with a transformed field, so the stored form differs from the
// typed one) and the dormitory with its history.
const card = Plugin.make({
  id: "campus-card",
  version: "1.0.0",
  title: { zh: "校园卡", en: "campus card" },
  citation: rules,
  extensions: [
    Plugin.extension(Teacher.Teacher, {
      campusCard: Schema.String.pipe(Schema.pattern(/^C\d{6}$/)),
      // Stored as text ("120.5"), typed as a number.
      cardBalance: Schema.NumberFromString
    })
  ]
})
const dorm = Plugin.make({
  id: "dormitory",
  version: "1.0.0",
  title: { zh: "宿舍", en: "dormitory" },
  citation: rules,
  extensions: [
    Plugin.extension("Teacher", {
      dormitory: Schema.optional(Schema.Struct({ building: Schema.String, room: Schema.Int, since: Schema.optional(Schema.String) })),
      duties: Schema.Array(Schema.Literal("night-watch", "canteen", "library"))
    })
  ]
})
const composed = Plugin.unsafeCompose(National.policy, card, dorm)
const CampusTeacher = Plugin.entity(composed, Teacher.Teacher)
const decodeCampus = Validation.decode(CampusTeacher)

const at = DateTime.unsafeMake("2025-03-01T08:00:00Z")
const write = { actor: "人事处", at, expectedVersion: 0 }

// The store built with the bundle's extension fields: it alone validates them (no decoding before `put`).
const withStore = <A, E>(filename: string, program: Effect.Effect<A, E, Store.Store>) => Effect.provide(program, Layers.layerSqlite({ filename, extensions: composed.extensions }))
// The same database through a store without the plugins (what another tool would see: plain JSON).
const withPlainStore = <A, E>(filename: string, program: Effect.Effect<A, E, Store.Store>) => Effect.provide(program, Layers.layerSqlite({ filename }))

const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), "chanjiao-plugin-ext-"))
  return { filename: join(dir, "store.db"), dispose: () => rmSync(dir, { recursive: true, force: true }) }
}

const put = (input: unknown) => Effect.flatMap(Store.Store, (s) => s.put("teacher", input, write))
const get = (id: string) => Effect.flatMap(Store.Store, (s) => s.get("teacher", id))
const nothingStored = Effect.gen(function* () {
  const store = yield* Store.Store
  return { teachers: (yield* store.list("teacher")).map((t) => t.id), audit: (yield* store.audit()).length, outbox: (yield* store.outbox.list()).length }
})

describe("plugin extension fields through the SQL store", () => {
  it.effect("the store refuses a bad extension field with a typed InvalidInput (zh + en) and writes nothing", () =>
    Effect.gen(function* () {
      const db = tempFile()
      try {
        const bad = fixtures.teacher("t-bad", "s-kit", { extensions: { campusCard: "123456", cardBalance: "lots", duties: ["cleaning"], wing: "east" } })
        const e = yield* withStore(db.filename, Effect.flip(put(bad)))
        expect(e).toBeInstanceOf(Errors.InvalidInput)
        const invalid = e as Errors.InvalidInput
        expect(invalid.issues.map((i) => i.path.join(".")).sort()).toEqual(["extensions.campusCard", "extensions.cardBalance", "extensions.duties.0", "extensions.wing"])
        for (const i of invalid.issues) {
          expect(i.zh).toMatch(/[\u4e00-\u9fff]/)
          expect(i.en).toMatch(/[a-z]/)
        }
        expect(invalid.messageZh).toContain("extensions.campusCard")
        expect(invalid.messageEn).toContain("extensions.campusCard")
        // Nothing behind: no row, no audit entry, no outbox event (seen even without the plugins).
        expect(yield* withPlainStore(db.filename, nothingStored)).toEqual({ teachers: [], audit: 0, outbox: 0 })
        // A valid record goes in through the same call.
        yield* withStore(db.filename, put(fixtures.teacher("t-good", "s-kit", { extensions: { campusCard: "C000001", cardBalance: "0", duties: [] } })))
        expect((yield* withStore(db.filename, nothingStored)).teachers).toEqual(["t-good"])
      } finally {
        db.dispose()
      }
    })
  )

  it.effect("createMany with bad extension fields is an InvalidRecords (zh + en) naming each record, and writes nothing", () =>
    Effect.gen(function* () {
      const db = tempFile()
      try {
        const batch = [
          fixtures.teacher("t-1", "s-kit", { extensions: { campusCard: "C000001", cardBalance: "1", duties: [] } }),
          fixtures.teacher("t-2", "s-kit", { extensions: { campusCard: "C000002", duties: ["canteen"], dormitory: { building: "3号楼", room: "201" } } }),
          fixtures.teacher("t-3", "s-kit", { extensions: { campusCard: "C000003", cardBalance: "2", duties: [] } })
        ]
        const e = yield* withStore(db.filename, Effect.flip(Effect.flatMap(Store.Store, (s) => s.createMany("teacher", batch, { actor: "人事处", at }))))
        expect(e).toBeInstanceOf(StoreErrors.InvalidRecords)
        const records = e as StoreErrors.InvalidRecords
        expect([records.type, records.total]).toEqual(["teacher", 3])
        expect(records.invalid.map((r) => [r.index, r.error.issues.map((i) => i.path.join("."))])).toEqual([[1, ["extensions.cardBalance", "extensions.dormitory.room"]]])
        expect(records.messageZh).toContain("未写入任何数据")
        expect(records.messageEn).toContain("nothing was written")
        expect(yield* withPlainStore(db.filename, nothingStored)).toEqual({ teachers: [], audit: 0, outbox: 0 })
      } finally {
        db.dispose()
      }
    })
  )

  it.effect("typed extension fields are stored encoded and read back typed, exactly, also after reopening the database", () =>
    Effect.gen(function* () {
      const db = tempFile()
      try {
        // The raw input as a host sends it (the balance as text); the store decodes it.
        const input = fixtures.teacher("t-1", "s-kit", {
          extensions: { campusCard: "C123456", cardBalance: "120.5", dormitory: { building: "3号楼", room: 201, since: "2024-09" }, duties: ["night-watch", "library"] }
        })
        const typed = Either.getOrThrow(decodeCampus(input))
        expect(typed.extensions).toEqual({ campusCard: "C123456", cardBalance: 120.5, dormitory: { building: "3号楼", room: 201, since: "2024-09" }, duties: ["night-watch", "library"] })
        const stored = yield* withStore(db.filename, put(input))
        expect(stored.value).toEqual(typed)
        // A fresh layer opens the same file: the value comes from disk, typed by the store.
        expect((yield* withStore(db.filename, get("t-1"))).value).toEqual(typed)
        // On disk it is the encoded (JSON) form: the balance as text.
        expect((yield* withPlainStore(db.filename, get("t-1"))).value.extensions).toEqual({ ...typed.extensions, cardBalance: "120.5" })
      } finally {
        db.dispose()
      }
    })
  )

  it.effect("a record written without the plugins whose extension does not fit reads back as a typed error, not a crash", () =>
    Effect.gen(function* () {
      const db = tempFile()
      try {
        yield* withPlainStore(db.filename, put(fixtures.teacher("t-2", "s-kit", { extensions: { campusCard: 42, duties: [] } })))
        const r = yield* withStore(db.filename, Effect.either(get("t-2")))
        expect(Either.isLeft(r) && r.left).toMatchObject({ _tag: "StoreError", reason: "corrupt" })
        const cause = Either.isLeft(r) ? (r.left as { readonly cause?: unknown }).cause : undefined
        expect(cause).toBeInstanceOf(Errors.InvalidInput)
        expect((cause as Errors.InvalidInput).issues.map((i) => i.path.join(".")).sort()).toEqual(["extensions.campusCard", "extensions.cardBalance"])
      } finally {
        db.dispose()
      }
    })
  )

  // Any extension values the plugins accept round-trip through the store unchanged.
  const extArb = fc.record(
    {
      campusCard: fc.integer({ min: 0, max: 999_999 }).map((n) => `C${String(n).padStart(6, "0")}`),
      cardBalance: fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
      dormitory: fc.record({ building: fc.string({ maxLength: 20 }), room: fc.integer({ min: 0, max: 9999 }), since: fc.string({ maxLength: 10 }) }, { requiredKeys: ["building", "room"] }),
      duties: fc.array(fc.constantFrom("night-watch" as const, "canteen" as const, "library" as const), { maxLength: 4 })
    },
    { requiredKeys: ["campusCard", "cardBalance", "duties"] }
  )

  const encodeExtensions = Schema.encodeSync(Plugin.extensionSchema(composed, "Teacher"))

  it("property: store.put (decoding) then get = the typed value, for every valid extension value", async () => {
    const db = tempFile()
    let n = 0
    try {
      await fc.assert(
        fc.asyncProperty(extArb, async (extensions) => {
          const id = `t-${n++}`
          const stored = await Effect.runPromise(withStore(db.filename, put(fixtures.teacher(id, "s-kit", { extensions: encodeExtensions(extensions) }))))
          expect(stored.value.extensions).toEqual(extensions)
          expect((await Effect.runPromise(withStore(db.filename, get(id)))).value.extensions).toEqual(extensions)
        }),
        { numRuns: 30 }
      )
    } finally {
      db.dispose()
    }
  })
})
