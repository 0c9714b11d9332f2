/**
 * The databases the tests run against, probed once per test file. An unreachable server skips its tests with a
 * notice — except under `CI=true`, where a test named after the server fails instead, so a broken CI service
 * cannot pass as green.
 */
import { describe, it } from "@effect/vitest"
import type { Errors } from "@chanjiao/store"
import * as SqlClient from "@effect/sql/SqlClient"
import * as Cause from "effect/Cause"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import { randomBytes } from "node:crypto"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Layers } from "../src/index.js"

export type Dialect = "sqlite" | "pg" | "mysql"

/** A database the tests may open several connections to (two for SQLite: two clients on one file). */
export interface Database {
  readonly client: () => Layer.Layer<SqlClient.SqlClient, Errors.StoreError>
  readonly dispose: () => void
}

export interface Target {
  readonly name: string
  readonly dialect: Dialect
  /** Why the server cannot be used; `undefined` when it can. */
  readonly unavailable: string | undefined
  readonly url: string
  readonly database: () => Database
  /** A store layer for the conformance kit and the Promise client. */
  readonly storeOptions: { readonly url: string } | { readonly filename: string }
}

export const ci = process.env.CI === "true"

export const pgUrl = process.env.CHANJIAO_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test"
export const mysqlUrl = process.env.CHANJIAO_TEST_MYSQL_URL ?? "mysql://root@127.0.0.1:3306/test"

/** A fresh table prefix: tests never see each other's tables, and their cleanup drops only their own. */
export const randomPrefix = (): string => `cjt_${randomBytes(4).toString("hex")}_`

const probe = async (layer: Layer.Layer<SqlClient.SqlClient, Errors.StoreError>): Promise<string | undefined> => {
  const exit = await Effect.runPromiseExit(Effect.scoped(Effect.flatMap(Layer.build(layer), (ctx) => Effect.asVoid(Effect.provide(SqlClient.SqlClient.pipe(Effect.flatMap((sql) => sql`SELECT 1`)), ctx)))))
  if (Exit.isSuccess(exit)) return undefined
  const e = Cause.squash(exit.cause)
  return e instanceof Error ? e.message : String(e)
}

const [pgDown, mysqlDown] = await Promise.all([probe(Layers.layerPgClient({ url: pgUrl })), probe(Layers.layerMysqlClient({ url: mysqlUrl }))])

const serverDatabase = (client: () => Layer.Layer<SqlClient.SqlClient, Errors.StoreError>) => (): Database => ({ client, dispose: () => {} })

export const sqliteDatabase = (): Database & { readonly filename: string } => {
  const dir = mkdtempSync(join(tmpdir(), "chanjiao-store-sql-"))
  const filename = join(dir, "store.db")
  return { filename, client: () => Layers.layerSqliteClient({ filename }), dispose: () => rmSync(dir, { recursive: true, force: true }) }
}

export const targets: ReadonlyArray<Target> = [
  { name: "SQLite", dialect: "sqlite", unavailable: undefined, url: "sqlite:(temp file)", database: sqliteDatabase, storeOptions: { filename: "(per test)" } },
  { name: "PostgreSQL", dialect: "pg", unavailable: pgDown, url: pgUrl, database: serverDatabase(() => Layers.layerPgClient({ url: pgUrl })), storeOptions: { url: pgUrl } },
  { name: "MariaDB", dialect: "mysql", unavailable: mysqlDown, url: mysqlUrl, database: serverDatabase(() => Layers.layerMysqlClient({ url: mysqlUrl })), storeOptions: { url: mysqlUrl } }
]

export const target = (dialect: Dialect): Target => targets.find((t) => t.dialect === dialect)!

/** A client layer of a server target (PostgreSQL or MariaDB), with pool options. */
export const serverClient = (t: Target, options: { readonly maxConnections?: number; readonly connectTimeout?: Duration.DurationInput } = {}): Layer.Layer<SqlClient.SqlClient, Errors.StoreError> =>
  t.dialect === "pg" ? Layers.layerPgClient({ ...options, url: t.url }) : Layers.layerMysqlClient({ ...options, url: t.url })

/**
 * A describe block for a target's tests: skipped with a notice when the server is down, or — under CI —
 * replaced by a failing test that names the server.
 */
export const describeTarget = (t: Target, title: string, body: () => void): void => {
  if (t.unavailable !== undefined) {
    const notice = `${t.name} at ${t.url} is not reachable: ${t.unavailable}`
    if (ci) {
      describe(`${title} (${t.name})`, () => {
        it(`${t.name} is reachable (required under CI=true)`, () => {
          throw new Error(`${notice} — CI=true requires every database server`)
        })
      })
      return
    }
    console.warn(`[store-sql tests] skipping "${title}" for ${notice}`)
  }
  describe.skipIf(t.unavailable !== undefined)(`${title} (${t.name})`, body)
}

/** Drops the tables of a prefix (children of no one: order does not matter, there are no foreign keys). */
export const dropTables = (prefix: string): Effect.Effect<void, unknown, SqlClient.SqlClient> =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.forEach(["aggregates", "audit", "outbox", "migrations"], (name) => sql`DROP TABLE IF EXISTS ${sql(`${prefix}${name}`)}`, { discard: true })
  )

/** The tables of the current database or schema. */
export const listTables = (dialect: Dialect): Effect.Effect<ReadonlyArray<string>, unknown, SqlClient.SqlClient> =>
  Effect.flatMap(SqlClient.SqlClient, (sql) => {
    const q =
      dialect === "sqlite"
        ? sql<{ readonly name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`
        : dialect === "pg"
          ? sql<{ readonly name: string }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()`
          : sql<{ readonly name: string }>`SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()`
    return Effect.map(q, (rows) => rows.map((r) => r.name).sort())
  })

/** The indexes of the current database or schema (SQLite's automatic ones left out). */
export const listIndexes = (dialect: Dialect): Effect.Effect<ReadonlyArray<string>, unknown, SqlClient.SqlClient> =>
  Effect.flatMap(SqlClient.SqlClient, (sql) => {
    const q =
      dialect === "sqlite"
        ? sql<{ readonly name: string }>`SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'`
        : dialect === "pg"
          ? sql<{ readonly name: string }>`SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema()`
          : sql<{ readonly name: string }>`SELECT DISTINCT INDEX_NAME AS name FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND INDEX_NAME <> 'PRIMARY'`
    return Effect.map(q, (rows) => rows.map((r) => r.name).sort())
  })
