/**
 * Issue 9 (plugins): typed extension fields of plugins are validated on decode (bad field → `InvalidInput`
 * with zh + en messages, nothing written) and stored and read back through the SQL store (SQLite on a temp
 * file, reopened), round-tripping exactly.
 */
import { describe, expect, it } from "@effect/vitest"
import { Errors, National, Plugin, Teacher, Validation } from "@chanjiao/core"
import type { Citation } from "@chanjiao/core"
import { Store } from "@chanjiao/store"
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
const encodeCampus = Schema.encodeSync(CampusTeacher)
const encodeTeacher = Schema.encodeSync(Teacher.Teacher)

const at = DateTime.unsafeMake("2025-03-01T08:00:00Z")
const write = { actor: "人事处", at, expectedVersion: 0 }

const withStore = <A, E>(filename: string, program: Effect.Effect<A, E, Store.Store>) => Effect.provide(program, Layers.layerSqlite({ filename }))

const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), "chanjiao-plugin-ext-"))
  return { filename: join(dir, "store.db"), dispose: () => rmSync(dir, { recursive: true, force: true }) }
}

// A stored teacher read back through the plugins' schema: the store keeps extensions as JSON, the plugins type them.
// The host's write path with the plugins: decode with their schema first, then store the encoded (JSON) form.
const putCampus = (input: unknown) =>
  Effect.flatMap(Validation.decodeEffect(CampusTeacher)(input), (typed) => Effect.flatMap(Store.Store, (s) => s.put("teacher", encodeCampus(typed), write)))

const asInvalidInput = (e: unknown): Errors.InvalidInput => {
  expect(e).toBeInstanceOf(Errors.InvalidInput)
  return e as Errors.InvalidInput
}

const readBack = (id: string) =>
  Effect.flatMap(Store.Store, (store) => store.get("teacher", id)).pipe(Effect.flatMap((stored) => decodeCampus(encodeTeacher(stored.value))))

describe("plugin extension fields through the SQL store", () => {
  it.effect("a bad extension field is a typed InvalidInput (zh + en) and nothing is stored", () =>
    Effect.gen(function* () {
      const db = tempFile()
      try {
        const bad = fixtures.teacher("t-bad", "s-kit", { extensions: { campusCard: "123456", cardBalance: "lots", duties: ["cleaning"], wing: "east" } })
        const good = fixtures.teacher("t-good", "s-kit", { extensions: { campusCard: "C000001", cardBalance: "0", duties: [] } })
        const e = asInvalidInput(yield* withStore(db.filename, Effect.flip(putCampus(bad))))
        expect(e.issues.map((i) => i.path.join(".")).sort()).toEqual(["extensions.campusCard", "extensions.cardBalance", "extensions.duties.0", "extensions.wing"])
        for (const i of e.issues) {
          expect(i.zh).toMatch(/[\u4e00-\u9fff]/)
          expect(i.en).toMatch(/[a-z]/)
        }
        expect(e.messageZh).toContain("extensions.campusCard")
        expect(e.messageEn).toContain("extensions.campusCard")
        // The same path writes a valid record; the invalid one left nothing behind.
        yield* withStore(db.filename, putCampus(good))
        const listed = yield* withStore(db.filename, Effect.flatMap(Store.Store, (s) => s.list("teacher")))
        expect(listed.map((t) => t.id)).toEqual(["t-good"])
      } finally {
        db.dispose()
      }
    })
  )

  it.effect("typed extension fields are stored and read back exactly, also after reopening the database", () =>
    Effect.gen(function* () {
      const db = tempFile()
      try {
        const input = fixtures.teacher("t-1", "s-kit", {
          extensions: { campusCard: "C123456", cardBalance: "120.5", dormitory: { building: "3号楼", room: 201, since: "2024-09" }, duties: ["night-watch", "library"] }
        })
        const typed = Either.getOrThrow(decodeCampus(input))
        expect(typed.extensions).toEqual({ campusCard: "C123456", cardBalance: 120.5, dormitory: { building: "3号楼", room: 201, since: "2024-09" }, duties: ["night-watch", "library"] })
        yield* withStore(db.filename, Effect.flatMap(Store.Store, (s) => s.put("teacher", encodeCampus(typed), write)))
        // A fresh layer opens the same file: the value comes from disk.
        const back = yield* withStore(db.filename, readBack("t-1"))
        expect(back).toEqual(typed)
        expect(encodeCampus(back)).toEqual(encodeCampus(typed))
      } finally {
        db.dispose()
      }
    })
  )

  it.effect("a record written without the plugins whose extension does not fit reads back as a typed error, not a crash", () =>
    Effect.gen(function* () {
      const db = tempFile()
      try {
        yield* withStore(db.filename, Effect.flatMap(Store.Store, (s) => s.put("teacher", fixtures.teacher("t-2", "s-kit", { extensions: { campusCard: 42, duties: [] } }), write)))
        const r = yield* withStore(db.filename, Effect.either(readBack("t-2")))
        expect(Either.isLeft(r)).toBe(true)
        expect(Either.isLeft(r) && asInvalidInput(r.left).issues.map((i) => i.path.join(".")).sort()).toEqual(["extensions.campusCard", "extensions.cardBalance"])
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

  it("property: decode ∘ store ∘ read back = id for every valid extension value", async () => {
    const db = tempFile()
    let n = 0
    try {
      await fc.assert(
        fc.asyncProperty(extArb, async (extensions) => {
          const id = `t-${n++}`
          const typed = Either.getOrThrow(decodeCampus(fixtures.teacher(id, "s-kit", { extensions: encodeExtensions(extensions) })))
          expect(typed.extensions).toEqual(extensions)
          await Effect.runPromise(withStore(db.filename, putCampus(encodeCampus(typed))))
          expect(await Effect.runPromise(withStore(db.filename, readBack(id)))).toEqual(typed)
        }),
        { numRuns: 30 }
      )
    } finally {
      db.dispose()
    }
  })
})
