/**
 * Layers: the driver over a host's `SqlClient` (`layer`, `layerStore`), and ready-made stores over SQLite,
 * PostgreSQL and MySQL/MariaDB that own their connection (`layerSqlite`, `layerPg`, `layerMysql`). Every layer
 * migrates when it is built, and fails with `StoreError` — `unavailable` when the database cannot be reached,
 * naming the host but never the password.
 *
 * @since 0.1.0
 */
import { Driver, Errors, Store } from "@chanjiao/store"
import * as Reactivity from "@effect/experimental/Reactivity"
import * as SqlClient from "@effect/sql/SqlClient"
import * as MysqlClient from "@effect/sql-mysql2/MysqlClient"
import * as PgClient from "@effect/sql-pg/PgClient"
import * as SqliteClient from "@effect/sql-sqlite-node/SqliteClient"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"
import { finiteMillis } from "./internal/duration.js"
import { classify } from "./internal/errors.js"
import * as SqlDriver from "./SqlDriver.js"

/**
 * The driver over the `SqlClient` in context, migrated.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options?: SqlDriver.Options): Layer.Layer<Driver.StoreDriver, Errors.StoreError, SqlClient.SqlClient> =>
  Layer.effect(Driver.StoreDriver, Effect.tap(SqlDriver.make(options), (driver) => driver.migrate))

/**
 * What the store layers take: the driver's options and the store's (`extensions`: a plugin bundle's typed
 * extension fields, checked on every write and typed on every read — see `Store.Options`).
 *
 * @since 0.1.0
 * @category models
 */
export interface StoreOptions extends SqlDriver.Options, Store.Options {}

/**
 * The `Store` and its driver over the `SqlClient` in context, migrated.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerStore = (options?: StoreOptions): Layer.Layer<Store.Store | Driver.StoreDriver, Errors.StoreError, SqlClient.SqlClient> =>
  (options?.extensions === undefined ? Store.layer : Store.layerWith({ extensions: options.extensions })).pipe(Layer.provideMerge(layer(options)))

/**
 * @since 0.1.0
 * @category models
 */
export interface SqliteOptions extends StoreOptions {
  /** A file path, or `:memory:` for a database that lives as long as the layer. */
  readonly filename: string
  /** How long a write waits for another process's write to finish before it fails (default 5 seconds). */
  readonly busyTimeout?: Duration.DurationInput | undefined
}

/**
 * @since 0.1.0
 * @category models
 */
export interface UrlOptions extends StoreOptions {
  /** `postgres://user:password@host:5432/database`, `mysql://user:password@host:3306/database` (or `mariadb://`). */
  readonly url: string
  /**
   * The most connections the pool opens (default 10; at least 2 — migrating holds one connection for its lock
   * while the migrations run on another).
   */
  readonly maxConnections?: number | undefined
  /**
   * How long connecting may take when the layer is built before it fails as `unavailable` (default 10 seconds): a
   * server that accepts the connection but never answers is given up on, not waited for. Calls never time out
   * waiting for a free connection of the pool.
   */
  readonly connectTimeout?: Duration.DurationInput | undefined
}

const connectTimeoutOf = (options: UrlOptions): Duration.Duration => {
  const ms = finiteMillis(options.connectTimeout ?? "10 seconds")
  return Duration.millis(ms !== undefined && ms > 0 ? ms : 10_000)
}

const poolSize = (n: number | undefined) => (n === undefined ? undefined : Math.max(2, Math.floor(n)))

