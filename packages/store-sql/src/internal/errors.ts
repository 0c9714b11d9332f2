import { Errors } from "@chanjiao/store"
import type { SqlError } from "@effect/sql/SqlError"
import { SqlErrorTypeId } from "@effect/sql/SqlError"

type Reason = Errors.Reason

/** @internal */
export const isSqlError = (u: unknown): u is SqlError => typeof u === "object" && u !== null && SqlErrorTypeId in u

/** What the drivers (pg, mysql2, better-sqlite3, node:net) put on their errors, read structurally. */
interface Facts {
  readonly code: string | undefined
  readonly errno: number | undefined
  readonly fatal: boolean
  readonly constraint: string | undefined
  readonly message: string
}

const prop = (u: unknown, key: string): unknown => (typeof u === "object" && u !== null ? (u as Record<string, unknown>)[key] : undefined)

const str = (u: unknown): string | undefined => (typeof u === "string" ? u : undefined)

/**
 * The chain of errors from the outermost (`SqlError`) to the driver's: `SqlError.cause`, `Error.cause`, and the
 * first of an `AggregateError` (Node reports a refused connection to `localhost` as one per address).
 */
const chain = (error: unknown): ReadonlyArray<unknown> => {
  const out: Array<unknown> = []
  let current: unknown = error
  while (current !== undefined && current !== null && out.length < 8 && !out.includes(current)) {
    out.push(current)
    const errors = prop(current, "errors")
    current = prop(current, "cause") ?? (Array.isArray(errors) ? errors[0] : undefined)
  }
  return out
}

const factsOf = (u: unknown): Facts => {
  const errno = prop(u, "errno")
  return {
    code: str(prop(u, "code")),
    errno: typeof errno === "number" ? errno : undefined,
    fatal: prop(u, "fatal") === true,
    constraint: str(prop(u, "constraint")),
    message: str(prop(u, "sqlMessage")) ?? str(prop(u, "message")) ?? String(u)
  }
}

// Node's socket errors and mysql2's connection-level codes.
const unavailableCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "EAI_AGAIN",
  "ECONNABORTED",
  "PROTOCOL_CONNECTION_LOST",
  "PROTOCOL_SEQUENCE_TIMEOUT",
  "PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR",
  "PROTOCOL_ENQUEUE_AFTER_QUIT",
  "ER_ACCESS_DENIED_ERROR",
  "ER_DBACCESS_DENIED_ERROR",
  "ER_BAD_DB_ERROR",
  "ER_CON_COUNT_ERROR",
  "ER_SERVER_SHUTDOWN",
  "ER_CONNECTION_KILLED",
  "SQLITE_CANTOPEN",
  "SQLITE_PERM",
  "SQLITE_AUTH",
  "SQLITE_FULL"
])

// MySQL/MariaDB error numbers: access denied, bad database, too many connections, shutdown, killed, gone away.
const unavailableErrnos = new Set([1040, 1044, 1045, 1049, 1053, 1927, 2002, 2003, 2006, 2013])
// Deadlock, lock wait timeout, MariaDB's "record has changed since last read" (snapshot isolation).
const conflictErrnos = new Set([1213, 1205, 1020])
// Duplicate key, foreign keys, NOT NULL, too long, CHECK, no default value.
const constraintErrnos = new Set([1062, 1451, 1452, 1048, 1406, 4025, 3819, 1364])

// pg-pool and pg report a lost or refused connection with these messages and no SQLSTATE.
const unavailableMessage = /connection terminated|connection error|not queryable|closed state|timeout exceeded when trying to connect|connection timed out|connection timeout|failed to connect|connection lost|server closed the connection|terminating connection/i

const pgReason = (code: string): Reason | undefined => {
  if (code.startsWith("23") || code === "22001") return "constraint"
  if (code === "40001" || code === "40P01" || code === "55P03") return "conflict"
  if (code.startsWith("08") || code.startsWith("28") || code.startsWith("57P") || code === "53300" || code === "3D000") return "unavailable"
  return undefined
}

