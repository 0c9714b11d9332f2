import type { Policy } from "@chanjiao/core"
import type { Driver as Contract } from "@chanjiao/store"
import { Errors } from "@chanjiao/store"
import * as Migrator from "@effect/sql/Migrator"
import * as SqlClient from "@effect/sql/SqlClient"
import type { SqlError } from "@effect/sql/SqlError"
import type { Fragment, Statement } from "@effect/sql/Statement"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Scope from "effect/Scope"
import { globalValue } from "effect/GlobalValue"
import { classify, isSqlError, short, toStoreError, uniqueViolation } from "./errors.js"
import type { Dialect, Tables } from "./schema.js"
import { aggregateColumns, auditColumns, limits, migrations, outboxColumns, tables, verify } from "./schema.js"
import * as IndbDerive from "./indb-derive.js"
import * as IndbSchema from "./indb-schema.js"

type Driver = Contract.Driver
type Row = Contract.Row
type AuditEntry = Contract.AuditEntry
type OutboxEntry = Contract.OutboxEntry
type StoreError = Errors.StoreError

/** @internal */
export interface Options {
  readonly prefix?: string | undefined
  readonly indicators?: boolean | { readonly gatesPolicy?: Policy.Policy | undefined } | undefined
}

/** @internal */
export const defaultPrefix = "cj_"

/** @internal */
export const prefixPattern = /^[a-z][a-z0-9_]{0,20}$/

// Bind parameters per statement stay well under every driver's limit (SQLite 32766, PostgreSQL and MySQL
// 65535), however long the caller's list.
const chunkSize = 500

// Rows per multi-row INSERT: at most 10 columns × 500 = 5000 bind parameters (the store's bulk loads send 500
// records at a time: one statement per table, fewer round trips to PostgreSQL and MySQL).
const batchRows = 500

const chunks = <A>(items: ReadonlyArray<A>, size: number): ReadonlyArray<ReadonlyArray<A>> => {
  const out: Array<ReadonlyArray<A>> = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/**
 * Code-point order: what the tables sort ids by (PostgreSQL `COLLATE "C"` and SQLite `BINARY` compare UTF-8
 * bytes, MySQL's `_bin` collations code points). Used to merge the results of a chunked query.
 */
const compareCodePoints = (a: string, b: string): number => {
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    const x = a.codePointAt(i)!
    const y = b.codePointAt(j)!
    if (x !== y) return x < y ? -1 : 1
    i += x > 0xffff ? 2 : 1
    j += y > 0xffff ? 2 : 1
  }
  return i < a.length ? 1 : j < b.length ? -1 : 0
}

const codePoints = (s: string): number => {
  let n = 0
  for (const _ of s) n++
  return n
}

// ---------------------------------------------------------------------------------------------------------
// Decoding what the drivers return: pg gives BIGINT as a string, better-sqlite3 may give a bigint (when the
// host turns on safe integers), mysql2 a number or a string for big numbers.

class Corrupt {
  constructor(readonly detail: string) {}
}

const text = (row: Record<string, unknown>, column: string): string => {
  const v = row[column]
  if (typeof v === "string") return v
  throw new Corrupt(`column ${column} is not text`)
}

const textOrNull = (row: Record<string, unknown>, column: string): string | null => (row[column] === null || row[column] === undefined ? null : text(row, column))

const integer = (row: Record<string, unknown>, column: string): number => {
  const v = row[column]
  const n = typeof v === "number" ? v : typeof v === "bigint" || (typeof v === "string" && /^-?\d+$/.test(v)) ? Number(v) : Number.NaN
  if (Number.isSafeInteger(n)) return n
  throw new Corrupt(`column ${column} is not an integer`)
}

const decodeRow = (r: Record<string, unknown>): Row => ({
  type: text(r, "type"),
  id: text(r, "id"),
  version: integer(r, "version"),
  schoolId: textOrNull(r, "school_id"),
  startsOn: textOrNull(r, "starts_on"),
  endsOn: textOrNull(r, "ends_on"),
  naturalKey: textOrNull(r, "natural_key"),
  state: textOrNull(r, "state"),
  data: text(r, "data"),
  updatedAt: text(r, "updated_at")
})

const decodeAudit = (r: Record<string, unknown>): AuditEntry => ({
  seq: integer(r, "seq"),
  actor: text(r, "actor"),
  at: text(r, "at"),
  type: text(r, "type"),
  id: text(r, "id"),
  version: integer(r, "version"),
  event: text(r, "event"),
  beforeHash: textOrNull(r, "before_hash"),
  afterHash: text(r, "after_hash")
})

const outboxStates = new Set(["pending", "claimed", "acked", "dead"])

const decodeOutbox = (r: Record<string, unknown>): OutboxEntry => {
  const state = text(r, "state")
  if (!outboxStates.has(state)) throw new Corrupt(`outbox state ${short(state)}`)
  return {
    seq: integer(r, "seq"),
    eventId: text(r, "event_id"),
    type: text(r, "type"),
    aggregateId: text(r, "aggregate_id"),
    aggregateVersion: integer(r, "aggregate_version"),
    event: text(r, "event"),
    payload: text(r, "payload"),
    at: text(r, "at"),
    state: state as OutboxEntry["state"],
    attempts: integer(r, "attempts"),
    claimedBy: textOrNull(r, "claimed_by"),
    claimedUntil: textOrNull(r, "claimed_until")
  }
}

const decodeAll = <A>(operation: string, decode: (r: Record<string, unknown>) => A) => (rows: ReadonlyArray<Record<string, unknown>>): Effect.Effect<ReadonlyArray<A>, StoreError> => {
  try {
    return Effect.succeed(rows.map(decode))
  } catch (e) {
    if (e instanceof Corrupt) return Effect.fail(new Errors.StoreError({ reason: "corrupt", operation, detail: e.detail }))
    return Effect.die(e)
  }
}

/** How many rows a write touched, from each driver's raw result. */
const affected = (raw: unknown): number => {
  if (typeof raw === "object" && raw !== null) {
    const r = raw as Record<string, unknown>
    for (const key of ["changes", "rowCount", "affectedRows"]) {
      const v = r[key]
      if (typeof v === "number") return v
      if (typeof v === "bigint") return Number(v)
    }
  }
  return 0
}

/**
 * The database rolled back the whole transaction under a savepoint: a COMMIT or ROLLBACK failed on a dead
 * connection, or MySQL resolved a deadlock by rolling back everything (its savepoint is then gone too). Inside
 * a transaction this must not be a failure the caller could catch and go on from — on MySQL the statements
 * after it would run outside any transaction and commit one by one. So it travels as a defect up to the
 * outermost `transaction`, which fails with the `StoreError` it carries.
 */
