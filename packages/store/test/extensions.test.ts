// Issue 9 (plugins): a store built with a plugin bundle's extension fields (`Store.make(driver, { extensions })`,
// `Memory.layerMemoryWith`) decodes every write and read with the extended entity schema: bad extension fields
// are a typed InvalidInput / InvalidRecords (zh + en) and nothing is written; the codec keeps its fast path.
import { describe, expect, it } from "@effect/vitest"
import { Errors as CoreErrors, National, Plugin, Teacher, Validation } from "@chanjiao/core"
import { Driver, Errors, Memory, Store } from "@chanjiao/store"
import { fixtures } from "@chanjiao/store/testing"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as fc from "effect/FastCheck"
import * as Schema from "effect/Schema"
import * as Codec from "../src/internal/codec.js"

const rules = { document: "某校教职工管理办法（测试）", confidence: "L" as const }

// A plain extension (no transformation: the store's fast path applies) and one with a transformed field.
const card = Plugin.make({
  id: "campus-card",
  version: "1.0.0",
  title: { zh: "校园卡", en: "campus card" },
  citation: rules,
  extensions: [
    Plugin.extension(Teacher.Teacher, {
      campusCard: Schema.String.pipe(Schema.pattern(/^C\d{6}$/)),
      duties: Schema.Array(Schema.Literal("night-watch", "canteen", "library"))
    })
  ]
})
const balance = Plugin.make({
  id: "card-balance",
  version: "1.0.0",
  title: { zh: "校园卡余额", en: "card balance" },
  citation: rules,
  // Stored as text ("120.5"), typed as a number.
  extensions: [Plugin.extension("Teacher", { cardBalance: Schema.optional(Schema.NumberFromString) })]
})
const plainBundle = Plugin.unsafeCompose(National.policy, card)
const bundle = Plugin.unsafeCompose(National.policy, card, balance)

const at = DateTime.unsafeMake("2025-03-01T08:00:00Z")
const write = { actor: "人事处", at, expectedVersion: 0 }
const bad = fixtures.teacher("t-bad", "s-kit", { extensions: { campusCard: "123456", duties: ["cleaning"], wing: "east" } })
const good = (id: string, extensions: Record<string, unknown> = { campusCard: "C000001", duties: ["library"] }) => fixtures.teacher(id, "s-kit", { extensions })

/** Nothing in the store: no teacher, no audit entry, no outbox entry. */
const empty = Effect.gen(function* () {
  const store = yield* Store.Store
  expect(yield* store.list("teacher")).toEqual([])
  expect(yield* store.audit()).toEqual([])
  expect(yield* store.outbox.list()).toEqual([])
})

