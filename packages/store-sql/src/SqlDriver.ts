/**
 * The SQL driver behind the `Store` port: one implementation over `@effect/sql`'s `SqlClient` for SQLite,
 * PostgreSQL and MySQL/MariaDB. Its tables carry a prefix (`cj_` by default) so a host can keep them in its own
 * database; its schema comes from its own migrations (the portable `@effect/sql` Migrator, in the
 * `<prefix>migrations` table), which are idempotent and safe to run from several processes at once.
 *
 * @since 0.1.0
 */
import type { Policy } from "@chanjiao/core"
import type { Driver, Errors } from "@chanjiao/store"
import type * as SqlClient from "@effect/sql/SqlClient"
import type * as Effect from "effect/Effect"
import * as internal from "./internal/driver.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /**
   * The prefix of every table, index and lock name, e.g. `cj_` → `cj_aggregates`, `cj_audit`, `cj_outbox`,
   * `cj_migrations`. A lowercase letter, then up to 20 lowercase letters, digits or underscores.
   */
  readonly prefix?: string | undefined
  /**
   * Keep the side tables that `InDb.computeInDb` counts over (extracted columns and rows derived from the rules),
   * written with every aggregate in the same transaction, and create them with the migrations. Off by default.
   * `gatesPolicy` is the policy internship verdicts (PLAN-INTERN-COMPLIANT) are derived under: the national one
   * (`National.policy`) by default, a provincial pack's where the platform reports under it.
   *
   * @since 0.1.0
   */
  readonly indicators?: boolean | { readonly gatesPolicy?: Policy.Policy | undefined } | undefined
}

/**
 * The table prefix when none is given.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultPrefix: string = internal.defaultPrefix

/**
 * What a prefix must look like.
 *
 * @since 0.1.0
 * @category constants
 */
export const prefixPattern: RegExp = internal.prefixPattern

/**
 * Builds the driver over the `SqlClient` in context. It does not migrate: run `driver.migrate` (the layers in
 * `Layers` do it when they are built). On PostgreSQL and MySQL, `migrate` holds one pooled connection for its
 * lock while the migrations run on another: the client's pool needs at least two.
 *
 * Inside `driver.transaction`, a failure that cost the database the whole transaction (a lost connection, a
 * MySQL deadlock) is not a failure an inner step can catch and go on from — on MySQL the statements after it
 * would run outside any transaction — it ends the outermost `driver.transaction`, which fails with it as a
 * `StoreError`.
 *
 * @example
 * ```ts
 * import { SqlDriver } from "@chanjiao/store-sql"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function* () {
 *   const driver = yield* SqlDriver.make({ prefix: "cj_" })
 *   yield* driver.migrate
 *   return yield* driver.read("teacher", "t-1")
 * })
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const make: (options?: Options) => Effect.Effect<Driver.Driver, Errors.StoreError, SqlClient.SqlClient> = internal.make
