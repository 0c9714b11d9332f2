/**
 * `@chanjiao/store-sql`: the chanjiao store in SQL — SQLite (embedded), PostgreSQL and MySQL/MariaDB through
 * one driver over `@effect/sql`, with prefixed tables, idempotent migrations, and a Promise client.
 *
 * @since 0.1.0
 */

/**
 * @since 0.1.0
 */
export * as Client from "./Client.js"

/**
 * @since 0.1.0
 */
export * as Layers from "./Layers.js"

/**
 * @since 0.1.0
 */
export * as SqlDriver from "./SqlDriver.js"

/**
 * @since 0.1.0
 */
export * as InDb from "./InDb.js"