class TransactionLost {
  constructor(readonly error: StoreError) {}
}

// MySQL rolls back the whole transaction on a deadlock (and the savepoint @effect/sql then tries to roll back
// to no longer exists).
const losesTransaction = (e: SqlError): boolean => {
  const { detail, reason } = classify(e)
  return reason === "unavailable" || (reason === "conflict" && /deadlock|savepoint .* does not exist/i.test(detail))
}

/**
 * Maps every `SqlError` — failures, and the defects `@effect/sql` raises when a COMMIT or ROLLBACK fails (the
 * connection was lost) — to `StoreError`, so no driver error leaves the package.
 */
const mapSqlErrors =
  (operation: string) =>
  <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, Exclude<E, SqlError> | StoreError, R> =>
    Effect.flatMap(Effect.serviceOption(SqlClient.TransactionConnection), (tx) => {
      const inTransaction = Option.isSome(tx)
      return self.pipe(
        Effect.catchAll((e): Effect.Effect<never, Exclude<E, SqlError> | StoreError> => {
          // Not a SqlError, so in Exclude<E, SqlError> (TypeScript does not narrow a type parameter).
          if (!isSqlError(e)) return Effect.fail(e as Exclude<E, SqlError>)
          const error = toStoreError(operation)(e)
          return inTransaction && losesTransaction(e) ? Effect.die(new TransactionLost(error)) : Effect.fail(error)
        }),
        Effect.catchSomeDefect((d) => {
          if (isSqlError(d)) {
            const error = toStoreError(operation)(d)
            return Option.some(inTransaction ? Effect.die(new TransactionLost(error)) : Effect.fail(error))
          }
          return d instanceof TransactionLost && !inTransaction ? Option.some(Effect.fail(d.error)) : Option.none()
        })
      )
    })

const invalid = (operation: string, detail: string) => new Errors.StoreError({ reason: "constraint", operation, detail })

/** The indexed columns' lengths, checked the same way on every dialect (see `limits`). */
const checkLengths = (operation: string, values: ReadonlyArray<readonly [column: string, value: string | null, max: number]>): Effect.Effect<void, StoreError> => {
  for (const [column, value, max] of values) {
    if (value !== null && value.length > max && codePoints(value) > max) {
      return Effect.fail(invalid(operation, `${column} is longer than ${max} characters / ${column} 超过 ${max} 个字符`))
    }
  }
  return Effect.void
}

/** The first failing check of many, without running an effect per item (the checks are synchronous, and give
 * back `Effect.void` itself when they pass). */
const firstFailure = <A>(items: ReadonlyArray<A>, check: (a: A) => Effect.Effect<void, StoreError>): Effect.Effect<void, StoreError> => {
  for (const item of items) {
    const r = check(item)
    if (r !== Effect.void) return r
  }
  return Effect.void
}

/** Within `max` UTF-16 units, so within `max` code points: the common case, checked without allocating. */
const fits = (value: string | null, max: number) => value === null || value.length <= max

const checkRow = (operation: string, row: Row) =>
  fits(row.type, limits.type) && fits(row.id, limits.id) && fits(row.schoolId, limits.schoolId) && fits(row.naturalKey, limits.naturalKey) && fits(row.startsOn, limits.date) && fits(row.endsOn, limits.date) && fits(row.state, limits.state)
    ? Effect.void
    : checkLengths(operation, [
    ["type", row.type, limits.type],
    ["id", row.id, limits.id],
    ["schoolId", row.schoolId, limits.schoolId],
    ["naturalKey", row.naturalKey, limits.naturalKey],
    ["startsOn", row.startsOn, limits.date],
    ["endsOn", row.endsOn, limits.date],
    ["state", row.state, limits.state]
  ])

/** A `LIMIT` clause from the caller's number (inlined: MySQL's prepared statements are picky about its type). */
// No limit when absent, infinite or beyond 2^53 (a literal like 1e+21 is not an integer to any database); else the
// whole number below it, at least 0 (NaN: 0) — as the memory adapter reads it.
const limitOf = (limit: number | undefined): number | undefined =>
  limit === undefined || limit > Number.MAX_SAFE_INTEGER ? undefined : Number.isNaN(limit) ? 0 : Math.max(0, Math.floor(limit))

// Per transaction (keyed by its connection, which every level of it shares): rows whose write was lost to a
// concurrent writer, read afresh for the rest of it (see `read`). Weak: gone with the connection object, which
// @effect/sql's MySQL client makes anew for each transaction.
const lostWrites = new WeakMap<object, Set<string>>()
// The connections of transactions we opened at READ COMMITTED: their plain reads see what is committed already.
const readCommitted = new WeakSet<object>()

/**
 * MySQL/MariaDB transactions at READ COMMITTED, PostgreSQL's default: every statement sees what is committed.
 * At InnoDB's default REPEATABLE READ a transaction reads from the snapshot of its first read, so after losing a
 * compare-and-set it still sees the old version; and with `innodb_snapshot_isolation` (on by default since
 * MariaDB 11.6.2) a write to a row changed after that snapshot fails with "Record has changed since last read"
 * instead of finding the row at a new version — a plain conflict the store could not report as `Conflict`.
 * `SET TRANSACTION` (no SESSION) applies to the next transaction only: the host's sessions keep their level.
 */
const readCommittedTransactions = (sql: SqlClient.SqlClient): SqlClient.SqlClient["withTransaction"] =>
  SqlClient.makeWithTransaction({
    transactionTag: SqlClient.TransactionConnection,
    spanAttributes: [["db.system.name", "mysql"]],
    acquireConnection: Effect.flatMap(Scope.make(), (scope) => Effect.map(Scope.extend(sql.reserve, scope), (conn) => [scope, conn] as const)),
    begin: (conn) =>
      Effect.asVoid(
        Effect.zipRight(
          conn.executeUnprepared("SET TRANSACTION ISOLATION LEVEL READ COMMITTED", [], undefined),
          Effect.tap(conn.executeUnprepared("START TRANSACTION", [], undefined), () => void readCommitted.add(conn))
        )
      ),
    savepoint: (conn, id) => Effect.asVoid(conn.executeUnprepared(`SAVEPOINT effect_sql_${id}`, [], undefined)),
    commit: (conn) => Effect.asVoid(conn.executeUnprepared("COMMIT", [], undefined)),
    rollback: (conn) => Effect.asVoid(conn.executeUnprepared("ROLLBACK", [], undefined)),
    rollbackSavepoint: (conn, id) => Effect.asVoid(conn.executeUnprepared(`ROLLBACK TO SAVEPOINT effect_sql_${id}`, [], undefined))
  })