const sqliteReason = (code: string): Reason | undefined => {
  if (code.startsWith("SQLITE_CONSTRAINT") || code === "SQLITE_TOOBIG") return "constraint"
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) return "conflict"
  if (code.startsWith("SQLITE_CORRUPT") || code === "SQLITE_NOTADB") return "corrupt"
  if (code.startsWith("SQLITE_IOERR") || code.startsWith("SQLITE_READONLY") || code.startsWith("SQLITE_CANTOPEN")) return "unavailable"
  return undefined
}

const reasonOf = (f: Facts): Reason | undefined => {
  if (f.code !== undefined) {
    if (f.code.startsWith("SQLITE_")) {
      const r = sqliteReason(f.code)
      if (r !== undefined) return r
    } else if (/^[0-9A-Z]{5}$/.test(f.code) && f.errno === undefined) {
      const r = pgReason(f.code)
      if (r !== undefined) return r
    }
    if (unavailableCodes.has(f.code)) return "unavailable"
  }
  if (f.errno !== undefined) {
    // "SAVEPOINT x does not exist" on ROLLBACK TO SAVEPOINT: MySQL already rolled the whole transaction back,
    // which it does to resolve a deadlock.
    if (f.errno === 1305 && /^SAVEPOINT /i.test(f.message)) return "conflict"
    if (constraintErrnos.has(f.errno)) return "constraint"
    if (conflictErrnos.has(f.errno)) return "conflict"
    if (unavailableErrnos.has(f.errno)) return "unavailable"
  }
  if (f.fatal) return "unavailable"
  return undefined
}

/**
 * Classifies an error a driver reported (a `SqlError`, or what it wraps).
 *
 * @internal
 */
export const classify = (error: unknown): { readonly reason: Reason; readonly detail: string } => {
  const links = chain(error)
  // The innermost link is the driver's own error: it has the codes and the most precise message.
  for (let i = links.length - 1; i >= 0; i--) {
    const f = factsOf(links[i])
    const reason = reasonOf(f)
    if (reason !== undefined) return { reason, detail: f.message }
  }
  for (let i = links.length - 1; i >= 0; i--) {
    const f = factsOf(links[i])
    if (unavailableMessage.test(f.message)) return { reason: "unavailable", detail: f.message }
  }
  const innermost = links[links.length - 1]
  return { reason: "unknown", detail: innermost === undefined ? "unknown error" : factsOf(innermost).message }
}

/**
 * Whether the error is a unique violation, and of which key: the primary key (`primary`) or another unique
 * index (`other`). `undefined` when it is something else.
 *
 * @internal
 */
export const uniqueViolation = (error: unknown, primaryKeyName: string): "primary" | "other" | undefined => {
  for (const link of chain(error)) {
    const f = factsOf(link)
    if (f.code === "SQLITE_CONSTRAINT_PRIMARYKEY") return "primary"
    if (f.code === "SQLITE_CONSTRAINT_UNIQUE") return "other"
    if (f.code === "23505" && f.errno === undefined) return f.constraint === primaryKeyName ? "primary" : "other"
    // MySQL: "Duplicate entry 'x' for key 'PRIMARY'" (MySQL 8: 'table.PRIMARY'). Anchored at the end, because
    // the duplicate value itself is quoted into the message and may contain anything.
    if (f.errno === 1062) return /for key '(?:[^']*\.)?PRIMARY'$/.test(f.message) ? "primary" : "other"
  }
  return undefined
}

/** Long ids and keys are cut in messages (they are in `cause` in full). */
export const short = (s: string): string => (s.length > 80 ? `${s.slice(0, 77)}…` : s)

/**
 * Maps a driver error to a `StoreError`, keeping it as `cause`.
 *
 * @internal
 */
export const toStoreError =
  (operation: string) =>
  (error: unknown): Errors.StoreError => {
    if (error instanceof Errors.StoreError) return error
    const { detail, reason } = classify(error)
    return new Errors.StoreError({ reason, operation, detail, cause: error })
  }
