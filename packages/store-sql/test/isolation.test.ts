/**
 * Read-and-retry inside one transaction, against a writer on another connection: PostgreSQL and MariaDB.
 * The store's MySQL transactions run at READ COMMITTED (as PostgreSQL's do), so a retry sees the version the
 * other writer committed — also with MariaDB's `innodb_snapshot_isolation` on (the default since 11.6.2), where
 * REPEATABLE READ would refuse the write with "Record has changed since last read".
 */
import { expect, it } from "@effect/vitest"
import { Errors as StoreErrors, Store } from "@chanjiao/store"
import { fixtures } from "@chanjiao/store/testing"
import * as SqlClient from "@effect/sql/SqlClient"
import type { SqlError } from "@effect/sql/SqlError"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { Layers } from "../src/index.js"
import type { Target } from "./services.js"
import { describeTarget, dropTables, randomPrefix, serverClient, target } from "./services.js"

const at = (minutes: number) => DateTime.add(DateTime.unsafeMake("2025-03-01T08:00:00Z") as DateTime.Utc, { minutes })

/**
 * Two stores on the same tables, each with its own pool. `first` has one connection, on which `session`
 * statements run before the store is built (they then hold for every transaction of that store).
 */
const twoStores = async (t: Target, prefix: string, session: ReadonlyArray<string>) => {
  const setup = Layer.effectDiscard(Effect.flatMap(SqlClient.SqlClient, (sql) => Effect.forEach(session, (s) => sql.unsafe(s), { discard: true })))
  const first = ManagedRuntime.make(Layers.layerStore({ prefix }).pipe(Layer.provide(setup), Layer.provideMerge(serverClient(t, { maxConnections: 1 }))))
  const second = ManagedRuntime.make(Layers.layerStore({ prefix }).pipe(Layer.provideMerge(serverClient(t))))
  return {
    first: await first.runPromise(Store.Store),
    second: await second.runPromise(Store.Store),
    run: first.runPromise,
    // On its own fiber: inside `first`'s transaction, the fiber's context holds that transaction's connection,
    // which any @effect/sql client would use — `second`'s statements would then run in `first`'s transaction.
    elsewhere: <A, E>(self: Effect.Effect<A, E, never>) => Effect.promise(() => second.runPromise(self)),
    dispose: async () => {
      await first.runPromise(Effect.ignore(dropTables(prefix)))
      await Promise.all([first.dispose(), second.dispose()])
    }
  }
}

/** Reads t-1, lets another connection commit version 2, then writes from version 1 (Conflict) and from 2 (lands). */
const readLoseRetry = (
  first: Store.Service,
  second: Store.Service,
  elsewhere: <A, E>(self: Effect.Effect<A, E, never>) => Effect.Effect<A>,
  around: <A, E>(self: Effect.Effect<A, E, SqlClient.SqlClient>) => Effect.Effect<A, E | SqlError, SqlClient.SqlClient> = (self) => self
) =>
  Effect.gen(function* () {
    yield* first.put("teacher", fixtures.teacher("t-1"), { actor: "creator", at: at(0), expectedVersion: 0 })
    const result = yield* around(first.transaction(
      Effect.gen(function* () {
        const read = yield* first.get("teacher", "t-1")
        yield* elsewhere(second.put("teacher", fixtures.teacher("t-1", "s-kit", { name: "其他人" }), { actor: "other", at: at(1), expectedVersion: read.version }))
        const stale = yield* Effect.either(first.put("teacher", fixtures.teacher("t-1", "s-kit", { name: "第一次" }), { actor: "me", at: at(2), expectedVersion: read.version }))
        const conflict = Either.isLeft(stale) ? stale.left : undefined
        // Straight from the Conflict's current version, as a retry loop does; then read again and write once more.
        const retried = yield* first.put("teacher", fixtures.teacher("t-1", "s-kit", { name: "重试" }), { actor: "me", at: at(3), expectedVersion: conflict instanceof StoreErrors.Conflict ? conflict.current : -1 })
        const again = yield* first.get("teacher", "t-1")
        const last = yield* first.put("teacher", fixtures.teacher("t-1", "s-kit", { name: "再改" }), { actor: "me", at: at(4), expectedVersion: again.version })
        return { conflict, retried: retried.version, seen: again.version, last: last.version }
      })
    ))
    expect(result.conflict).toBeInstanceOf(StoreErrors.Conflict)
    expect([(result.conflict as StoreErrors.Conflict).expected, (result.conflict as StoreErrors.Conflict).current]).toEqual([1, 2])
    expect([result.retried, result.seen, result.last]).toEqual([3, 3, 4])
    const final = yield* elsewhere(second.get("teacher", "t-1"))
    expect([final.version, final.value.name]).toEqual([4, "再改"])
    expect((yield* elsewhere(second.audit({ type: "teacher", id: "t-1" }))).map((a) => [a.version, a.actor])).toEqual([
      [1, "creator"],
      [2, "other"],
      [3, "me"],
      [4, "me"]
    ])
    expect((yield* elsewhere(second.outbox.list())).map((e) => e.aggregateVersion)).toEqual([1, 2, 3, 4])
  })

for (const t of [target("pg"), target("mysql")]) {
  describeTarget(t, "read, lose to another connection, read again and retry — in one transaction", () => {
    it("the stale write is a Conflict naming the committed version; the retry from it lands", async () => {
      const stores = await twoStores(t, randomPrefix(), [])
      try {
        await stores.run(readLoseRetry(stores.first, stores.second, stores.elsewhere))
      } finally {
        await stores.dispose()
      }
    }, 60_000)

    if (t.dialect === "mysql") {
      it("inside the host's own transaction at REPEATABLE READ: the rows lost to the other writer are read afresh at every level", async () => {
        const stores = await twoStores(t, randomPrefix(), [])
        try {
          // The host opens the transaction with its client: the store joins it (savepoints), at the server's level.
          await stores.run(readLoseRetry(stores.first, stores.second, stores.elsewhere, (self) => Effect.flatMap(SqlClient.SqlClient, (sql) => sql.withTransaction(self))))
        } finally {
          await stores.dispose()
        }
      }, 60_000)

      it("with innodb_snapshot_isolation on: a Conflict, not a driver error, and the retry lands", async () => {
        const stores = await twoStores(t, randomPrefix(), [])
        try {
          // The variable exists from MariaDB 10.6.18 / 10.11.8 / 11.x (default on from 11.6.2); MySQL has none.
          const has = await stores.run(Effect.flatMap(SqlClient.SqlClient, (sql) => sql`SHOW VARIABLES LIKE 'innodb_snapshot_isolation'`))
          if (has.length === 0) {
            console.warn("[store-sql tests] this server has no innodb_snapshot_isolation: tested at its default only")
            return
          }
        } finally {
          await stores.dispose()
        }
        const snapshot = await twoStores(t, randomPrefix(), ["SET SESSION innodb_snapshot_isolation = ON"])
        try {
          expect(await snapshot.run(Effect.flatMap(SqlClient.SqlClient, (sql) => sql<{ readonly v: unknown }>`SELECT @@SESSION.innodb_snapshot_isolation AS v`))).toEqual([{ v: 1 }])
          await snapshot.run(readLoseRetry(snapshot.first, snapshot.second, snapshot.elsewhere))
        } finally {
          await snapshot.dispose()
        }
      }, 60_000)
    }
  })
}
