/**
 * The same service, unchanged, on PostgreSQL (`CHANJIAO_TEST_PG_URL`, default
 * `postgres://postgres@127.0.0.1:5432/test`), in tables of its own prefix, dropped afterwards. As in
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

const url = process.env.CHANJIAO_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test"
const ci = process.env.CI === "true"

const probe = async (): Promise<string | undefined> => {
  const exit = await Effect.runPromiseExit(
    Effect.scoped(Effect.flatMap(Layer.build(Layers.layerPgClient({ url })), (ctx) => Effect.asVoid(Effect.provide(Effect.flatMap(SqlClient.SqlClient, (sql) => sql`SELECT 1`), ctx))))
  )
  if (Exit.isSuccess(exit)) return undefined
  const e = Cause.squash(exit.cause)
  return e instanceof Error ? e.message : String(e)
}

const down = await probe()

// A prefix of its own (`cs_<random>_`): no collision with other suites sharing the database.
const prefix = `cs_${randomBytes(4).toString("hex")}_`

/** The store in the prefix's tables; the tables are dropped when the service closes the store. */
const pgStore = () =>
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
    Layer.provide(Layers.layerPgClient({ url }))
  )

if (down === undefined) suite("PostgreSQL", pgStore)
else if (ci) {
  describe("campus service over HTTP (PostgreSQL)", () => {
    it("PostgreSQL is reachable (required under CI=true)", () => {
      throw new Error(`PostgreSQL at ${url} is not reachable: ${down} — CI=true requires the database server`)
    })
  })
} else {
  console.warn(`[campus-service tests] skipping the PostgreSQL suite: PostgreSQL at ${url} is not reachable: ${down}`)
  // Registered but skipped (as store-sql's tests do), so the run shows the suite and why it did not run.
  describe.skipIf(true)(`campus service over HTTP (PostgreSQL) — not reachable at ${url}`, () => {
    it("runs when PostgreSQL is reachable", () => {})
  })
}
