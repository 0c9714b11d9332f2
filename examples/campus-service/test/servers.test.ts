/**
 * The same service, unchanged, on the database servers a campus system runs: PostgreSQL (`CHANJIAO_TEST_PG_URL`,
 * default `postgres://postgres@127.0.0.1:5432/test`) and MySQL/MariaDB (`CHANJIAO_TEST_MYSQL_URL`, default
 * `mysql://root@127.0.0.1:3306/test`), each in tables of its own prefix, dropped afterwards. As in
 * `packages/store-sql/test`: an unreachable server skips with a notice — except under `CI=true`, where a test
 * named after the server fails, so a broken CI database cannot pass as green.
 */
import { Layers } from "@chanjiao/store-sql"
import * as SqlClient from "@effect/sql/SqlClient"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import { randomBytes } from "node:crypto"
import { describe, it } from "vitest"
import { suite } from "./scenario.js"

const ci = process.env.CI === "true"

const servers = [
  { name: "PostgreSQL", url: process.env.CHANJIAO_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test", client: Layers.layerPgClient },
  { name: "MariaDB", url: process.env.CHANJIAO_TEST_MYSQL_URL ?? "mysql://root@127.0.0.1:3306/test", client: Layers.layerMysqlClient }
] as const

const probe = async (client: Layer.Layer<SqlClient.SqlClient, unknown>): Promise<string | undefined> => {
  const exit = await Effect.runPromiseExit(
    Effect.scoped(Effect.flatMap(Layer.build(client), (ctx) => Effect.asVoid(Effect.provide(Effect.flatMap(SqlClient.SqlClient, (sql) => sql`SELECT 1`), ctx))))
  )
  if (Exit.isSuccess(exit)) return undefined
  const e = Cause.squash(exit.cause)
  return e instanceof Error ? e.message : String(e)
}

for (const server of servers) {
  const client = server.client({ url: server.url })
  const down = await probe(client)

  // A prefix of its own (`cs_<random>_`): no collision with other suites sharing the database.
  const prefix = `cs_${randomBytes(4).toString("hex")}_`

  /** The store in the prefix's tables; the tables are dropped when the service closes the store. */
  const store = () =>
    Layers.layerStore({ prefix }).pipe(
      Layer.provideMerge(
        Layer.scopedDiscard(
          Effect.addFinalizer(() =>
            Effect.ignore(
              Effect.flatMap(SqlClient.SqlClient, (sql) =>
                Effect.forEach(["aggregates", "audit", "outbox", "migrations"], (name) => sql`DROP TABLE IF EXISTS ${sql(`${prefix}${name}`)}`, { discard: true })
              )
            )
          )
        )
      ),
      Layer.provide(client)
    )

  if (down === undefined) suite(server.name, store)
  else if (ci) {
    describe(`campus service over HTTP (${server.name})`, () => {
      it(`${server.name} is reachable (required under CI=true)`, () => {
        throw new Error(`${server.name} at ${server.url} is not reachable: ${down} — CI=true requires the database server`)
      })
    })
  } else {
    console.warn(`[campus-service tests] skipping the ${server.name} suite: ${server.name} at ${server.url} is not reachable: ${down}`)
    // Registered but skipped (as store-sql's tests do), so the run shows the suite and why it did not run.
    describe.skipIf(true)(`campus service over HTTP (${server.name}) — not reachable at ${server.url}`, () => {
      it(`runs when ${server.name} is reachable`, () => {})
    })
  }
}