/**
 * Builds the driver over the `SqlClient` in context.
 *
 * @internal
 */
export const make = (options: Options = {}): Effect.Effect<Driver, StoreError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const prefix = options.prefix ?? defaultPrefix
    if (!prefixPattern.test(prefix)) {
      return yield* Effect.fail(
        new Errors.StoreError({
          reason: "invalid",
          operation: "make sql driver",
          detail: `table prefix ${JSON.stringify(short(prefix))} must match ${prefixPattern.source} / 表名前缀须为小写字母开头的字母、数字或下划线，最多 21 个字符`
        })
      )
    }
    // Our SQL names its columns in snake_case itself: the host's name transforms must not touch it.
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const dialect = sql.onDialectOrElse<Dialect | undefined, Dialect, Dialect, Dialect>({
      sqlite: () => "sqlite",
      pg: () => "pg",
      mysql: () => "mysql",
      orElse: () => undefined
    })
    if (dialect === undefined) {
      return yield* Effect.fail(new Errors.StoreError({ reason: "invalid", operation: "make sql driver", detail: "only SQLite, PostgreSQL and MySQL/MariaDB are supported / 仅支持 SQLite、PostgreSQL 与 MySQL/MariaDB" }))
    }
    // MySQL/MariaDB: our transactions at READ COMMITTED (see `readCommittedTransactions`) — unless the server
    // writes a statement-based binary log, which InnoDB refuses to write at that level.
    const withTransaction: SqlClient.SqlClient["withTransaction"] =
      dialect === "mysql" &&
      // A MySQL-compatible server without these variables writes no statement-based log either.
      !(yield* sql<{ readonly logBin: unknown; readonly format: unknown }>`SELECT @@log_bin AS ${sql("logBin")}, @@binlog_format AS ${sql("format")}`.pipe(
        Effect.map((rows) => Number(rows[0]?.logBin) === 1 && String(rows[0]?.format).toUpperCase() === "STATEMENT"),
        Effect.orElseSucceed(() => false)
      ))
        ? readCommittedTransactions(sql)
        : sql.withTransaction
    const t = tables(prefix)
    const A = sql(t.aggregates)
    const AU = sql(t.audit)
    const O = sql(t.outbox)
    const rowColumns = sql.literal(aggregateColumns)
    const auditCols = sql.literal(auditColumns)
    const outboxCols = sql.literal(outboxColumns)
    // Bulk INSERTs: the statement text for a table and a number of rows is written once and reused (the
    // drivers then find their prepared statement by it), and the values go in as one flat parameter list —
    // no statement compiled from fragments, no object per row.
    const insertTexts = new Map<string, string>()
    const quoted = (name: string) => (dialect === "mysql" ? `\`${name}\`` : `"${name}"`)
    const insertText = (table: string, columns: string, width: number, rows: number): string => {
      const key = `${table}/${rows}`
      let text = insertTexts.get(key)
      if (text === undefined) {
        const groups: Array<string> = []
        for (let r = 0; r < rows; r++) {
          const marks: Array<string> = []
          for (let c = 0; c < width; c++) marks.push(dialect === "pg" ? `$${r * width + c + 1}` : "?")
          groups.push(`(${marks.join(",")})`)
        }
        insertTexts.set(key, (text = `INSERT INTO ${quoted(table)} (${columns}) VALUES ${groups.join(",")}`))
      }
      return text
    }
    /**
     * Items as rows of `table` in chunks of `batchRows`: each chunk one INSERT whose values are laid out one row
     * after another in a flat parameter list. `columns` pairs each column with how an item gives its value.
     */
    const insertChunks = <A>(table: string, columns: ReadonlyArray<readonly [column: string, value: (a: A) => string | number | null]>, items: ReadonlyArray<A>) =>
      Effect.suspend(() => {
        const width = columns.length
        const names = columns.map(([c]) => c).join(", ")
        const statements: Array<Effect.Effect<unknown, SqlError>> = []
        for (let k = 0; k < items.length; ) {
          // SQLite compiles each statement text it has not seen (half a millisecond for 500 rows), and a bulk load's
          // last chunk has a new length each time: that rest goes in chunks of 256, 128, … 1 rows, whose
          // statements are prepared once and reused. (PostgreSQL and MySQL would pay a round trip per chunk instead.)
          const left = items.length - k
          const n = left >= batchRows || dialect !== "sqlite" ? Math.min(batchRows, left) : 2 ** Math.floor(Math.log2(left))
          const params = new Array<string | number | null>(n * width)
          for (let i = 0; i < n; i++) {
            const item = items[k + i]!
            for (let c = 0; c < width; c++) params[i * width + c] = columns[c]![1](item)
          }
          statements.push(sql.unsafe(insertText(table, names, width, n), params))
          k += n
        }
        return Effect.forEach(statements, (s) => s, { discard: true })
      })
    const aggregateColumnsOf: ReadonlyArray<readonly [string, (r: Row) => string | number | null]> = [
      ["type", (r) => r.type],
      ["id", (r) => r.id],
      ["version", (r) => r.version],
      ["school_id", (r) => r.schoolId],
      ["starts_on", (r) => r.startsOn],
      ["ends_on", (r) => r.endsOn],
      ["natural_key", (r) => r.naturalKey],
      ["state", (r) => r.state],
      ["data", (r) => r.data],
      ["updated_at", (r) => r.updatedAt]
    ]
    const auditColumnsOf: ReadonlyArray<readonly [string, (e: Contract.NewAuditEntry) => string | number | null]> = [
      ["actor", (e) => e.actor],
      ["at", (e) => e.at],
      ["type", (e) => e.type],
      ["id", (e) => e.id],
      ["version", (e) => e.version],
      ["event", (e) => e.event],
      ["before_hash", (e) => e.beforeHash],
      ["after_hash", (e) => e.afterHash]
    ]
    const outboxColumnsOf: ReadonlyArray<readonly [string, (e: Contract.NewOutboxEntry) => string | number | null]> = [
      ["event_id", (e) => e.eventId],
      ["type", (e) => e.type],
      ["aggregate_id", (e) => e.aggregateId],
      ["aggregate_version", (e) => e.aggregateVersion],
      ["event", (e) => e.event],
      ["payload", (e) => e.payload],
      ["at", (e) => e.at],
      ["state", () => "pending"],
      ["attempts", () => 0]
    ]
    const limitClause = (limit: number | undefined): Fragment => sql.literal(limit === undefined ? "" : ` LIMIT ${limit}`)
    // Indicators in the database (InDb): side rows written with each aggregate, in the same transaction.
    const indicators = options.indicators === true ? {} : options.indicators === false || options.indicators === undefined ? undefined : options.indicators
    const indb = indicators === undefined ? undefined : IndbDerive.make(sql, prefix, t.aggregates, indicators.gatesPolicy)
    const sideWrite = (rows: ReadonlyArray<Row>) => (indb === undefined ? Effect.void : indb.write(rows))
    const withSide = <A, E, R>(self: Effect.Effect<A, E, R>) => (indb === undefined ? self : withTransaction(self))
    // Sequence numbers are inlined as integer literals: mysql2 binds every JavaScript number as a DOUBLE, and
    // InnoDB compares a BIGINT key with a DOUBLE without the index — a locking statement then scans and locks
    // every row of the table.
    const seqLiteral = (n: number): Fragment => sql.literal(Number.isFinite(n) ? String(Math.floor(n)) : n > 0 ? "9223372036854775807" : "-1")
    const seqList = (ns: ReadonlyArray<number>): Fragment => sql.literal(ns.map((n) => String(Math.floor(n))).join(", "))

    // An SQLite database without a file (":memory:", or a temporary one) does not survive its connection.
    const durable =
      dialect !== "sqlite" ||
      (yield* sql<{ readonly name: unknown; readonly file: unknown }>`PRAGMA database_list`.pipe(
        Effect.map((rows) => rows.some((r) => r.name === "main" && typeof r.file === "string" && r.file !== "")),
        mapSqlErrors("make sql driver")
      ))

    // `withTransaction` runs the caller's effect inside its "sql.transaction" span, and Effect wraps an error
    // failed inside a span in a Proxy that carries the span: unwrapped here, the caller gets back its own
    // error instance (as from any other adapter), not a look-alike that fails `===`.
    const transaction: Driver["transaction"] = (self) => mapSqlErrors("transaction")(withTransaction(self)).pipe(Effect.mapError(Cause.originalError))

    // Our own MySQL transactions run at READ COMMITTED, but one the host opened (the store then works inside it)
    // or one on a server with a statement-based binary log reads from a snapshot taken at its first read
    // (REPEATABLE READ), where PostgreSQL's and the memory adapter's see what is committed. After a compare-and-set
    // or an insert lost to a concurrent writer, the snapshot still shows the row as it was, so a `Conflict` built
    // from it would name a stale version. Such rows are remembered for the rest of the transaction (all its
    // levels: a retry in a later savepoint must see the row too) and read with LOCK IN SHARE MODE, which reads the
    // latest committed row; at REPEATABLE READ the failed statement keeps its lock on it, so this adds no wait and
    // no deadlock. Other reads stay plain (locking reads of missing rows take gap locks that
    // make concurrent creations deadlock).
    const lostWrite = (type: string, id: string) =>
      dialect !== "mysql"
        ? Effect.void
        : Effect.map(Effect.serviceOption(SqlClient.TransactionConnection), (tx) => {
            // At READ COMMITTED the next plain read sees the winner's row; a locking one could only wait for it.
            if (Option.isNone(tx) || readCommitted.has(tx.value[0])) return
            let keys = lostWrites.get(tx.value[0])
            if (keys === undefined) lostWrites.set(tx.value[0], (keys = new Set()))
            keys.add(`${type}\u0000${id}`)
          })
    const readLatest = (type: string, id: string) =>
      dialect !== "mysql"
        ? Effect.succeed(false)
        : Effect.map(Effect.serviceOption(SqlClient.TransactionConnection), (tx) => Option.isSome(tx) && lostWrites.get(tx.value[0])?.has(`${type}\u0000${id}`) === true)

    const read: Driver["read"] = (type, id) => {
      const operation = `read ${short(type)} ${short(id)}`
      return Effect.flatMap(readLatest(type, id), (latest) => sql<Record<string, unknown>>`SELECT ${rowColumns} FROM ${A} WHERE type = ${type} AND id = ${id}${sql.literal(latest ? " LOCK IN SHARE MODE" : "")}`).pipe(
        mapSqlErrors(operation),
        Effect.flatMap(decodeAll(operation, decodeRow)),
        Effect.map((rows) => rows[0])
      )
    }

    const queryOnce = (type: string, q: Contract.Query, schoolIds: ReadonlyArray<string> | undefined, ids: ReadonlyArray<string> | undefined, limit: number | undefined) => {
      const where: Array<Fragment> = [sql`type = ${type}`]
      if (schoolIds !== undefined) where.push(sql.in("school_id", schoolIds))
      if (ids !== undefined) where.push(sql.in("id", ids))
      if (q.period !== undefined) where.push(sql`(starts_on IS NULL OR starts_on <= ${q.period.to}) AND (ends_on IS NULL OR ends_on >= ${q.period.from})`)
      if (q.afterId !== undefined) where.push(sql`id > ${q.afterId}`)
      // Asked to order a school's rows by id (the store reads in pages), MySQL/MariaDB and SQLite walk the primary
      // key (type, id) over every row of the type instead of the (type, school_id) index: a school's internships in
      // a period examined all the province's (36,796 rows for 475, 0.5 s on MariaDB). The index is named for them.
      const from = schoolIds !== undefined && ids === undefined ? sql`${A}${bySchoolIndex}` : A
      return sql<Record<string, unknown>>`SELECT ${rowColumns} FROM ${from} WHERE ${sql.and(where)} ORDER BY id${limitClause(limit)}`
    }
    const bySchoolIndex = sql.onDialectOrElse({
      mysql: () => sql.literal(` FORCE INDEX (\`${t.schoolIndex}\`)`),
      sqlite: () => sql.literal(` INDEXED BY "${t.schoolIndex}"`),
      orElse: () => sql.literal("")
    })

    const query: Driver["query"] = (type, q) => {
      const operation = `query ${short(type)}`
      const limit = limitOf(q.limit)
      if (limit === 0) return Effect.succeed([])
      const schoolIds = q.schoolIds === undefined ? undefined : [...new Set(q.schoolIds)]
      const ids = q.ids === undefined ? undefined : [...new Set(q.ids)]
      if ((schoolIds === undefined || schoolIds.length <= chunkSize) && (ids === undefined || ids.length <= chunkSize)) {
        return queryOnce(type, q, schoolIds, ids, limit).pipe(mapSqlErrors(operation), Effect.flatMap(decodeAll(operation, decodeRow)))
      }
      // A long list is asked for in chunks; every row matches exactly one (schools chunk, ids chunk) pair, and
      // the first `limit` rows overall are among the first `limit` of their pair.
      const pairs: Array<readonly [ReadonlyArray<string> | undefined, ReadonlyArray<string> | undefined]> = []
      for (const s of schoolIds === undefined ? [undefined] : chunks(schoolIds, chunkSize)) {
        for (const i of ids === undefined ? [undefined] : chunks(ids, chunkSize)) pairs.push([s, i])
      }
      return Effect.forEach(pairs, ([s, i]) => queryOnce(type, q, s, i, limit)).pipe(
        mapSqlErrors(operation),
        Effect.flatMap((results) => decodeAll(operation, decodeRow)(results.flat())),
        Effect.map((rows) => {
          const sorted = [...rows].sort((a, b) => compareCodePoints(a.id, b.id))
          return limit === undefined ? sorted : sorted.slice(0, limit)
        })
      )
    }

    const schoolsOf: NonNullable<Driver["schoolsOf"]> = (type, ids) => {
      const operation = `schools of ${ids.length} ${short(type)}`
      const unique = [...new Set(ids)]
      return Effect.forEach(chunks(unique, chunkSize), (chunk) => sql<{ readonly id: unknown; readonly school_id: unknown }>`SELECT id, school_id FROM ${A} WHERE type = ${type} AND ${sql.in("id", chunk)}`).pipe(
        mapSqlErrors(operation),
        Effect.flatMap((results) => {
          const out = new Map<string, string | null>()
          for (const r of results.flat()) {
            if (typeof r.id !== "string" || (r.school_id !== null && typeof r.school_id !== "string")) {
              return Effect.fail(new Errors.StoreError({ reason: "corrupt", operation, detail: "columns id and school_id must be text / id 与 school_id 列应为文本" }))
            }
            out.set(r.id, r.school_id)
          }
          return Effect.succeed(out)
        })
      )
    }

    const findByNaturalKey: Driver["findByNaturalKey"] = (type, naturalKey) => {
      const operation = `find ${short(type)} by natural key ${short(naturalKey)}`
      return sql<{ readonly id: unknown }>`SELECT id FROM ${A} WHERE type = ${type} AND natural_key = ${naturalKey}`.pipe(
        mapSqlErrors(operation),
        Effect.flatMap((rows) => {
          const id = rows[0]?.id
          return id === undefined || typeof id === "string" ? Effect.succeed(id) : Effect.fail(new Errors.StoreError({ reason: "corrupt", operation, detail: "column id is not text" }))
        })
      )
    }

    const insert: Driver["insert"] = (row) => {
      const operation = `insert ${short(row.type)} ${short(row.id)}`
      const values = sql`(type, id, version, school_id, starts_on, ends_on, natural_key, state, data, updated_at) VALUES (${row.type}, ${row.id}, ${row.version}, ${row.schoolId}, ${row.startsOn}, ${row.endsOn}, ${row.naturalKey}, ${row.state}, ${row.data}, ${row.updatedAt})`
      // PostgreSQL aborts the whole transaction on a unique violation, so a taken id must not raise one there:
      // ON CONFLICT on the primary key turns it into "0 rows" (a natural key held by another row still raises).
      // MySQL has no such targeted form (INSERT IGNORE would swallow every error): its duplicate is recognised
      // by the key the error names, and MySQL rolls back only the statement.
      const statement = sql.onDialectOrElse({
        mysql: () => sql`INSERT INTO ${A} ${values}`,
        orElse: () => sql`INSERT INTO ${A} ${values} ON CONFLICT (type, id) DO NOTHING`
      })
      return checkRow(operation, row).pipe(
        Effect.zipRight(
          withSide(
            statement.raw.pipe(
              Effect.map((raw) => affected(raw) === 1),
              Effect.catchIf(
                (e): e is SqlError => isSqlError(e) && uniqueViolation(e, t.aggregatesPk) === "primary",
                () => Effect.succeed(false)
              ),
              Effect.tap((inserted) => (inserted ? sideWrite([row]) : Effect.void))
            )
          )
        ),
        // Outside the side rows' savepoint: the lost write is remembered at the caller's transaction level.
        Effect.tap((inserted) => (inserted ? Effect.void : lostWrite(row.type, row.id))),
        mapSqlErrors(operation)
      )
    }

    const update: Driver["update"] = (row, expectedVersion) => {
      const operation = `update ${short(row.type)} ${short(row.id)}`
      // The new version always differs from the expected one, so MySQL counts the row as affected whether or
      // not the client asked for found rows (CLIENT_FOUND_ROWS, which mysql2 sets by default).
      return checkRow(operation, row).pipe(
        Effect.zipRight(
          withSide(
            sql`UPDATE ${A} SET version = ${row.version}, school_id = ${row.schoolId}, starts_on = ${row.startsOn}, ends_on = ${row.endsOn}, natural_key = ${row.naturalKey}, state = ${row.state}, data = ${row.data}, updated_at = ${row.updatedAt} WHERE type = ${row.type} AND id = ${row.id} AND version = ${expectedVersion}`.raw.pipe(
              Effect.map((raw) => affected(raw) === 1),
              Effect.tap((updated) => (updated ? sideWrite([row]) : Effect.void))
            )
          )
        ),
        // Outside the side rows' savepoint: the lost write is remembered at the caller's transaction level.
        Effect.tap((updated) => (updated ? Effect.void : lostWrite(row.type, row.id))),
        mapSqlErrors(operation)
      )
    }

    const insertMany: NonNullable<Driver["insertMany"]> = (rows) => {
      const operation = rows.length === 1 ? `insert ${short(rows[0]!.type)} ${short(rows[0]!.id)}` : `insert ${rows.length} rows`
      if (rows.length === 0) return Effect.void
      // Multi-row INSERTs: a taken id raises here (the whole batch fails, so PostgreSQL aborting the
      // transaction is what the caller wants anyway) and is reported as a conflict.
      return firstFailure(rows, (row) => checkRow(operation, row)).pipe(
        Effect.zipRight(
          insertChunks(t.aggregates, aggregateColumnsOf, rows)
        ),
        Effect.zipRight(sideWrite(rows)),
        withSide,
        Effect.mapError((e) => (isSqlError(e) && uniqueViolation(e, t.aggregatesPk) === "primary" ? new Errors.StoreError({ reason: "conflict", operation, detail: `a row exists already / 记录已存在: ${classify(e).detail}`, cause: e }) : e)),
        mapSqlErrors(operation)
      )
    }

    const appendAuditMany: NonNullable<Driver["appendAuditMany"]> = (entries) => {
      const operation = `audit ${entries.length} entries`
      if (entries.length === 0) return Effect.void
      return firstFailure(entries, (e) =>
        fits(e.type, limits.type) && fits(e.id, limits.id)
          ? Effect.void
          : checkLengths(operation, [
              ["type", e.type, limits.type],
              ["id", e.id, limits.id]
            ])
      ).pipe(
        // One multi-row INSERT per chunk: every database numbers the rows of a VALUES list in order.
        Effect.zipRight(
          insertChunks(t.audit, auditColumnsOf, entries)
        ),
        mapSqlErrors(operation)
      )
    }

    const appendAudit: Driver["appendAudit"] = (e) => {
      const operation = `audit ${short(e.type)} ${short(e.id)}`
      return checkLengths(operation, [
        ["type", e.type, limits.type],
        ["id", e.id, limits.id]
      ]).pipe(
        Effect.zipRight(
          sql`INSERT INTO ${AU} (actor, at, type, id, version, event, before_hash, after_hash) VALUES (${e.actor}, ${e.at}, ${e.type}, ${e.id}, ${e.version}, ${e.event}, ${e.beforeHash}, ${e.afterHash})`
        ),
        Effect.asVoid,
        mapSqlErrors(operation)
      )
    }

    const readAudit: Driver["readAudit"] = (q) => {
      const operation = "read audit"
      const limit = limitOf(q.limit)
      if (limit === 0) return Effect.succeed([])
      const where: Array<Fragment> = []
      if (q.type !== undefined) where.push(sql`type = ${q.type}`)
      if (q.id !== undefined) where.push(sql`id = ${q.id}`)
      if (q.afterSeq !== undefined) where.push(sql`seq > ${seqLiteral(q.afterSeq)}`)
      return sql<Record<string, unknown>>`SELECT ${auditCols} FROM ${AU} WHERE ${sql.and(where)} ORDER BY seq${limitClause(limit)}`.pipe(
        mapSqlErrors(operation),
        Effect.flatMap(decodeAll(operation, decodeAudit))
      )
    }

    const appendOutbox: Driver["appendOutbox"] = (entries) => {
      const operation = entries.length === 1 ? `outbox ${short(entries[0]!.eventId)}` : `outbox ${entries.length} entries`
      if (entries.length === 0) return Effect.void
      return firstFailure(entries, (e) =>
        fits(e.eventId, limits.eventId) && fits(e.type, limits.type) && fits(e.aggregateId, limits.id)
          ? Effect.void
          : checkLengths(operation, [
              ["eventId", e.eventId, limits.eventId],
              ["type", e.type, limits.type],
              ["aggregateId", e.aggregateId, limits.id]
            ])
      ).pipe(
        Effect.zipRight(
          insertChunks(t.outbox, outboxColumnsOf, entries)
        ),
        mapSqlErrors(operation)
      )
    }

    const claimable = (at: string) => sql`(state = 'pending' OR (state = 'claimed' AND claimed_until < ${at}))`
    const setClaimed = (claimant: string, until: string) => sql`state = 'claimed', claimed_by = ${claimant}, claimed_until = ${until}, attempts = attempts + 1`

    const claimOutbox: Driver["claimOutbox"] = (n, claimant, at, until) => {
      const operation = `claim outbox for ${short(claimant)}`
      const limit = limitOf(n) ?? 0
      if (limit === 0) return Effect.succeed([])
      const claim: Effect.Effect<ReadonlyArray<Record<string, unknown>>, SqlError> = sql.onDialectOrElse({
        // One statement: the subquery locks the rows it picks and skips those another claimer holds, so two
        // claimers never pick the same entry and neither waits for the other.
        pg: () =>
          sql<Record<string, unknown>>`UPDATE ${O} SET ${setClaimed(claimant, until)} WHERE seq IN (SELECT seq FROM ${O} WHERE ${claimable(at)} ORDER BY seq${limitClause(limit)} FOR UPDATE SKIP LOCKED) RETURNING ${outboxCols}`,
        // No UPDATE … RETURNING in MariaDB: lock the rows (skipping those another claimer holds), mark them,
        // and read them back, in one transaction (a savepoint when the caller has one open). InnoDB takes
        // next-key (gap) locks for a locking read over a range of the (state, seq) index, and the UPDATE that
        // moves a row to another state inserts into those gaps: two claimers would deadlock. So candidates are
        // read without locks, and then locked one by one through the primary key (record locks only), the
        // claim condition checked again under the lock.
        mysql: () =>
          withTransaction(
            Effect.gen(function* () {
              const seqs: Array<number> = []
              let after = 0
              // Pages and lists of bounded length, however many the caller claims (claim(Infinity) claims everything).
              const page = Math.min(Math.max(2 * limit, 50), 4 * chunkSize)
              while (seqs.length < limit) {
                const candidates = yield* sql<{ readonly seq: unknown }>`SELECT seq FROM ${O} WHERE ${claimable(at)} AND seq > ${seqLiteral(after)} ORDER BY seq${limitClause(page)}`
                if (candidates.length === 0) break
                const ids = candidates.map((r) => Number(r.seq))
                after = ids[ids.length - 1]!
                for (let k = 0; k < ids.length && seqs.length < limit; ) {
                  const slice = ids.slice(k, k + Math.min(limit - seqs.length, chunkSize))
                  k += slice.length
                  // FORCE INDEX: through (state, seq) InnoDB would take the secondary record and then wait for the
                  // primary one another claimer holds, instead of skipping it.
                  const locked = yield* sql<{ readonly seq: unknown }>`SELECT seq FROM ${O} FORCE INDEX (PRIMARY) WHERE seq IN (${seqList(slice)}) AND ${claimable(at)} ORDER BY seq FOR UPDATE SKIP LOCKED`
                  for (const r of locked) seqs.push(Number(r.seq))
                }
                if (candidates.length < page) break
              }
              if (seqs.length === 0) return []
              // FORCE INDEX again: on a small table the optimiser prefers a full scan, which locks every row
              // (those other claimers hold included) and deadlocks.
              const claimed: Array<Record<string, unknown>> = []
              for (const part of chunks(seqs, chunkSize)) {
                yield* sql`UPDATE ${O} FORCE INDEX (PRIMARY) SET ${setClaimed(claimant, until)} WHERE seq IN (${seqList(part)})`
                claimed.push(...(yield* sql<Record<string, unknown>>`SELECT ${outboxCols} FROM ${O} WHERE seq IN (${seqList(part)})`))
              }
              return claimed
            })
          ),
        // SQLite writers are serialised by the database lock, and the statement is atomic on its own.
        orElse: () =>
          sql<Record<string, unknown>>`UPDATE ${O} SET ${setClaimed(claimant, until)} WHERE seq IN (SELECT seq FROM ${O} WHERE ${claimable(at)} ORDER BY seq${limitClause(limit)}) RETURNING ${outboxCols}`
      })
      return claim.pipe(
        mapSqlErrors(operation),
        Effect.flatMap(decodeAll(operation, decodeOutbox)),
        Effect.map((entries) => [...entries].sort((a, b) => a.seq - b.seq))
      )
    }

    // MySQL: through the event id's unique index, so only the named rows are locked (see the claim above).
    // (The index name is the validated prefix plus a constant, safe to inline.)
    const byEventId = sql.onDialectOrElse({ mysql: () => sql.literal(` FORCE INDEX (\`${t.eventIdIndex}\`)`), orElse: () => sql.literal("") })
    const settle = (operation: string, eventIds: ReadonlyArray<string>, claimant: string, set: Fragment) => {
      const unique = [...new Set(eventIds)]
      if (unique.length === 0) return Effect.succeed(0)
      return Effect.forEach(chunks(unique, chunkSize), (chunk) =>
        Effect.map(sql`UPDATE ${O}${byEventId} SET ${set} WHERE state = 'claimed' AND claimed_by = ${claimant} AND ${sql.in("event_id", chunk)}`.raw, affected)
      ).pipe(
        Effect.map((counts) => counts.reduce((a, b) => a + b, 0)),
        mapSqlErrors(operation)
      )
    }

    const ackOutbox: Driver["ackOutbox"] = (eventIds, claimant) => settle(`ack outbox for ${short(claimant)}`, eventIds, claimant, sql`state = 'acked', claimed_until = NULL`)

    // Unsent: the claim was not an attempt, so the count it added is taken back in the same UPDATE (never below 0).
    const releaseOutbox: Driver["releaseOutbox"] = (eventIds, claimant, options) =>
      options?.unsent === true
        ? settle(
            `release outbox (unsent) for ${short(claimant)}`,
            eventIds,
            claimant,
            sql`state = 'pending', attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END, claimed_by = NULL, claimed_until = NULL`
          )
        : settle(`release outbox for ${short(claimant)}`, eventIds, claimant, sql`state = 'pending', claimed_by = NULL, claimed_until = NULL`)

    // A retry time is a claim that lapses at it (no column of its own); a dead letter is a state of its own.
    const retryOutbox: NonNullable<Driver["retryOutbox"]> = (eventIds, claimant, at) => settle(`retry outbox for ${short(claimant)}`, eventIds, claimant, sql`claimed_until = ${at}`)

    const deadLetterOutbox: NonNullable<Driver["deadLetterOutbox"]> = (eventIds, claimant) =>
      settle(`dead-letter outbox for ${short(claimant)}`, eventIds, claimant, sql`state = 'dead', claimed_until = NULL`)

    const reviveOutbox: NonNullable<Driver["reviveOutbox"]> = (eventIds) => {
      const unique = [...new Set(eventIds)]
      if (unique.length === 0) return Effect.succeed(0)
      return Effect.forEach(chunks(unique, chunkSize), (chunk) =>
        Effect.map(sql`UPDATE ${O}${byEventId} SET state = 'pending', attempts = 0, claimed_by = NULL, claimed_until = NULL WHERE state = 'dead' AND ${sql.in("event_id", chunk)}`.raw, affected)
      ).pipe(
        Effect.map((counts) => counts.reduce((a, b) => a + b, 0)),
        mapSqlErrors("revive outbox")
      )
    }

    const readOutbox: Driver["readOutbox"] = (q) => {
      const operation = "read outbox"
      const limit = limitOf(q.limit)
      if (limit === 0) return Effect.succeed([])
      const where: Array<Fragment> = []
      if (q.state !== undefined) where.push(sql`state = ${q.state}`)
      if (q.afterSeq !== undefined) where.push(sql`seq > ${seqLiteral(q.afterSeq)}`)
      return sql<Record<string, unknown>>`SELECT ${outboxCols} FROM ${O} WHERE ${sql.and(where)} ORDER BY seq${limitClause(limit)}`.pipe(
        mapSqlErrors(operation),
        Effect.flatMap(decodeAll(operation, decodeOutbox))
      )
    }

    const migrate = makeMigrate(sql, dialect, t, indicators === undefined ? undefined : prefix)

    const driver: Driver = {
      name: dialect === "pg" ? "postgresql" : dialect,
      capabilities: { concurrentWriters: true, migrations: true, durable },
      transaction,
      read,
      query,
      findByNaturalKey,
      insert,
      insertMany,
      schoolsOf,
      update,
      appendAudit,
      appendAuditMany,
      readAudit,
      appendOutbox,
      claimOutbox,
      ackOutbox,
      releaseOutbox,
      retryOutbox,
      deadLetterOutbox,
      reviveOutbox,
      readOutbox,
      migrate
    }
    return driver
  })

