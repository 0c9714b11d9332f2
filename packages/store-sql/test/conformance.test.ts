import { expect, it } from "@effect/vitest"
import type { Errors } from "@chanjiao/store"
import { Errors as StoreErrors, Store } from "@chanjiao/store"
import type { Driver } from "@chanjiao/store"
import { fixtures, suite } from "@chanjiao/store/testing"
import type * as SqlClient from "@effect/sql/SqlClient"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import { Layers } from "../src/index.js"
import type { Target } from "./services.js"
import { ci, describeTarget, dropTables, randomPrefix, sqliteDatabase, target, targets } from "./services.js"

type StoreLayer = Layer.Layer<Store.Store | Driver.StoreDriver, Errors.StoreError>

/** A store in its own tables (prefix from the kit's token), dropped when the layer is released. */
const onServer = (client: Layer.Layer<SqlClient.SqlClient, Errors.StoreError>, prefix: string): StoreLayer =>
  Layers.layerStore({ prefix }).pipe(
    // Built before the store and released after it, while the client is still open.
    Layer.provideMerge(Layer.scopedDiscard(Effect.addFinalizer(() => Effect.ignore(dropTables(prefix))))),
    Layer.provide(client)
  )

/** A store in a temporary SQLite file, deleted when the layer is released. */
const onSqlite = (): StoreLayer =>
  Layer.unwrapScoped(
    Effect.map(
      Effect.acquireRelease(Effect.sync(sqliteDatabase), (db) => Effect.sync(db.dispose)),
      (db) => Layers.layerSqlite({ filename: db.filename })
    )
  )

const storeFor = (t: Target, fresh: string, maxConnections?: number): StoreLayer => {
  const pool = maxConnections === undefined ? {} : { maxConnections }
  switch (t.dialect) {
    case "sqlite":
      return onSqlite()
    case "pg":
      return onServer(Layers.layerPgClient({ url: t.url, ...pool }), `cjt_${fresh}_`)
    case "mysql":
      return onServer(Layers.layerMysqlClient({ url: t.url, ...pool }), `cjt_${fresh}_`)
  }
}

for (const t of targets) {
  if (t.unavailable !== undefined && ci) describeTarget(t, "store conformance", () => {})
  else suite(t.name, { layer: (fresh) => storeFor(t, fresh), unavailable: t.unavailable === undefined ? undefined : `${t.name} at ${t.url} is not reachable: ${t.unavailable}` })
}

const at = (minutes: number) => DateTime.add(DateTime.unsafeMake("2025-03-01T08:00:00Z") as DateTime.Utc, { minutes })
const writers = 32

for (const t of [target("pg"), target("mysql")]) {
  describeTarget(t, `${writers} concurrent writers through the Store`, () => {
    it.live(
      `of ${writers} writers from one version exactly one wins, ${writers - 1} get a Conflict; row, audit and outbox agree`,
      () =>
        Effect.gen(function* () {
          const store = yield* Store.Store
          yield* store.put("teacher", fixtures.teacher("t-1"), { actor: "creator", at: at(0), expectedVersion: 0 })
          const results = yield* Effect.all(
            Array.from({ length: writers }, (_, k) => Effect.either(store.put("teacher", fixtures.teacher("t-1", "s-kit", { name: `writer ${k}` }), { actor: `writer-${k}`, at: at(k + 1), expectedVersion: 1 }))),
            { concurrency: "unbounded" }
          )
          const won = results.filter(Either.isRight).map((r) => r.right)
          expect(won.length).toBe(1)
          const lost = results.filter(Either.isLeft).map((r) => r.left)
          expect(lost.length).toBe(writers - 1)
          for (const e of lost) {
            expect(e).toBeInstanceOf(StoreErrors.Conflict)
            // The version now stored, also on MariaDB, whose transactions otherwise read an older snapshot.
            expect([(e as StoreErrors.Conflict).expected, (e as StoreErrors.Conflict).current]).toEqual([1, 2])
          }
          const winner = won[0]!
          const final = yield* store.get("teacher", "t-1")
          expect([final.version, final.value.name]).toEqual([2, winner.value.name])
          const k = Number(winner.value.name.replace("writer ", ""))
          const audit = yield* store.audit({ type: "teacher", id: "t-1" })
          expect(audit.map((a) => [a.version, a.actor, a.event])).toEqual([
            [1, "creator", "created"],
            [2, `writer-${k}`, "updated"]
          ])
          expect(audit[1]!.beforeHash).toBe(audit[0]!.afterHash)
          const events = yield* store.outbox.list()
          expect(events.map((e) => [e.eventId, e.event, e.aggregateVersion])).toEqual([
            ["teacher:t-1:1:0", "teacher.created", 1],
            ["teacher:t-1:2:0", "teacher.updated", 2]
          ])
        }).pipe(Effect.provide(storeFor(t, randomPrefix().slice(4, -1), writers + 1))),
      120_000
    )

    it.live(
      `${writers} writers that read again and retry on Conflict all land`,
      () =>
        Effect.gen(function* () {
          const store = yield* Store.Store
          yield* store.put("teacher", fixtures.teacher("t-1"), { actor: "creator", at: at(0), expectedVersion: 0 })
          const writer = (k: number): Effect.Effect<number, unknown> =>
            Effect.gen(function* () {
              for (let attempt = 1; ; attempt++) {
                const now = yield* store.get("teacher", "t-1")
                const extensions = { ...(now.value.extensions ?? {}), [`w${k}`]: k }
                const r = yield* Effect.either(store.put("teacher", { ...now.value, extensions }, { actor: `writer-${k}`, at: at(k + 1), expectedVersion: now.version }))
                if (Either.isRight(r)) return attempt
                if (!(r.left instanceof StoreErrors.Conflict)) return yield* Effect.fail(r.left)
              }
            })
          const attempts = yield* Effect.all(Array.from({ length: writers }, (_, k) => writer(k)), { concurrency: "unbounded" })
          // Contention happened (someone had to retry), and still every change landed.
          expect(Math.max(...attempts)).toBeGreaterThan(1)
          const final = yield* store.get("teacher", "t-1")
          expect(final.version).toBe(writers + 1)
          expect(Object.keys(final.value.extensions ?? {}).sort()).toEqual(Array.from({ length: writers }, (_, k) => `w${k}`).sort())
          const audit = yield* store.audit({ type: "teacher", id: "t-1" })
          expect(audit.map((a) => a.version)).toEqual(Array.from({ length: writers + 1 }, (_, k) => k + 1))
          for (let k = 1; k < audit.length; k++) expect(audit[k]!.beforeHash).toBe(audit[k - 1]!.afterHash)
          expect((yield* store.outbox.list()).map((e) => e.aggregateVersion)).toEqual(Array.from({ length: writers + 1 }, (_, k) => k + 1))
        }).pipe(Effect.provide(storeFor(t, randomPrefix().slice(4, -1), writers + 1))),
      120_000
    )
  })
}
