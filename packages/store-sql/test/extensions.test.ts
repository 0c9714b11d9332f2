// Issue 9 (plugins): the SQL store layers (`layerSqlite`, `layerPg`, `layerMysql`) and `layerFromUrl` /
// `createClient` take a plugin bundle's extension fields: bad extension fields are refused by the store itself
// (InvalidInput / InvalidRecords, zh + en, nothing written) and good ones are stored encoded and read back typed.
import { describe, expect, it } from "@effect/vitest"
import { Errors as CoreErrors, National, Plugin, Teacher } from "@chanjiao/core"
import { Errors, Store } from "@chanjiao/store"
import { fixtures } from "@chanjiao/store/testing"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import { Client, Layers } from "../src/index.js"
import { describeTarget, dropTables, randomPrefix, sqliteDatabase, target } from "./services.js"

const card = Plugin.make({
  id: "campus-card",
  version: "1.0.0",
  title: { zh: "校园卡", en: "campus card" },
  citation: { document: "某校校园卡管理办法（测试）", confidence: "L" },
  extensions: [
    Plugin.extension(Teacher.Teacher, {
      campusCard: Schema.String.pipe(Schema.pattern(/^C\d{6}$/)),
      // Stored as text, typed as a number.
      cardBalance: Schema.optional(Schema.NumberFromString)
    })
  ]
})
const { extensions } = Plugin.unsafeCompose(National.policy, card)

const at = DateTime.unsafeMake("2025-03-01T08:00:00Z")
const bad = fixtures.teacher("t-bad", "s-kit", { extensions: { campusCard: "123456", cardBalance: "lots", wing: "east" } })
const good = fixtures.teacher("t-1", "s-kit", { extensions: { campusCard: "C123456", cardBalance: "120.5" } })

/** The store's own check, then a good write; `plain` is the same database without the plugins. */
const exercise = (typed: Layer.Layer<Store.Store, Errors.StoreError>, plain: Layer.Layer<Store.Store, Errors.StoreError>) =>
  Effect.gen(function* () {
    const e = yield* Effect.flip(Effect.flatMap(Store.Store, (s) => s.put("teacher", bad, { actor: "人事处", at, expectedVersion: 0 })).pipe(Effect.provide(typed)))
    expect(e).toBeInstanceOf(CoreErrors.InvalidInput)
    expect((e as CoreErrors.InvalidInput).issues.map((i) => i.path.join(".")).sort()).toEqual(["extensions.campusCard", "extensions.cardBalance", "extensions.wing"])
    const many = yield* Effect.flip(Effect.flatMap(Store.Store, (s) => s.createMany("teacher", [good, bad], { actor: "人事处", at })).pipe(Effect.provide(typed)))
    expect(many).toBeInstanceOf(Errors.InvalidRecords)
    expect((many as Errors.InvalidRecords).invalid.map((r) => r.index)).toEqual([1])
    // Nothing was written, not even the good record of the refused batch.
    const none = yield* Effect.flatMap(Store.Store, (s) => Effect.all([s.list("teacher"), s.audit(), s.outbox.list()])).pipe(Effect.provide(plain))
    expect(none).toEqual([[], [], []])
    const stored = yield* Effect.flatMap(Store.Store, (s) => s.put("teacher", good, { actor: "人事处", at, expectedVersion: 0 })).pipe(Effect.provide(typed))
    expect(stored.value.extensions).toEqual({ campusCard: "C123456", cardBalance: 120.5 })
    expect((yield* Effect.flatMap(Store.Store, (s) => s.get("teacher", "t-1")).pipe(Effect.provide(typed))).value.extensions).toEqual({ campusCard: "C123456", cardBalance: 120.5 })
    expect((yield* Effect.flatMap(Store.Store, (s) => s.get("teacher", "t-1")).pipe(Effect.provide(plain))).value.extensions).toEqual({ campusCard: "C123456", cardBalance: "120.5" })
  })

describe("SQL store layers with a plugin bundle's extension fields", () => {
  it.effect("layerSqlite({ filename, extensions }): the store refuses bad extension fields and types good ones", () =>
    Effect.gen(function* () {
      const db = sqliteDatabase()
      try {
        yield* exercise(Layers.layerSqlite({ filename: db.filename, extensions }), Layers.layerSqlite({ filename: db.filename }))
      } finally {
        db.dispose()
      }
    })
  )

  it("createClient / layerFromUrl pass the extensions on (memory: and sqlite:)", async () => {
    const db = sqliteDatabase()
    try {
      for (const url of ["memory:", `sqlite:${db.filename}`]) {
        const client = await Client.createClient({ url, extensions })
        try {
          const e = await client.put("teacher", bad, { actor: "人事处", at: "2025-03-01T08:00:00Z", expectedVersion: 0 }).then(
            () => undefined,
            (x: unknown) => x
          )
          expect(e, url).toBeInstanceOf(CoreErrors.InvalidInput)
          expect((await client.list("teacher")).length, url).toBe(0)
          expect((await client.put("teacher", good, { actor: "人事处", at: "2025-03-01T08:00:00Z", expectedVersion: 0 })).value.extensions, url).toEqual({ campusCard: "C123456", cardBalance: 120.5 })
        } finally {
          await client.close()
        }
      }
    } finally {
      db.dispose()
    }
  })
})

for (const t of [target("pg"), target("mysql")]) {
  describeTarget(t, "SQL store layers with a plugin bundle's extension fields", () => {
    it.effect(`${t.dialect === "pg" ? "layerPg" : "layerMysql"}({ url, extensions }): the store refuses bad extension fields and types good ones`, () =>
      Effect.gen(function* () {
        const prefix = randomPrefix()
        const make = (o: { readonly extensions?: typeof extensions }) => (t.dialect === "pg" ? Layers.layerPg({ url: t.url, prefix, ...o }) : Layers.layerMysql({ url: t.url, prefix, ...o }))
        const clientLayer = t.dialect === "pg" ? Layers.layerPgClient({ url: t.url }) : Layers.layerMysqlClient({ url: t.url })
        yield* exercise(make({ extensions }), make({})).pipe(Effect.ensuring(Effect.orDie(Effect.provide(dropTables(prefix), clientLayer))))
      }),
      60_000
    )
  })
}