describe("Store with a plugin bundle's extension fields", () => {
  it.effect("put: a bad extension field is an InvalidInput (zh + en) naming every bad field, and nothing is written", () =>
    Effect.gen(function* () {
      const store = yield* Store.Store
      const e = yield* Effect.flip(store.put("teacher", bad, write))
      expect(e).toBeInstanceOf(CoreErrors.InvalidInput)
      const invalid = e as CoreErrors.InvalidInput
      expect(invalid.issues.map((i) => i.path.join(".")).sort()).toEqual(["extensions.campusCard", "extensions.duties.0", "extensions.wing"])
      for (const i of invalid.issues) {
        expect(i.zh).toMatch(/[\u4e00-\u9fff]/)
        expect(i.en).toMatch(/[a-z]/)
      }
      expect(invalid.messageZh).toContain("extensions.campusCard")
      expect(invalid.messageEn).toContain("extensions.campusCard")
      // A missing required extension field too.
      const missing = yield* Effect.flip(store.put("teacher", good("t-m", { campusCard: "C000002" }), write))
      expect((missing as CoreErrors.InvalidInput).issues.map((i) => i.path.join("."))).toEqual(["extensions.duties"])
      yield* empty
    }).pipe(Effect.provide(Memory.layerMemoryWith({ extensions: bundle.extensions })))
  )

  it.effect("createMany: records with bad extension fields are an InvalidRecords listing each, and none is written", () =>
    Effect.gen(function* () {
      const store = yield* Store.Store
      const e = yield* Effect.flip(store.createMany("teacher", [good("t-1"), bad, good("t-2"), good("t-3", { campusCard: "C1", duties: [] })], { actor: "人事处", at }))
      expect(e).toBeInstanceOf(Errors.InvalidRecords)
      const records = e as Errors.InvalidRecords
      expect(records.invalid.map((r) => r.index)).toEqual([1, 3])
      expect(records.invalid[1]!.error.issues.map((i) => i.path.join("."))).toEqual(["extensions.campusCard"])
      expect(records.messageZh).toContain("未写入任何数据")
      expect(records.messageEn).toContain("nothing was written")
      yield* empty
      // The valid ones alone go in.
      expect(yield* store.createMany("teacher", [good("t-1"), good("t-2")], { actor: "人事处", at })).toBe(2)
      expect((yield* store.list("teacher")).map((s) => s.id)).toEqual(["t-1", "t-2"])
    }).pipe(Effect.provide(Memory.layerMemoryWith({ extensions: bundle.extensions })))
  )

  it.effect("stores the encoded form, reads back the typed values; a store without the bundle keeps accepting any JSON", () =>
    Effect.gen(function* () {
      const store = yield* Store.Store
      const driver = yield* Driver.StoreDriver
      const stored = yield* store.put("teacher", good("t-1", { campusCard: "C123456", duties: ["night-watch"], cardBalance: "120.5" }), write)
      expect(stored.value.extensions).toEqual({ campusCard: "C123456", duties: ["night-watch"], cardBalance: 120.5 })
      expect(JSON.parse((yield* driver.read("teacher", "t-1"))!.data).extensions).toEqual({ campusCard: "C123456", duties: ["night-watch"], cardBalance: "120.5" })
      expect((yield* store.get("teacher", "t-1")).value.extensions).toEqual({ campusCard: "C123456", duties: ["night-watch"], cardBalance: 120.5 })
      // The same rows through a store without the bundle: plain JSON, as stored.
      const untyped = Store.make(driver)
      expect((yield* untyped.get("teacher", "t-1")).value.extensions).toEqual({ campusCard: "C123456", duties: ["night-watch"], cardBalance: "120.5" })
      expect((yield* untyped.put("teacher", bad, write)).id).toBe("t-bad")
      // …which a store with the bundle then refuses to read as a teacher: a typed error, not a crash.
      const unreadable = yield* Effect.flip(store.get("teacher", "t-bad"))
      expect(unreadable).toMatchObject({ _tag: "StoreError", reason: "corrupt" })
      // Other entities are not extended: their extensions stay any JSON.
      yield* store.put("student", fixtures.student("st-1", "s-kit", { extensions: { anything: [1, "x"] } }), write)
    }).pipe(Effect.provide(Memory.layerMemoryWith({ extensions: bundle.extensions })))
  )
})

describe("the store codec for an extended schema", () => {
  const plainSchema = Plugin.entity(plainBundle, Teacher.Teacher) as unknown as Schema.Schema<unknown, unknown, never>
  const transformed = Plugin.entity(bundle, Teacher.Teacher) as unknown as Schema.Schema<unknown, unknown, never>

  it("keeps the fast path for plain extension fields, and takes the strict road for transformed ones", () => {
    expect(Codec.make(plainSchema).plain).toBe(true)
    expect(Codec.make(transformed).plain).toBe(false)
  })

  // Extension values, valid or not: the fast decoder answers exactly as Validation.decode does.
  const valueArb = fc.oneof(
    fc.integer({ min: 0, max: 999_999 }).map((n) => `C${String(n).padStart(6, "0")}`),
    fc.string({ maxLength: 8 }),
    fc.integer(),
    fc.array(fc.constantFrom("night-watch", "canteen", "library", "cleaning"), { maxLength: 3 })
  )
  const extensionsArb = fc.dictionary(fc.constantFrom("campusCard", "duties", "wing", "cardBalance"), valueArb, { maxKeys: 4 })

  it("property: the fast decoder of an extended schema gives what Validation.decode gives, valid or not", () => {
    const fast = Codec.make(plainSchema)
    const strict = Validation.decode(plainSchema)
    fc.assert(
      fc.property(extensionsArb, (extensions) => {
        const input = good("t-p", extensions)
        const a = fast.decode(input)
        const b = strict(input)
        expect(a).toEqual(b)
        if (Either.isRight(a)) expect(fast.encode(a.right)).toEqual(Schema.encodeSync(plainSchema)(a.right))
      }),
      { numRuns: 300 }
    )
  })
})