// ---------------------------------------------------------------------------------------------------------
// Migrations

const lockWaitSeconds = 120

// Process-wide by nature (it guards a file, whoever opened it): one per file and prefix, kept in a global so
// that two copies of this module still share it.
const sqliteMigrationLocks = globalValue(Symbol.for("@chanjiao/store-sql/sqliteMigrationLocks"), () => new Map<string, Effect.Semaphore>())

/** Runs a statement on a reserved connection (outside the client's transaction bookkeeping). */
const runOn = (conn: { readonly execute: (sql: string, params: ReadonlyArray<unknown>, transformRows: undefined) => Effect.Effect<ReadonlyArray<unknown>, SqlError> }, statement: Statement<object>) => {
  const [text, params] = statement.compile(true)
  return conn.execute(text, params, undefined)
}

/**
 * Holds a lock that only one migrator per database and prefix gets, for the duration of `self`. The
 * Migrator's own protection does not suffice on its own: on PostgreSQL two first-time migrators race to create
 * the migrations table, and on MySQL its "locked" answer comes as soon as the other migrator has recorded the
 * migration (MySQL commits DDL implicitly) — before that migrator has created the tables. The lock is held by
 * a reserved connection, so a crashed process releases it with its connection.
 */
const withMigrationLock = <A, E>(sql: SqlClient.SqlClient, dialect: Dialect, t: Tables, self: Effect.Effect<A, E>): Effect.Effect<A, E | SqlError | StoreError> => {
  const key = `chanjiao:${t.migrations}`
  switch (dialect) {
    case "sqlite":
      // Across processes SQLite's own write lock serialises the Migrator's transactions (a second migrator
      // waits for the busy timeout, then finds the work done). Within one process that wait would block the
      // event loop the first migrator needs to finish, so migrators of one file take turns here first.
      return Effect.flatMap(
        sql<{ readonly name: unknown; readonly file: unknown }>`PRAGMA database_list`,
        (rows) => {
          const file = rows.find((r) => r.name === "main")?.file
          if (typeof file !== "string" || file === "") return self
          const locks = sqliteMigrationLocks
          let lock = locks.get(`${file}\u0000${key}`)
          if (lock === undefined) locks.set(`${file}\u0000${key}`, (lock = Effect.unsafeMakeSemaphore(1)))
          return lock.withPermits(1)(self)
        }
      )
    case "pg":
      return Effect.scoped(
        Effect.gen(function* () {
          const conn = yield* sql.reserve
          yield* runOn(conn, sql`BEGIN`)
          // A transaction-level lock: released by the ROLLBACK below, or by the server if the connection dies.
          yield* Effect.addFinalizer(() => Effect.ignore(runOn(conn, sql`ROLLBACK`)))
          yield* runOn(conn, sql`SET LOCAL lock_timeout = ${sql.literal(`'${lockWaitSeconds}s'`)}`)
          yield* runOn(conn, sql`SELECT pg_advisory_xact_lock(hashtext(COALESCE(current_schema(), '') || ':' || ${key}))`)
          return yield* self
        })
      )
    case "mysql":
      return Effect.scoped(
        Effect.gen(function* () {
          const conn = yield* sql.reserve
          // GET_LOCK names are server-wide: the database's name goes into it (hashed, names are ≤ 64 chars).
          const name = sql`SHA1(CONCAT(COALESCE(DATABASE(), ''), ':', ${key}))`
          const rows = yield* runOn(conn, sql`SELECT GET_LOCK(${name}, ${sql.literal(String(lockWaitSeconds))}) AS got`)
          const got = (rows[0] as { readonly got?: unknown } | undefined)?.got
          if (got !== 1 && got !== "1") {
            return yield* Effect.fail(
              new Errors.StoreError({ reason: "migration", operation: "migrate", detail: `another process has been migrating ${t.migrations} for more than ${lockWaitSeconds}s / 另一进程正在升级数据库结构` })
            )
          }
          yield* Effect.addFinalizer(() => Effect.ignore(runOn(conn, sql`SELECT RELEASE_LOCK(${name})`)))
          return yield* self
        })
      )
  }
}