// `scheme://[user[:password]@]host[:port][/database][?options]` (parsed here: the package runs where the
// URL global may not be typed, and only these parts are needed).
const urlParts = (url: string) => {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:([^@/?#]*)@)?([^/?#]*)([^?#]*)/i.exec(url)
  return m === null ? undefined : { userinfo: m[1], host: m[2] ?? "", path: m[3] ?? "" }
}

/** Where a url points, for messages: host, port and database — never the user's name or password. */
const whereOf = (url: string): string => {
  const parts = urlParts(url)
  return parts === undefined ? "(a url that does not parse)" : `${parts.host}${parts.path}`
}

const passwordOf = (url: string): string | undefined => {
  const userinfo = urlParts(url)?.userinfo
  const colon = userinfo?.indexOf(":") ?? -1
  if (userinfo === undefined || colon < 0 || colon === userinfo.length - 1) return undefined
  const raw = userinfo.slice(colon + 1)
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

/** A client that could not be built: `unavailable`, naming where it tried to connect. */
const cannotConnect = (system: string, where: string, secret: string | undefined) => (error: unknown) => {
  const { detail } = classify(error)
  // A driver may quote its connection string back; whatever it says, the password stays out — of the message,
  // and of the cause kept for diagnostics (a url parser's error carries the whole url as its `input`).
  const scrub = (s: string) => (secret === undefined ? s : s.split(secret).join("***").split(encodeURIComponent(secret)).join("***"))
  const cause = secret === undefined ? error : scrubbed(error, scrub, 0)
  return new Errors.StoreError({
    reason: "unavailable",
    operation: `connect to ${system}`,
    detail: scrub(`无法连接 ${system}（${where}）/ cannot connect to ${system} at ${where}: ${detail}`),
    cause
  })
}

/**
 * An error chain with a secret scrubbed out of every text in it (messages, stacks, string fields such as a url
 * parser's `input`), its shape kept: names, tags, codes and the inner causes a diagnosis needs (ECONNREFUSED…).
 */
const scrubbed = (error: unknown, scrub: (s: string) => string, depth: number): unknown => {
  if (typeof error === "string") return scrub(error)
  if (typeof error !== "object" || error === null || depth > 6) return error
  const copy: { [key: string]: unknown } = {}
  if (error instanceof Error) {
    copy.name = error.name
    copy.stack = error.stack === undefined ? undefined : scrub(error.stack)
  }
  for (const [k, v] of Object.entries(error)) {
    if (k === "cause" || k === "errors") continue
    if (typeof v === "string") copy[k] = scrub(v)
    else if (typeof v === "number" || typeof v === "boolean") copy[k] = v
  }
  const inner = (error as { readonly cause?: unknown }).cause
  if (inner !== undefined) copy.cause = scrubbed(inner, scrub, depth + 1)
  const errors = (error as { readonly errors?: unknown }).errors
  if (Array.isArray(errors)) copy.errors = errors.map((e) => scrubbed(e, scrub, depth + 1))
  return error instanceof Error ? Object.assign(new Error(scrub(error.message)), copy) : copy
}

/** A store option that is wrong before any connection is tried: `invalid`. */
const invalidOption = (operation: string, detail: string) => new Errors.StoreError({ reason: "invalid", operation, detail })

/** The table prefix checked before a client opens anything (a SQLite file would otherwise be created). */
const checkPrefix = (options: StoreOptions | undefined): Errors.StoreError | undefined =>
  options?.prefix === undefined || SqlDriver.prefixPattern.test(options.prefix)
    ? undefined
    : invalidOption(
        "make sql driver",
        `表名前缀须为小写字母开头的字母、数字或下划线，最多 21 个字符 / table prefix ${JSON.stringify(options.prefix.slice(0, 40))} must match ${SqlDriver.prefixPattern.source}`
      )

const clientLayer = <E>(make: Effect.Effect<SqlClient.SqlClient, E, Scope.Scope | Reactivity.Reactivity>, onError: (error: unknown) => Errors.StoreError): Layer.Layer<SqlClient.SqlClient, Errors.StoreError> =>
  Layer.scopedContext(
    make.pipe(
      Effect.mapError(onError),
      // better-sqlite3 throws when it cannot open the file, and the client constructors throw on a url
      // they cannot parse: both arrive as defects.
      Effect.catchAllDefect((d) => Effect.fail(onError(d))),
      Effect.map((client) => Context.make(SqlClient.SqlClient, client))
    )
  ).pipe(Layer.provide(Reactivity.layer))

const isFile = (filename: string) => filename !== ":memory:" && filename !== "" && !filename.startsWith("file::memory:")

/**
 * A SQLite `SqlClient` (better-sqlite3). A file database runs in WAL mode (readers do not block the writer)
 * with a busy timeout, so several processes can share it.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerSqliteClient = (options: SqliteOptions): Layer.Layer<SqlClient.SqlClient, Errors.StoreError> => {
  const onError = cannotConnect("SQLite", options.filename, undefined)
  return clientLayer(
    Effect.gen(function* () {
      const client = yield* SqliteClient.make({ filename: options.filename, disableWAL: !isFile(options.filename) })
      if (isFile(options.filename)) {
        const ms = Math.max(0, Math.round(Duration.toMillis(Duration.decode(options.busyTimeout ?? "5 seconds"))))
        yield* client.unsafe(`PRAGMA busy_timeout = ${ms}`)
      }
      return client
    }),
    onError
  )
}

/**
 * A PostgreSQL `SqlClient` (pg), connected and checked.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerPgClient = (options: UrlOptions): Layer.Layer<SqlClient.SqlClient, Errors.StoreError> =>
  clientLayer(
    Effect.gen(function* () {
      // pg waits for a server that accepts the connection and never answers forever. Its timeout would also bound
      // how long a call queues for a free connection of the pool, so it is set only on a first probe of its own.
      yield* Effect.scoped(PgClient.make({ url: Redacted.make(options.url), applicationName: "chanjiao", maxConnections: 1, connectTimeout: connectTimeoutOf(options) }))
      return yield* PgClient.make({ url: Redacted.make(options.url), applicationName: "chanjiao", maxConnections: poolSize(options.maxConnections) })
    }),
    cannotConnect("PostgreSQL", whereOf(options.url), passwordOf(options.url))
  )

/**
 * A MySQL/MariaDB `SqlClient` (mysql2), connected and checked. `mariadb://` urls are accepted.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerMysqlClient = (options: UrlOptions): Layer.Layer<SqlClient.SqlClient, Errors.StoreError> => {
  // MySQL has no default database: without one in the url, the first statement fails with "No database selected".
  const path = urlParts(options.url)?.path ?? ""
  if (urlParts(options.url) !== undefined && path.replace(/^\//, "") === "") {
    return Layer.fail(
      invalidOption("connect to MySQL", `地址中缺少数据库名，应为 mysql://用户:密码@主机:3306/数据库 / the url names no database: mysql://user:password@host:3306/database (${whereOf(options.url)})`)
    )
  }
  // mysql2 reads its options from the url's query too: the connect timeout goes there unless the url sets one.
  const url = options.url.replace(/^mariadb:/i, "mysql:")
  const withTimeout = /[?&]connectTimeout=/.test(url) ? url : `${url}${url.includes("?") ? "&" : "?"}connectTimeout=${Math.round(Duration.toMillis(connectTimeoutOf(options)))}`
  return clientLayer(MysqlClient.make({ url: Redacted.make(withTimeout), maxConnections: poolSize(options.maxConnections) }), cannotConnect("MySQL", whereOf(options.url), passwordOf(options.url)))
}

/**
 * A store in a SQLite database (a file, or `:memory:`), migrated.
 *
 * @example
 * ```ts
 * import { Layers } from "@chanjiao/store-sql"
 * import { Store } from "@chanjiao/store"
 * import { Effect } from "effect"
 *
 * const program = Effect.flatMap(Store.Store, (store) => store.find("teacher", "t-1"))
 * Effect.runPromise(Effect.provide(program, Layers.layerSqlite({ filename: "chanjiao.db" })))
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layerSqlite = (options: SqliteOptions): Layer.Layer<Store.Store | Driver.StoreDriver, Errors.StoreError> => {
  const bad = checkPrefix(options)
  return bad !== undefined ? Layer.fail(bad) : layerStore(options).pipe(Layer.provide(layerSqliteClient(options)))
}

/**
 * A store in PostgreSQL, migrated.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerPg = (options: UrlOptions): Layer.Layer<Store.Store | Driver.StoreDriver, Errors.StoreError> => {
  const bad = checkPrefix(options)
  return bad !== undefined ? Layer.fail(bad) : layerStore(options).pipe(Layer.provide(layerPgClient(options)))
}

/**
 * A store in MySQL or MariaDB, migrated.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerMysql = (options: UrlOptions): Layer.Layer<Store.Store | Driver.StoreDriver, Errors.StoreError> => {
  const bad = checkPrefix(options)
  return bad !== undefined ? Layer.fail(bad) : layerStore(options).pipe(Layer.provide(layerMysqlClient(options)))
}