const makeMigrate = (sql: SqlClient.SqlClient, dialect: Dialect, t: Tables, indbPrefix?: string): Effect.Effect<void, StoreError> => {
  const all = migrations(sql, dialect, t)
  const ids = Object.keys(all).map((k) => Number(k.slice(0, k.indexOf("_"))))
  const migrator = Migrator.make({})({ loader: Migrator.fromRecord(all), table: t.migrations }).pipe(
    // The Migrator asks for the client in context: give it ours, without the host's name transforms.
    Effect.provideService(SqlClient.SqlClient, sql),
    // A failed migration is a defect of the Migrator ("failed", via orDie): bring it back as a failure.
    Effect.catchSomeDefect((d) => (d instanceof Migrator.MigrationError ? Option.some(Effect.fail(d)) : Option.none())),
    // SQLite's "busy" (another process held the write lock past the busy timeout) is worth another try; no
    // pause in between, the busy timeout was one.
    Effect.retry({ times: 3, while: (e) => isSqlError(e) && classify(e).reason === "conflict" })
  )
  // The side tables of indicators in the database have their own migrations table (the store's stays as it is).
  const indbMigrator =
    indbPrefix === undefined
      ? Effect.void
      : Migrator.make({})({ loader: Migrator.fromRecord(IndbSchema.migrations(sql, dialect, indbPrefix)), table: IndbSchema.migrationsTable(indbPrefix) }).pipe(
          Effect.provideService(SqlClient.SqlClient, sql),
          Effect.catchSomeDefect((d) => (d instanceof Migrator.MigrationError ? Option.some(Effect.fail(d)) : Option.none())),
          Effect.zipRight(IndbSchema.verify(sql, indbPrefix))
        )
  const run = Effect.zipRight(migrator, verify(sql, t)).pipe(Effect.zipRight(indbMigrator))
  const once = sql.onDialectOrElse({
    // MySQL records a migration before its DDL commits it: a migration that failed or crashed half-way is
    // recorded as done. When the tables do not match what the recorded migrations make, forget the record and
    // run them again (each is idempotent).
    mysql: () =>
      Effect.catchAll(run, (first) =>
        sql`DELETE FROM ${sql(t.migrations)} WHERE ${sql.in("migration_id", ids)}`.pipe(
          Effect.zipRight(indbPrefix === undefined ? Effect.void : Effect.ignore(sql`DELETE FROM ${sql(IndbSchema.migrationsTable(indbPrefix))}`)),
          Effect.zipRight(run),
          Effect.catchAll(() => Effect.fail(first))
        )
      ),
    orElse: () => run
  })
  return withMigrationLock(sql, dialect, t, once).pipe(
    Effect.asVoid,
    Effect.mapError((e) => {
      if (e instanceof Errors.StoreError) return e
      const cause = e instanceof Migrator.MigrationError && e.cause !== undefined ? e.cause : e
      const { detail, reason } = classify(cause)
      const message = e instanceof Migrator.MigrationError ? `${e.message}: ${detail}` : detail
      return new Errors.StoreError({ reason: reason === "unavailable" ? "unavailable" : "migration", operation: `migrate ${t.migrations}`, detail: message, cause: e })
    }),
    Effect.catchSomeDefect((d) =>
      isSqlError(d) ? Option.some(Effect.fail(new Errors.StoreError({ reason: classify(d).reason === "unavailable" ? "unavailable" : "migration", operation: `migrate ${t.migrations}`, detail: classify(d).detail, cause: d }))) : Option.none()
    )
  )
}
